import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { compareFrench } from "@/lib/intl";

export type AttendanceLine = {
  name: string;
  status: AttendanceStatus | null;
  category: string | null;
  formerCategory: string | null;
  isPresident: boolean;
  guestRole: string | null;
};

export type AttendanceSummary = {
  present: AttendanceLine[];
  excused: AttendanceLine[];
  absent: AttendanceLine[];
  guests: AttendanceLine[];
};

// Reads like the minutes: guests first among those present (as in the example), then the
// president, then members in the order of the colleges, then by name.
export function summarizeAttendance(
  lines: readonly AttendanceLine[],
  collegeOrder: readonly string[] = [],
): AttendanceSummary {
  const rank = (line: AttendanceLine) => {
    const index = line.category ? collegeOrder.indexOf(line.category) : -1;
    return index === -1 ? collegeOrder.length : index;
  };
  const sorted = [...lines].sort(
    (a, b) =>
      Number(b.isPresident) - Number(a.isPresident) || rank(a) - rank(b) || compareFrench(a.name, b.name),
  );
  return {
    present: sorted.filter((l) => l.status === "PRESENT"),
    excused: sorted.filter((l) => l.status === "EXCUSED"),
    absent: sorted.filter((l) => l.status === "ABSENT"),
    guests: sorted.filter((l) => l.status === "GUEST"),
  };
}
