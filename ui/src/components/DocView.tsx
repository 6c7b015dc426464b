import type { Block } from "../bindings/Block";
import type { Doc } from "../bindings/Doc";
import type { Item } from "../bindings/Item";

/** A report rendered from the core's document model: every string is a text node, never HTML. */
export function DocView({ doc, testId }: { doc: Doc; testId?: string }) {
  return (
    <article className="doc" data-testid={testId}>
      <h2 className="doc-title">{doc.title}</h2>
      {doc.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "heading":
      return block.level <= 2 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>;
    case "para":
      return <p className="prewrap">{block.text}</p>;
    case "meta":
      return <p className="muted small">{block.text}</p>;
    case "empty":
      return <p className="empty">{block.text}</p>;
    case "facts":
      return (
        <dl className="facts">
          {block.facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      );
    case "list": {
      const items = block.items.map((it, i) => <ItemView key={i} item={it} writing={block.writing_space} />);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "table":
      return (
        <table>
          <thead>
            <tr>
              {block.head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function ItemView({ item, writing }: { item: Item; writing: boolean }) {
  return (
    <li>
      {item.at && <span className="muted small">{item.at} </span>}
      {item.quote ? <q className="prewrap">{item.text}</q> : <span className="prewrap">{item.text}</span>}
      {item.by && <span> — {item.by}</span>}
      {item.note && <span className="muted small"> {item.note}</span>}
      {writing && <div className="writing-space" />}
    </li>
  );
}
