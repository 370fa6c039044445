import "server-only";
import { db } from "@/lib/db";
import { dayKey, parseDateKey } from "@/lib/dates";
import { computeQuorum, quorumThreshold } from "@/lib/meetings/quorum";
import {
  addCounts,
  emptyCounts,
  tally,
  type CollegeInput,
  type Counts,
  type Majority,
  type TallyResult,
} from "@/lib/votes/count";
import type { LoadedQuestion } from "@/lib/votes/facts";

export type QuestionResult = {
  result: TallyResult;
  participants: number;
  eligible: number;
  weighted: boolean;
};

// Who counts for the quorum, with the college of the category held that day: every active
// associé·e for an assembly, the seated members otherwise (the rule of bodyMembersOn, in one query).
async function votersOf(
  body: LoadedQuestion["body"],
  at: Date,
  questionId: string,
): Promise<{ membershipId: string; collegeId: string | null; tookPart: boolean }[]> {
  const day = parseDateKey(dayKey(at));
  const assembly = body.kind === "GENERAL_ASSEMBLY";
  return db.$queryRaw<{ membershipId: string; collegeId: string | null; tookPart: boolean }[]>`
    SELECT m.id AS "membershipId",
           EXISTS (SELECT 1 FROM "VoteParticipation" vp WHERE vp."questionId" = ${questionId} AND vp."memberId" = m.id) AS "tookPart",
           (SELECT c."collegeId" FROM "CategoryAssignment" ca JOIN "Category" c ON c.id = ca."categoryId"
             WHERE ca."membershipId" = m.id AND ca."validFrom" <= ${day}::date AND (ca."validTo" IS NULL OR ca."validTo" > ${day}::date)
             ORDER BY ca."validFrom" DESC LIMIT 1) AS "collegeId"
      FROM "Membership" m
     WHERE m."cooperativeId" = ${body.cooperativeId} AND m.status = 'ACTIVE'
       AND (${assembly} AND m.kind = 'ASSOCIATE'
            OR NOT ${assembly} AND EXISTS (SELECT 1 FROM "Mandate" md WHERE md."membershipId" = m.id AND md."bodyId" = ${body.id}
                                             AND md."startsOn" <= ${day}::date AND (md."endsOn" IS NULL OR md."endsOn" > ${day}::date)))`;
}

const CHOICE_KEY = { FOR: "for", AGAINST: "against", ABSTAIN: "abstain" } as const;

// Counts from the database (online ballots grouped in SQL, typed-in tallies added), then the
// pure count. Assemblies are weighted by college and checked for quorum; a council or
// commission is weighted only if it votes by college.
export async function computeResult(q: LoadedQuestion): Promise<QuestionResult> {
  const day = q.meeting?.startsAt ?? q.closedAt ?? new Date();
  const [grouped, tallies, colleges, statutes, participants, members] = await Promise.all([
    db.$queryRaw<{ collegeId: string | null; choice: keyof typeof CHOICE_KEY; n: bigint }[]>`
      SELECT "collegeId", choice::text AS choice, count(*) AS n FROM "Ballot" WHERE "questionId" = ${q.id} GROUP BY 1, 2`,
    db.paperTally.findMany({ where: { questionId: q.id } }),
    db.college.findMany({ where: { cooperativeId: q.cooperativeId }, orderBy: { position: "asc" } }),
    db.statuteSettings.findUnique({ where: { cooperativeId: q.cooperativeId } }),
    db.voteParticipation.count({ where: { questionId: q.id } }),
    votersOf(q.body, day, q.id),
  ]);
  const assembly = q.body.kind === "GENERAL_ASSEMBLY";
  const weighted = assembly || q.body.votesByCollege;
  const byCollege = new Map<string | null, Counts>();
  const add = (collegeId: string | null, counts: Partial<Counts>) =>
    byCollege.set(collegeId, addCounts(byCollege.get(collegeId) ?? emptyCounts(), counts));
  for (const g of grouped) add(g.collegeId, { [CHOICE_KEY[g.choice]]: Number(g.n) });
  for (const t of tallies)
    add(t.collegeId, {
      for: t.forCount,
      against: t.againstCount,
      abstain: t.abstainCount,
      blank: t.blankCount,
      spoiled: t.spoiledCount,
    });

  const collegeInputs: CollegeInput[] = weighted
    ? colleges.map((c) => ({
        id: c.id,
        name: c.name,
        weightBp: c.weightBp,
        counts: byCollege.get(c.id) ?? emptyCounts(),
      }))
    : [];
  let overall = emptyCounts();
  for (const [collegeId, counts] of byCollege)
    if (!weighted || !collegeId || !colleges.some((c) => c.id === collegeId))
      overall = addCounts(overall, counts);

  const extraordinary = q.assemblyType === "EXTRAORDINARY";
  const majority: Majority =
    assembly && statutes
      ? extraordinary
        ? { num: statutes.ageMajorityNum, den: statutes.ageMajorityDen, rule: statutes.ageMajorityRule }
        : { num: statutes.agoMajorityNum, den: statutes.agoMajorityDen, rule: statutes.agoMajorityRule }
      : { num: 1, den: 2, rule: "MORE_THAN" };

  let quorum: Parameters<typeof tally>[0]["quorum"] = null;
  if (assembly && statutes) {
    // Present or represented: whoever took part (online or on paper, in person or by proxy).
    const threshold = quorumThreshold(
      q.body,
      { assemblyType: q.assemblyType, callNumber: q.meeting?.callNumber ?? 1 },
      statutes,
    );
    const presentIds = new Set(members.filter((m) => m.tookPart).map((m) => m.membershipId));
    const result = computeQuorum({
      members: members.map((m) => ({ id: m.membershipId, collegeId: m.collegeId })),
      presentIds,
      threshold,
      basis: statutes.quorumBasis,
      colleges,
    });
    const presentShare =
      result.weightedPresentBp !== null
        ? result.weightedPresentBp / 10000
        : result.total
          ? result.present / result.total
          : 0;
    quorum = {
      met: result.met,
      presentShare,
      requiredShare: threshold.num / threshold.den,
      secondCallPossible: (q.meeting?.callNumber ?? 1) === 1,
    };
  }
  return {
    result: tally({
      weighted,
      colleges: collegeInputs,
      overall,
      emptyCollegeRule: statutes?.emptyCollegeRule ?? "REDISTRIBUTE",
      majority,
      quorum,
      assemblyType: q.assemblyType,
    }),
    participants,
    eligible: members.length,
    weighted,
  };
}
