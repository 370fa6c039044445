// The "Présent·es / Excusé·es" paragraph of the minutes, shaped like the cooperative's own.
import type { AttendanceLine, AttendanceSummary } from "@/lib/meetings/attendance-summary";

function describe(line: AttendanceLine): string {
  const notes: string[] = [];
  if (line.isPresident) notes.push("président·e");
  if (line.category && line.formerCategory)
    notes.push(`anciennement catégorie ${line.formerCategory} et maintenant ${line.category}`);
  else if (line.category) notes.push(`catégorie ${line.category}`);
  if (line.status === "GUEST" && line.guestRole)
    return `${line.name} qui ${line.guestRole}`.replace(/ qui (qui )/, " $1");
  return notes.length ? `${line.name} (${notes.join(", ")})` : line.name;
}

export function attendanceParagraph(summary: AttendanceSummary): string {
  const present = [...summary.guests, ...summary.present].map(describe);
  const parts = [`Présent·es : ${present.length ? present.join(" ; ") : "—"}`];
  if (summary.excused.length) parts.push(`Excusé·es : ${summary.excused.map(describe).join(" ; ")}`);
  if (summary.absent.length) parts.push(`Absent·es : ${summary.absent.map(describe).join(" ; ")}`);
  return parts.join("\n\n");
}
