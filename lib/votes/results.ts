import "server-only";
import { db } from "@/lib/db";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { computeQuorum, quorumThreshold } from "@/lib/meetings/quorum";
import { addCounts, emptyCounts, tally, type CollegeInput, type Counts, type Majority, type TallyResult } from "@/lib/votes/count";
import type { LoadedQuestion } from "@/lib/votes/facts";

export type QuestionResult = { result: TallyResult; participants: number; eligible: number; weighted: boolean };

const CHOICE_KEY = { FOR: "for", AGAINST: "against", ABSTAIN: "abstain" } as const;

// Counts from the database (online ballots grouped in SQL, typed-in tallies added), then the
// pure count. Assemblies are weighted by college and checked for quorum; a council or
// commission is weighted only if it votes by college.
export async function computeResult(q: LoadedQuestion): Promise<QuestionResult> {
  const [grouped, tallies, colleges, statutes, participants] = await Promise.all([
    db.$queryRaw<{ collegeId: string | null; choice: keyof typeof CHOICE_KEY; n: bigint }[]>`
      SELECT "collegeId", choice::text AS choice, count(*) AS n FROM "Ballot" WHERE "questionId" = ${q.id} GROUP BY 1, 2`,
    db.paperTally.findMany({ where: { questionId: q.id } }),
    db.college.findMany({ where: { cooperativeId: q.cooperativeId }, orderBy: { position: "asc" } }),
    db.statuteSettings.findUnique({ where: { cooperativeId: q.cooperativeId } }),
    db.voteParticipation.findMany({ where: { questionId: q.id }, select: { memberId: true } }),
  ]);
  const assembly = q.body.kind === "GENERAL_ASSEMBLY";
  const weighted = assembly || q.body.votesByCollege;
  const byCollege = new Map<string | null, Counts>();
  const add = (collegeId: string | null, counts: Partial<Counts>) => byCollege.set(collegeId, addCounts(byCollege.get(collegeId) ?? emptyCounts(), counts));
  for (const g of grouped) add(g.collegeId, { [CHOICE_KEY[g.choice]]: Number(g.n) });
  for (const t of tallies) add(t.collegeId, { for: t.forCount, against: t.againstCount, abstain: t.abstainCount, blank: t.blankCount, spoiled: t.spoiledCount });

  const collegeInputs: CollegeInput[] = weighted ? colleges.map((c) => ({ id: c.id, name: c.name, weightBp: c.weightBp, counts: byCollege.get(c.id) ?? emptyCounts() })) : [];
  let overall = emptyCounts();
  for (const [collegeId, counts] of byCollege) if (!weighted || !collegeId || !colleges.some((c) => c.id === collegeId)) overall = addCounts(overall, counts);

  const extraordinary = q.assemblyType === "EXTRAORDINARY";
  const majority: Majority = assembly && statutes
    ? extraordinary
      ? { num: statutes.ageMajorityNum, den: statutes.ageMajorityDen, rule: statutes.ageMajorityRule }
      : { num: statutes.agoMajorityNum, den: statutes.agoMajorityDen, rule: statutes.agoMajorityRule }
    : { num: 1, den: 2, rule: "MORE_THAN" };

  const day = q.meeting?.startsAt ?? q.closedAt ?? new Date();
  const members = await bodyMembersOn(q.body, day);
  let quorum: Parameters<typeof tally>[0]["quorum"] = null;
  if (assembly && statutes) {
    // Present or represented: whoever took part (online or on paper, in person or by proxy).
    const threshold = quorumThreshold(q.body, { assemblyType: q.assemblyType, callNumber: q.meeting?.callNumber ?? 1 }, statutes);
    const presentIds = new Set(participants.map((p) => p.memberId));
    const result = computeQuorum({ members: members.map((m) => ({ id: m.membershipId, collegeId: m.collegeId })), presentIds, threshold, basis: statutes.quorumBasis, colleges });
    const presentShare = result.weightedPresentBp !== null ? result.weightedPresentBp / 10000 : result.total ? result.present / result.total : 0;
    quorum = { met: result.met, presentShare, requiredShare: threshold.num / threshold.den, secondCallPossible: (q.meeting?.callNumber ?? 1) === 1 };
  }
  return {
    result: tally({ weighted, colleges: collegeInputs, overall, emptyCollegeRule: statutes?.emptyCollegeRule ?? "REDISTRIBUTE", majority, quorum, assemblyType: q.assemblyType }),
    participants: participants.length,
    eligible: members.length,
    weighted,
  };
}
