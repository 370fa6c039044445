// Counting: per college and overall, weighted by college when the body votes by college, with
// the statutes' rules for an empty college, the majority and the quorum. Pure: the results page,
// the close job and the benchmark call it with the counts they read.
import { numberFormat } from "@/lib/intl";

export type Counts = { for: number; against: number; abstain: number; blank: number; spoiled: number };
export type CollegeInput = { id: string; name: string; weightBp: number; counts: Counts };

export type Majority = { num: number; den: number; rule: "MORE_THAN" | "AT_LEAST" };

export type TallyInput = {
  weighted: boolean;
  colleges: readonly CollegeInput[];
  // Counts outside any college (a council that does not vote by college).
  overall?: Counts;
  emptyCollegeRule: "REDISTRIBUTE" | "COUNT_AS_ZERO";
  majority: Majority;
  // Quorum, when it applies (assemblies): already computed from attendance and proxies.
  quorum?: { met: boolean; presentShare: number; requiredShare: number; secondCallPossible: boolean } | null;
  assemblyType?: "ORDINARY" | "EXTRAORDINARY" | null;
};

export type CollegeResult = {
  id: string;
  name: string;
  weightBp: number;
  counts: Counts;
  cast: number;
  share: number | null;
  effectiveWeight: number;
};

export type TallyResult = {
  colleges: CollegeResult[];
  total: Counts & { cast: number };
  // Share of votes cast for, weighted by college when the body votes so (0…1), null if none cast.
  share: number | null;
  threshold: number;
  adopted: boolean;
  quorumMet: boolean;
  // The verdict in French (the record's language: decision record, minutes, e-mails), and what
  // it is made of, for the pages to say it in the reader's language (votes.verdicts.*).
  verdict: string;
  verdictParts: VerdictParts;
};

export type VerdictParts =
  | { kind: "quorumNotMet"; presentShare: number; requiredShare: number; secondCall: boolean }
  | { kind: "noVoteCast" }
  | { kind: "adopted" | "rejected"; share: number; threshold: number; weightedCast: boolean };

const EPSILON = 1e-9;
export const emptyCounts = (): Counts => ({ for: 0, against: 0, abstain: 0, blank: 0, spoiled: 0 });

export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  return {
    for: a.for + (b.for ?? 0),
    against: a.against + (b.against ?? 0),
    abstain: a.abstain + (b.abstain ?? 0),
    blank: a.blank + (b.blank ?? 0),
    spoiled: a.spoiled + (b.spoiled ?? 0),
  };
}

// Abstentions, blank and spoiled ballots are not votes cast.
const castOf = (c: Counts) => c.for + c.against;

export function percent(value: number): string {
  const rounded = Math.round(value * 1000) / 10;
  return `${numberFormat("fr-FR", { maximumFractionDigits: 1 }).format(rounded)} %`;
}

export function passes(share: number, majority: Majority): boolean {
  const threshold = majority.num / majority.den;
  return majority.rule === "MORE_THAN" ? share > threshold + EPSILON : share + EPSILON >= threshold;
}

export function tally(input: TallyInput): TallyResult {
  const colleges: CollegeResult[] = input.colleges.map((c) => {
    const cast = castOf(c.counts);
    return {
      id: c.id,
      name: c.name,
      weightBp: c.weightBp,
      counts: c.counts,
      cast,
      share: cast > 0 ? c.counts.for / cast : null,
      effectiveWeight: 0,
    };
  });
  let total = input.overall ?? emptyCounts();
  for (const c of input.colleges) total = addCounts(total, c.counts);
  const totalCast = castOf(total);
  const threshold = input.majority.num / input.majority.den;

  let share: number | null;
  if (input.weighted && colleges.length > 0) {
    // share = Σ weight × college share, over the colleges that count.
    const counting =
      input.emptyCollegeRule === "REDISTRIBUTE" ? colleges.filter((c) => c.share !== null) : colleges;
    const weights = counting.reduce((sum, c) => sum + c.weightBp, 0);
    for (const c of counting) c.effectiveWeight = weights > 0 ? c.weightBp / weights : 0;
    share =
      counting.length === 0 || colleges.every((c) => c.share === null)
        ? null
        : counting.reduce((sum, c) => sum + c.effectiveWeight * (c.share ?? 0), 0);
  } else {
    share = totalCast > 0 ? total.for / totalCast : null;
  }

  const quorumMet = input.quorum ? input.quorum.met : true;
  const adopted = quorumMet && share !== null && passes(share, input.majority);
  const rule = percent(threshold);
  let verdict: string;
  let verdictParts: VerdictParts;
  if (!quorumMet && input.quorum) {
    verdictParts = {
      kind: "quorumNotMet",
      presentShare: input.quorum.presentShare,
      requiredShare: input.quorum.requiredShare,
      secondCall: input.quorum.secondCallPossible,
    };
    verdict = `non valable : quorum non atteint (${percent(input.quorum.presentShare)} des droits de vote présents ou représentés, seuil ${percent(input.quorum.requiredShare)})${input.quorum.secondCallPossible ? " ; une deuxième convocation est nécessaire" : ""}`;
  } else if (share === null) {
    verdictParts = { kind: "noVoteCast" };
    verdict = "rejetée : aucune voix exprimée (les abstentions, blancs et nuls ne comptent pas)";
  } else {
    const weightedCast = input.weighted && input.assemblyType === "EXTRAORDINARY";
    const what = weightedCast ? "des voix exprimées pondérées pour" : "pour";
    verdictParts = { kind: adopted ? "adopted" : "rejected", share, threshold, weightedCast };
    verdict = adopted
      ? `adoptée : ${percent(share)} ${what}, seuil ${rule}`
      : `rejetée : ${percent(share)} ${what}, seuil ${rule} non atteint`;
  }
  return {
    colleges,
    total: { ...total, cast: totalCast },
    share,
    threshold,
    adopted,
    quorumMet,
    verdict,
    verdictParts,
  };
}
