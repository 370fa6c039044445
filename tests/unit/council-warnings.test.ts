import { describe, expect, it } from "vitest";
import { councilWarnings, type SeatView } from "@/lib/bodies/warnings";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-23");
const colleges = [
  { id: "users", name: "usager·es" },
  { id: "employees", name: "salarié·es" },
  { id: "supporters", name: "soutiens" },
];
const seat = (name: string, college: string, extra: Partial<SeatView> = {}): SeatView => ({
  mandateId: name,
  name,
  role: "MEMBER",
  seatCollegeId: college,
  personCollegeId: college,
  startsOn: d("2025-06-15"),
  endsOn: null,
  renewed: false,
  ...extra,
});

describe("council warnings", () => {
  it("says nothing of a full, coherent council", () => {
    const seats = [
      seat("A", "users", { role: "PRESIDENT" }),
      seat("B", "employees"),
      seat("C", "supporters"),
    ];
    expect(councilWarnings(seats, colleges, 3, today)).toEqual([]);
  });

  it("warns of an empty college and of too many seats", () => {
    const seats = [
      seat("A", "users", { role: "PRESIDENT" }),
      seat("B", "users"),
      seat("C", "users"),
      seat("D", "users"),
      seat("E", "employees"),
    ];
    expect(councilWarnings(seats, colleges, 3, today)).toEqual([
      { kind: "tooManySeats", college: "usager·es", seated: 4, seats: 3 },
      { kind: "emptyCollege", college: "soutiens" },
    ]);
  });

  it("warns of a person seated in a college that is not theirs today", () => {
    const seats = [
      seat("A", "users", { role: "PRESIDENT" }),
      seat("Élise", "employees", { personCollegeId: "supporters" }),
      seat("C", "supporters"),
    ];
    expect(councilWarnings(seats, colleges, null, today)).toEqual([
      { kind: "wrongCollege", name: "Élise", seatCollege: "salarié·es", personCollege: "soutiens" },
    ]);
  });

  it("warns of a mandate expired in the last year and not renewed; ignores an older or a renewed one", () => {
    const seats = [
      seat("A", "users", { role: "PRESIDENT" }),
      seat("B", "employees"),
      seat("C", "supporters"),
      seat("Old", "users", { startsOn: d("2020-01-01"), endsOn: d("2024-01-01") }),
      seat("Renewed", "users", { startsOn: d("2023-01-01"), endsOn: d("2026-06-15"), renewed: true }),
      seat("Gone", "employees", { startsOn: d("2023-01-01"), endsOn: d("2026-06-15") }),
    ];
    expect(councilWarnings(seats, colleges, null, today)).toEqual([
      { kind: "expired", name: "Gone", endedOn: d("2026-06-15") },
    ]);
  });

  it("warns when nobody presides", () => {
    const seats = [seat("A", "users"), seat("B", "employees"), seat("C", "supporters")];
    expect(councilWarnings(seats, colleges, null, today)).toEqual([{ kind: "noPresident" }]);
  });
});
