import { describe, expect, it } from "vitest";
import {
  equalWeights,
  parsePercent,
  validateCollegeConfig,
  type CategoryInput,
  type CollegeInput,
} from "@/lib/statutes/college-rules";

const colleges = (...weights: number[]): CollegeInput[] =>
  weights.map((w, i) => ({ key: `c${i}`, name: `Collège ${i + 1}`, weightBp: Math.round(w * 100) }));
const reference: CategoryInput[] = [
  { key: "k0", name: "usager·es et habitant·es", kind: "BENEFICIARY", collegeKey: "c0" },
  { key: "k1", name: "salarié·es", kind: "EMPLOYEE", collegeKey: "c1" },
  { key: "k2", name: "partenaires du quartier", kind: "OTHER", collegeKey: "c2" },
  { key: "k3", name: "soutiens militants", kind: "OTHER", collegeKey: "c3" },
];
const rules = (cs: CollegeInput[], cats: CategoryInput[] = reference) =>
  validateCollegeConfig(cs, cats).map((v) => v.rule);

describe("college weights (loi 47-1775 art. 19 octies)", () => {
  it("accepts four equal colleges", () => {
    expect(rules(colleges(25, 25, 25, 25))).toEqual([]);
  });

  it("refuses 9.9 % and accepts exactly 10 %", () => {
    expect(validateCollegeConfig(colleges(9.9, 40.1, 25, 25), reference)).toContainEqual({
      rule: "collegeTooLight",
      college: "Collège 1",
      weightBp: 990,
    });
    expect(rules(colleges(10, 40, 25, 25))).toEqual([]);
  });

  it("accepts exactly 50 % and refuses 50.1 %", () => {
    expect(rules(colleges(50, 20, 15, 15))).toEqual([]);
    expect(validateCollegeConfig(colleges(50.1, 19.9, 15, 15), reference)).toContainEqual({
      rule: "collegeTooHeavy",
      college: "Collège 1",
      weightBp: 5010,
    });
  });

  it("refuses weights summing to 99.9 % or 100.1 %", () => {
    expect(validateCollegeConfig(colleges(25, 25, 25, 24.9), reference)).toEqual([
      { rule: "weightsDoNotSum", totalBp: 9990 },
    ]);
    expect(validateCollegeConfig(colleges(25, 25, 25, 25.1), reference)).toEqual([
      { rule: "weightsDoNotSum", totalBp: 10010 },
    ]);
  });

  it("refuses fewer than three colleges, but allows none at all", () => {
    const two: CategoryInput[] = reference.map((c, i) => ({ ...c, collegeKey: i < 2 ? "c0" : "c1" }));
    expect(rules(colleges(50, 50), two)).toEqual(["tooFewColleges"]);
    expect(
      rules(
        [],
        reference.map((c) => ({ ...c, collegeKey: null })),
      ),
    ).toEqual([]);
  });

  it("refuses a college without category and a category without college", () => {
    const orphan = reference.map((c) => (c.key === "k3" ? { ...c, collegeKey: "c2" } : c));
    expect(rules(colleges(25, 25, 25, 25), orphan)).toEqual(["collegeWithoutCategory"]);
    const stray = reference.map((c) => (c.key === "k3" ? { ...c, collegeKey: null } : c));
    expect(validateCollegeConfig(colleges(25, 25, 25, 25), stray)).toContainEqual({
      rule: "categoryWithoutCollege",
      category: "soutiens militants",
    });
  });
});

describe("categories (loi 47-1775 art. 19 septies)", () => {
  it("refuses two categories only", () => {
    const two = reference.slice(0, 2);
    expect(
      rules(
        [],
        two.map((c) => ({ ...c, collegeKey: null })),
      ),
    ).toEqual(["tooFewCategories"]);
  });

  it("requires the beneficiaries", () => {
    const noUsers = reference.map((c) => (c.kind === "BENEFICIARY" ? { ...c, kind: "OTHER" as const } : c));
    expect(rules(colleges(25, 25, 25, 25), noUsers)).toEqual(["noBeneficiaries"]);
  });

  it("requires the employees, or producers where there are none", () => {
    const noEmployees = reference.map((c) => (c.kind === "EMPLOYEE" ? { ...c, kind: "OTHER" as const } : c));
    expect(rules(colleges(25, 25, 25, 25), noEmployees)).toEqual(["noEmployeesOrProducers"]);
    const producers = reference.map((c) => (c.kind === "EMPLOYEE" ? { ...c, kind: "PRODUCER" as const } : c));
    expect(rules(colleges(25, 25, 25, 25), producers)).toEqual([]);
  });

  it("refuses two categories of the same name", () => {
    const dup = [...reference, { key: "k4", name: "Salarié·es", kind: "OTHER" as const, collegeKey: "c1" }];
    expect(rules(colleges(25, 25, 25, 25), dup)).toEqual(["duplicateName"]);
  });
});

describe("weights helpers", () => {
  it("shares 100 % equally, to the hundredth", () => {
    expect(equalWeights(4)).toEqual([2500, 2500, 2500, 2500]);
    expect(equalWeights(3)).toEqual([3334, 3333, 3333]);
    expect(equalWeights(3).reduce((a, b) => a + b)).toBe(10000);
    expect(equalWeights(0)).toEqual([]);
  });

  it("reads percentages as people type them", () => {
    expect(parsePercent("25")).toBe(2500);
    expect(parsePercent("33,34")).toBe(3334);
    expect(parsePercent(" 12.5 % ")).toBe(1250);
    expect(parsePercent("9,9")).toBe(990);
    expect(parsePercent("abc")).toBeNull();
    expect(parsePercent("10,123")).toBeNull();
    expect(parsePercent("")).toBeNull();
  });
});

describe("statute fractions", async () => {
  const { parseFraction, formatFraction } = await import("@/lib/statutes/fractions");
  it("reads fractions and percentages exactly", () => {
    expect(parseFraction("1/5")).toEqual({ num: 1, den: 5 });
    expect(parseFraction(" 2 / 3 ")).toEqual({ num: 2, den: 3 });
    expect(parseFraction("50 %")).toEqual({ num: 1, den: 2 });
    expect(parseFraction("0")).toEqual({ num: 0, den: 1 });
    expect(formatFraction({ num: 0, den: 1 })).toBe("0");
  });

  it("refuses what is not a share between 0 and 1", () => {
    expect(parseFraction("3/2")).toBeNull();
    expect(parseFraction("1/0")).toBeNull();
    expect(parseFraction("120 %")).toBeNull();
    expect(parseFraction("un cinquième")).toBeNull();
  });
});
