import { beforeAll, describe, expect, it } from "vitest";
import { openBallot, sealBallot } from "@/lib/votes/seal";

// A secret ballot as stored: the same length whatever it holds, never twice the same bytes, and
// opened only for its own question with the portal's own secret.
beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "secret-des-tests-unitaires";
});

describe("sealed ballots", () => {
  it("open to what was sealed, for that question only", () => {
    const sealed = sealBallot("q1", { choice: "AGAINST", collegeId: "c123" });
    expect(openBallot("q1", sealed)).toEqual({ choice: "AGAINST", collegeId: "c123" });
    expect(() => openBallot("q2", sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openBallot("q1", tampered)).toThrow();
  });

  it("all look alike: one length, fresh bytes each time, no choice readable", () => {
    const a = sealBallot("q1", { choice: "FOR", collegeId: null });
    const b = sealBallot("q1", { choice: "FOR", collegeId: null });
    const c = sealBallot("q1", { choice: "ABSTAIN", collegeId: "cmx1234567890abcdefghijkl" });
    expect(new Set([a.length, b.length, c.length]).size).toBe(1);
    expect(a.equals(b)).toBe(false);
    for (const bytes of [a, b, c]) expect(bytes.toString("latin1")).not.toMatch(/FOR|ABSTAIN|cmx/);
  });
});
