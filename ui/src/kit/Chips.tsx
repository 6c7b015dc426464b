/** Tags shown as chips: `#deploys`. */
export function Chips({ tags, onPick }: { tags: readonly string[]; onPick?: (tag: string) => void }) {
  if (!tags.length) return null;
  return (
    <span className="chips">
      {tags.map((t) =>
        onPick ? (
          <button key={t} className="chip" onClick={() => onPick(t)} title={`Only findings tagged #${t}`}>
            #{t}
          </button>
        ) : (
          <span key={t} className="chip">
            #{t}
          </span>
        ),
      )}
    </span>
  );
}
