import { describe, expect, it } from "vitest";
import { summarizeAttendance, type AttendanceLine } from "@/lib/meetings/attendance-summary";

const line = (
  name: string,
  status: AttendanceLine["status"],
  category: string | null,
  isPresident = false,
): AttendanceLine => ({
  name,
  status,
  category,
  formerCategory: null,
  isPresident,
  guestRole: null,
});

describe("attendance summary", () => {
  const colleges = [
    "usager·es et habitant·es",
    "salarié·es",
    "partenaires du quartier",
    "soutiens militants",
  ];
  const summary = summarizeAttendance(
    [
      line("Marc", "PRESENT", "soutiens militants"),
      line("Awa", "EXCUSED", "salarié·es"),
      line("Salima", "PRESENT", "usager·es et habitant·es"),
      line("Bertrand", "PRESENT", "soutiens militants", true),
      line("Sonia", "GUEST", null),
      line("Julien", "ABSENT", "salarié·es"),
      line("Aurélie", "PRESENT", "usager·es et habitant·es"),
      line("Zoé", null, "salarié·es"),
    ],
    colleges,
  );

  it("puts the president first, then members by college, then by name", () => {
    expect(summary.present.map((l) => l.name)).toEqual(["Bertrand", "Aurélie", "Salima", "Marc"]);
  });

  it("keeps excused, absent and guests apart, and leaves out who has no status yet", () => {
    expect(summary.excused.map((l) => l.name)).toEqual(["Awa"]);
    expect(summary.absent.map((l) => l.name)).toEqual(["Julien"]);
    expect(summary.guests.map((l) => l.name)).toEqual(["Sonia"]);
    const all = [...summary.present, ...summary.excused, ...summary.absent, ...summary.guests].map(
      (l) => l.name,
    );
    expect(all).not.toContain("Zoé");
  });
});
