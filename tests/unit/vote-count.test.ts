import { describe, expect, it } from "vitest";
import { emptyCounts, tally, type CollegeInput, type Counts } from "@/lib/votes/count";

const c = (f: number, a: number, abstain = 0, blank = 0, spoiled = 0): Counts => ({
  for: f,
  against: a,
  abstain,
  blank,
  spoiled,
});
const colleges = (...counts: Counts[]): CollegeInput[] =>
  counts.map((k, i) => ({ id: `c${i + 1}`, name: `Collège ${i + 1}`, weightBp: 2500, counts: k }));
const AGO = { num: 1, den: 2, rule: "MORE_THAN" as const };
const AGE = { num: 2, den: 3, rule: "AT_LEAST" as const };

describe("college-weighted result (DOMAIN.md's example)", () => {
  const example = colleges(c(30, 10), c(2, 6), c(5, 0), c(8, 12));
  it("75 %, 25 %, 100 %, 40 % → 60 %: adopted at an AGO", () => {
    const r = tally({
      weighted: true,
      colleges: example,
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
      assemblyType: "ORDINARY",
    });
    expect(r.colleges.map((x) => x.share)).toEqual([0.75, 0.25, 1, 0.4]);
    expect(r.share).toBeCloseTo(0.6, 10);
    expect(r.adopted).toBe(true);
    expect(r.verdict).toBe("adoptée : 60 % pour, seuil 50 %");
  });
  it("…and rejected at an AGE, in words", () => {
    const r = tally({
      weighted: true,
      colleges: example,
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGE,
      assemblyType: "EXTRAORDINARY",
    });
    expect(r.adopted).toBe(false);
    expect(r.verdict).toBe("rejetée : 60 % des voix exprimées pondérées pour, seuil 66,7 % non atteint");
  });
  it("is not the head count (45 for, 28 against would be 61.6 %)", () => {
    const r = tally({ weighted: true, colleges: example, emptyCollegeRule: "REDISTRIBUTE", majority: AGO });
    expect(r.total).toMatchObject({ for: 45, against: 28, cast: 73 });
    expect(r.share).not.toBeCloseTo(45 / 73, 3);
  });
});

describe("edges", () => {
  it("a tie is not more than half", () => {
    const r = tally({
      weighted: false,
      colleges: [],
      overall: c(5, 5),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
    });
    expect(r.share).toBe(0.5);
    expect(r.adopted).toBe(false);
    expect(r.verdict).toBe("rejetée : 50 % pour, seuil 50 % non atteint");
  });
  it("exactly two thirds reaches an 'at least 2/3' majority", () => {
    const r = tally({
      weighted: false,
      colleges: [],
      overall: c(2, 1),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGE,
    });
    expect(r.adopted).toBe(true);
  });
  it("a college with no vote: its weight goes to the others (redistribute)…", () => {
    const r = tally({
      weighted: true,
      colleges: colleges(c(3, 1), c(0, 0), c(1, 1), c(2, 0)),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
    });
    // (0.75 + 0.5 + 1) / 3
    expect(r.share).toBeCloseTo(0.75, 10);
    expect(r.colleges[1]!.share).toBeNull();
    expect(r.colleges[1]!.effectiveWeight).toBe(0);
  });
  it("…or counts as zero", () => {
    const r = tally({
      weighted: true,
      colleges: colleges(c(3, 1), c(0, 0), c(1, 1), c(2, 0)),
      emptyCollegeRule: "COUNT_AS_ZERO",
      majority: AGO,
    });
    expect(r.share).toBeCloseTo((0.75 + 0 + 0.5 + 1) / 4, 10);
    expect(r.adopted).toBe(true);
  });
  it("all abstentions, blanks and spoiled: no vote cast, rejected", () => {
    const r = tally({
      weighted: true,
      colleges: colleges(c(0, 0, 4, 1, 1), c(0, 0, 2)),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
    });
    expect(r.share).toBeNull();
    expect(r.total).toMatchObject({ abstain: 6, blank: 1, spoiled: 1, cast: 0 });
    expect(r.adopted).toBe(false);
    expect(r.verdict).toMatch(/^rejetée : aucune voix exprimée/);
  });
  it("abstentions are not votes cast", () => {
    const r = tally({
      weighted: false,
      colleges: [],
      overall: c(3, 2, 10),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
    });
    expect(r.share).toBe(0.6);
    expect(r.adopted).toBe(true);
  });
  it("one college at 50 % pulls the weighted result with its weight", () => {
    const r = tally({
      weighted: true,
      colleges: colleges(c(1, 1), c(1, 0), c(1, 0), c(1, 0)),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
    });
    expect(r.colleges[0]!.share).toBe(0.5);
    expect(r.share).toBeCloseTo(0.875, 10);
  });
  it("unequal weights (10 %, 20 %, 30 %, 40 %)", () => {
    const input = colleges(c(1, 0), c(0, 1), c(1, 0), c(0, 1)).map((x, i) => ({
      ...x,
      weightBp: [1000, 2000, 3000, 4000][i]!,
    }));
    expect(
      tally({ weighted: true, colleges: input, emptyCollegeRule: "REDISTRIBUTE", majority: AGO }).share,
    ).toBeCloseTo(0.4, 10);
  });
  it("quorum missed at first call: the vote is not valid, whatever the votes", () => {
    const r = tally({
      weighted: true,
      colleges: colleges(c(10, 0), c(10, 0), c(10, 0), c(10, 0)),
      emptyCollegeRule: "REDISTRIBUTE",
      majority: AGO,
      quorum: { met: false, presentShare: 0.15, requiredShare: 0.2, secondCallPossible: true },
    });
    expect(r.adopted).toBe(false);
    expect(r.quorumMet).toBe(false);
    expect(r.verdict).toBe(
      "non valable : quorum non atteint (15 % des droits de vote présents ou représentés, seuil 20 %) ; une deuxième convocation est nécessaire",
    );
  });
  it("empty counts are all zero", () => {
    expect(emptyCounts()).toEqual({ for: 0, against: 0, abstain: 0, blank: 0, spoiled: 0 });
  });
});
