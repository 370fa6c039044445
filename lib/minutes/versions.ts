// Published minutes are never edited in place: each correction is a new version, a snapshot of
// what readers saw, and a reader can see what changed from one version to the next.
import { diffWords } from "diff";

export type MinutesSnapshot = { attendanceText: string; sections: { title: string; body: string }[] };

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type SectionDiff = { title: string; parts: DiffPart[] };

export function snapshotOf(minutes: {
  attendanceText: string | null;
  sections: readonly { title: string; body: string }[];
}): MinutesSnapshot {
  return {
    attendanceText: minutes.attendanceText ?? "",
    sections: minutes.sections.map(({ title, body }) => ({ title, body })),
  };
}

// Reads a stored snapshot back, whatever an older release may have stored.
export function readSnapshot(value: unknown): MinutesSnapshot {
  const v = (value ?? {}) as Partial<MinutesSnapshot>;
  return {
    attendanceText: typeof v.attendanceText === "string" ? v.attendanceText : "",
    sections: Array.isArray(v.sections)
      ? v.sections.map((s) => ({ title: String(s?.title ?? ""), body: String(s?.body ?? "") }))
      : [],
  };
}

// Word by word, within a time bound (a diff grows with the square of very different texts): past
// it, the whole of both texts, the old one struck out.
const DIFF_TIMEOUT_MS = 150;

export function partsOf(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes)
    return [
      ...(before ? [{ kind: "removed" as const, text: before }] : []),
      ...(after ? [{ kind: "added" as const, text: after }] : []),
    ];
  return changes.map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

// What changed between two versions, section by section (matched by position, then title);
// sections left as they were are not listed.
export function diffSnapshots(
  before: MinutesSnapshot,
  after: MinutesSnapshot,
  attendanceTitle = "Présences",
): SectionDiff[] {
  const changes: SectionDiff[] = [];
  if (before.attendanceText !== after.attendanceText)
    changes.push({ title: attendanceTitle, parts: partsOf(before.attendanceText, after.attendanceText) });
  const count = Math.max(before.sections.length, after.sections.length);
  for (let i = 0; i < count; i++) {
    const old = before.sections[i];
    const now = after.sections[i];
    const oldText = old ? old.body : "";
    const newText = now ? now.body : "";
    if (old && now && old.title === now.title && oldText === newText) continue;
    changes.push({ title: now?.title ?? old?.title ?? "", parts: partsOf(oldText, newText) });
  }
  return changes;
}

export function sectionsChanged(before: MinutesSnapshot, after: MinutesSnapshot): number {
  return diffSnapshots(before, after).length;
}
