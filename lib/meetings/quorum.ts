// Quorum: who counts, who is in the room at a given instant, and whether there are enough.
// Pure: the attendance page and the votes both call it with the rows they read.
import type { Fraction } from "@/lib/statutes/fractions";

export type Presence = {
  memberId: string;
  status: "PRESENT" | "EXCUSED" | "ABSENT" | "GUEST" | null;
  arrivedAt: Date | null;
  leftAt: Date | null;
};

// Present at `instant`: marked present, arrived by then (no time means from the start) and not yet left.
export function isPresentAt(p: Presence, instant: Date): boolean {
  if (p.status !== "PRESENT") return false;
  if (p.arrivedAt && p.arrivedAt > instant) return false;
  if (p.leftAt && p.leftAt <= instant) return false;
  return true;
}

export type QuorumInput = {
  // Those who count: the body's seated members that day, or every associé·e for an assembly.
  members: readonly { id: string; collegeId: string | null }[];
  // Who is present (or, at an assembly, represented by a proxy) at that instant.
  presentIds: ReadonlySet<string>;
  threshold: Fraction;
  basis: "HEADS" | "WEIGHTED";
  colleges: readonly { id: string; weightBp: number }[];
};

export type QuorumResult = {
  met: boolean;
  present: number;
  total: number;
  required: number; // heads needed (with HEADS), else 0
  weightedPresentBp: number | null; // share of weighted rights present, in basis points
  requiredBp: number | null;
};

const EPSILON = 1e-9;

export function computeQuorum(input: QuorumInput): QuorumResult {
  const counted = input.members.filter((m) => input.presentIds.has(m.id));
  const total = input.members.length;
  const present = counted.length;
  const { num, den } = input.threshold;
  if (input.basis === "HEADS" || input.colleges.length === 0) {
    const required = num === 0 ? 0 : Math.ceil((total * num) / den - EPSILON);
    return { met: present >= required, present, total, required, weightedPresentBp: null, requiredBp: null };
  }
  // Weighted: each college brings its weight times the share of its members present.
  let weighted = 0;
  for (const college of input.colleges) {
    const inCollege = input.members.filter((m) => m.collegeId === college.id).length;
    if (inCollege === 0) continue;
    const here = counted.filter((m) => m.collegeId === college.id).length;
    weighted += (college.weightBp * here) / inCollege;
  }
  const requiredBp = (10000 * num) / den;
  return {
    met: weighted + EPSILON >= requiredBp,
    present,
    total,
    required: 0,
    weightedPresentBp: weighted,
    requiredBp,
  };
}

export type ThresholdSettings = {
  agoQuorumFirstNum: number;
  agoQuorumFirstDen: number;
  agoQuorumSecondNum: number;
  agoQuorumSecondDen: number;
  ageQuorumFirstNum: number;
  ageQuorumFirstDen: number;
  ageQuorumSecondNum: number;
  ageQuorumSecondDen: number;
};

// The threshold that applies: the body's own for a council or commission; the statutes' for an
// assembly, by type (AGO/AGE) and call (first/second).
export function quorumThreshold(
  body: { kind: "COUNCIL" | "GENERAL_ASSEMBLY" | "COMMISSION"; quorumNum: number; quorumDen: number },
  meeting: { assemblyType: "ORDINARY" | "EXTRAORDINARY" | null; callNumber: number },
  statutes: ThresholdSettings,
): Fraction {
  if (body.kind !== "GENERAL_ASSEMBLY") return { num: body.quorumNum, den: body.quorumDen };
  const extraordinary = meeting.assemblyType === "EXTRAORDINARY";
  const second = meeting.callNumber === 2;
  if (extraordinary) {
    return second
      ? { num: statutes.ageQuorumSecondNum, den: statutes.ageQuorumSecondDen }
      : { num: statutes.ageQuorumFirstNum, den: statutes.ageQuorumFirstDen };
  }
  return second
    ? { num: statutes.agoQuorumSecondNum, den: statutes.agoQuorumSecondDen }
    : { num: statutes.agoQuorumFirstNum, den: statutes.agoQuorumFirstDen };
}
