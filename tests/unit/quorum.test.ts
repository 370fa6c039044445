import { describe, expect, it } from "vitest";
import { computeQuorum, isPresentAt, quorumThreshold, type Presence } from "@/lib/meetings/quorum";

const members = (n: number, collegeOf: (i: number) => string | null = () => null) =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i}`, collegeId: collegeOf(i) }));
const ids = (...n: number[]) => new Set(n.map((i) => `m${i}`));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const legal = {
  agoQuorumFirstNum: 1,
  agoQuorumFirstDen: 5,
  agoQuorumSecondNum: 0,
  agoQuorumSecondDen: 1,
  ageQuorumFirstNum: 1,
  ageQuorumFirstDen: 4,
  ageQuorumSecondNum: 1,
  ageQuorumSecondDen: 5,
};

describe("quorum by heads", () => {
  it("a council of 13 at one half needs 7: 9 present is met, 6 is not", () => {
    const half = { num: 1, den: 2 };
    expect(
      computeQuorum({
        members: members(13),
        presentIds: ids(...range(9)),
        threshold: half,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: true, present: 9, total: 13, required: 7 });
    expect(
      computeQuorum({
        members: members(13),
        presentIds: ids(...range(6)),
        threshold: half,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: false, required: 7 });
    expect(
      computeQuorum({
        members: members(12),
        presentIds: ids(...range(6)),
        threshold: half,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: true, required: 6 });
  });

  it("an AGO on first call needs a fifth; on second call nobody", () => {
    const first = quorumThreshold(
      { kind: "GENERAL_ASSEMBLY", quorumNum: 1, quorumDen: 2 },
      { assemblyType: "ORDINARY", callNumber: 1 },
      legal,
    );
    expect(first).toEqual({ num: 1, den: 5 });
    expect(
      computeQuorum({
        members: members(100),
        presentIds: ids(...range(20)),
        threshold: first,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: true, required: 20 });
    expect(
      computeQuorum({
        members: members(100),
        presentIds: ids(...range(19)),
        threshold: first,
        basis: "HEADS",
        colleges: [],
      }).met,
    ).toBe(false);
    const second = quorumThreshold(
      { kind: "GENERAL_ASSEMBLY", quorumNum: 1, quorumDen: 2 },
      { assemblyType: "ORDINARY", callNumber: 2 },
      legal,
    );
    expect(
      computeQuorum({
        members: members(100),
        presentIds: new Set(),
        threshold: second,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: true, required: 0 });
  });

  it("an AGE needs a quarter on first call and a fifth on second", () => {
    expect(
      quorumThreshold(
        { kind: "GENERAL_ASSEMBLY", quorumNum: 1, quorumDen: 2 },
        { assemblyType: "EXTRAORDINARY", callNumber: 1 },
        legal,
      ),
    ).toEqual({ num: 1, den: 4 });
    expect(
      quorumThreshold(
        { kind: "GENERAL_ASSEMBLY", quorumNum: 1, quorumDen: 2 },
        { assemblyType: "EXTRAORDINARY", callNumber: 2 },
        legal,
      ),
    ).toEqual({ num: 1, den: 5 });
    expect(
      quorumThreshold(
        { kind: "COUNCIL", quorumNum: 2, quorumDen: 3 },
        { assemblyType: null, callNumber: 1 },
        legal,
      ),
    ).toEqual({ num: 2, den: 3 });
  });

  it("only counts the body's members: a guest in the room changes nothing", () => {
    const result = computeQuorum({
      members: members(4),
      presentIds: new Set(["m0", "m1", "guest"]),
      threshold: { num: 3, den: 4 },
      basis: "HEADS",
      colleges: [],
    });
    expect(result).toMatchObject({ present: 2, required: 3, met: false });
  });
});

describe("quorum weighted by college", () => {
  const colleges = [
    { id: "a", weightBp: 2500 },
    { id: "b", weightBp: 2500 },
    { id: "c", weightBp: 2500 },
    { id: "d", weightBp: 2500 },
  ];
  const four = members(40, (i) => "abcd"[i % 4]!); // 10 per college

  it("weighs each college's share of members present", () => {
    // college a: 10/10 present, others nobody → 25 % of rights
    const presentA = new Set(four.filter((m) => m.collegeId === "a").map((m) => m.id));
    expect(
      computeQuorum({
        members: four,
        presentIds: presentA,
        threshold: { num: 1, den: 4 },
        basis: "WEIGHTED",
        colleges,
      }),
    ).toMatchObject({ met: true, weightedPresentBp: 2500, requiredBp: 2500 });
    expect(
      computeQuorum({
        members: four,
        presentIds: presentA,
        threshold: { num: 1, den: 3 },
        basis: "WEIGHTED",
        colleges,
      }).met,
    ).toBe(false);
  });

  it("can differ from heads: many from a small college weigh less", () => {
    const uneven = [
      ...members(2, () => "a"),
      ...members(18, () => "b").map((m) => ({ ...m, id: `b${m.id}` })),
    ];
    const presentB = new Set(uneven.filter((m) => m.collegeId === "b").map((m) => m.id)); // 18 of 20 people, one college of two
    const twoColleges = [
      { id: "a", weightBp: 5000 },
      { id: "b", weightBp: 5000 },
    ];
    expect(
      computeQuorum({
        members: uneven,
        presentIds: presentB,
        threshold: { num: 2, den: 3 },
        basis: "HEADS",
        colleges: twoColleges,
      }).met,
    ).toBe(true);
    expect(
      computeQuorum({
        members: uneven,
        presentIds: presentB,
        threshold: { num: 2, den: 3 },
        basis: "WEIGHTED",
        colleges: twoColleges,
      }),
    ).toMatchObject({ met: false, weightedPresentBp: 5000 });
  });
});

describe("who is in the room at an instant", () => {
  const t = (hhmm: string) => new Date(`2026-12-17T${hhmm}:00Z`);
  const line = (extra: Partial<Presence>): Presence => ({
    memberId: "x",
    status: "PRESENT",
    arrivedAt: null,
    leftAt: null,
    ...extra,
  });

  it("counts a late arrival only once arrived, and an early departure only until they leave", () => {
    expect(isPresentAt(line({ arrivedAt: t("19:45") }), t("19:30"))).toBe(false);
    expect(isPresentAt(line({ arrivedAt: t("19:45") }), t("19:45"))).toBe(true);
    expect(isPresentAt(line({ leftAt: t("21:00") }), t("20:59"))).toBe(true);
    expect(isPresentAt(line({ leftAt: t("21:00") }), t("21:00"))).toBe(false);
  });

  it("never counts the excused, the absent or guests", () => {
    for (const status of ["EXCUSED", "ABSENT", "GUEST", null] as const)
      expect(isPresentAt(line({ status }), t("20:00"))).toBe(false);
  });

  it("re-checks quorum when someone leaves", () => {
    const lines = range(7).map((i) => ({
      ...line({ leftAt: i === 0 ? t("21:00") : null }),
      memberId: `m${i}`,
    }));
    const at = (instant: Date) =>
      new Set(lines.filter((l) => isPresentAt(l, instant)).map((l) => l.memberId));
    const half = { num: 1, den: 2 };
    expect(
      computeQuorum({
        members: members(13),
        presentIds: at(t("20:00")),
        threshold: half,
        basis: "HEADS",
        colleges: [],
      }).met,
    ).toBe(true);
    expect(
      computeQuorum({
        members: members(13),
        presentIds: at(t("21:30")),
        threshold: half,
        basis: "HEADS",
        colleges: [],
      }),
    ).toMatchObject({ met: false, present: 6 });
  });
});
