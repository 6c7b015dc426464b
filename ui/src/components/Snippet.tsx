import type { SnippetPart } from "../bindings/SnippetPart";

/** A search snippet: matched words marked, everything else plain text. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="snippet">
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
