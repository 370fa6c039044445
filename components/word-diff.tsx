import { partsOf, type DiffPart } from "@/lib/minutes/versions";

// What changed, word by word: additions in green, removals struck in red.
export function DiffParts({ parts, className }: { parts: DiffPart[]; className?: string }) {
  return (
    <p className={className ?? "whitespace-pre-wrap"}>
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900">
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function WordDiff({
  before,
  after,
  className,
}: {
  before: string;
  after: string;
  className?: string;
}) {
  return <DiffParts parts={partsOf(before, after)} className={className} />;
}
