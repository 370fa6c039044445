import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRules, type VoteRules } from "@/lib/votes/rules";
import { openBallot } from "@/lib/votes/seal";
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

// The count as the close stores it on the question (VoteQuestion.result) and every later page,
// e-mail, export and decision reads it: the figures and the rules they were counted by.
export type QuestionResult = {
  result: TallyResult;
  participants: number;
  eligible: number;
  weighted: boolean;
  rules: {
    statutesVersion: number;
    emptyCollegeRule: "REDISTRIBUTE" | "COUNT_AS_ZERO";
    majority: Majority;
    assemblyType: "ORDINARY" | "EXTRAORDINARY" | null;
    quorumBasis: "HEADS" | "WEIGHTED" | null;
  };
  countedAt: string;
  // An election held in a verifiable system, typed back (lib/votes/belenios.ts).
  external?: { system: "belenios"; url: string; fingerprint: string };
  // Closed before results were stored: counted the first time it was shown after the upgrade,
  // by the rules and register of that day (the e-mail sent at its close may differ).
  recountedLater?: true;
};

type Client = Prisma.TransactionClient | typeof db;

// Who counts for the quorum, with the college of the category held that day: every active
// associé·e for an assembly, the seated members otherwise (the rule of bodyMembersOn, in one query).
async function votersOf(
  client: Client,
  { body, at, questionId }: { body: LoadedQuestion["body"]; at: Date; questionId: string },
): Promise<{ membershipId: string; collegeId: string | null; tookPart: boolean }[]> {
  const day = parseDateKey(dayKey(at));
  const assembly = body.kind === "GENERAL_ASSEMBLY";
  return client.$queryRaw<{ membershipId: string; collegeId: string | null; tookPart: boolean }[]>`
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

// The ballots, counted per college and choice: readable ones grouped in SQL, sealed (secret) ones
// opened one by one with the question's key (lib/votes/seal.ts).
async function ballotCounts(client: Client, questionId: string) {
  const [grouped, sealed] = await Promise.all([
    client.$queryRaw<{ collegeId: string | null; choice: keyof typeof CHOICE_KEY; n: bigint }[]>`
      SELECT "collegeId", choice::text AS choice, count(*) AS n FROM "Ballot"
       WHERE "questionId" = ${questionId} AND choice IS NOT NULL GROUP BY 1, 2`,
    client.$queryRaw<{ sealed: Uint8Array }[]>`
      SELECT sealed FROM "Ballot" WHERE "questionId" = ${questionId} AND sealed IS NOT NULL`,
  ]);
  const rows = grouped.map((g) => ({ collegeId: g.collegeId, choice: g.choice, n: Number(g.n) }));
  for (const { sealed: bytes } of sealed) {
    const { choice, collegeId } = openBallot(questionId, bytes);
    rows.push({ collegeId, choice, n: 1 });
  }
  return rows;
}

// The result a page, an e-mail or an export shows: the stored one once the question is closed
// (a record: later changes of the statutes, colleges or register never touch it); a closed
// question from before results were stored is counted once and stored the same way.
export async function resultOf(q: LoadedQuestion): Promise<QuestionResult> {
  if (q.result) return q.result as unknown as QuestionResult;
  const counted = await computeResult(q);
  if (q.status !== "CLOSED") return counted;
  const stored: QuestionResult = { ...counted, recountedLater: true };
  await db.voteQuestion.updateMany({
    where: { id: q.id, result: { equals: Prisma.AnyNull } },
    data: { result: stored as never },
  });
  return stored;
}

// Counts from the database (ballots and typed-in tallies), then the pure count, by the rules the
// question opened with (or today's, for one opened before they were kept). Assemblies are
// weighted by college and checked for quorum; a council or commission is weighted only if it
// votes by college. The close calls it inside its transaction (client).
// An election held elsewhere (Belenios) has no participation rows here: its turnout is the
// ballots it counted, per college (heldElsewhere), and those are who was present for the quorum.
export async function computeResult(
  q: LoadedQuestion,
  client: Client = db,
  { heldElsewhere = false }: { heldElsewhere?: boolean } = {},
): Promise<QuestionResult> {
  const day = q.meeting?.startsAt ?? q.closedAt ?? new Date();
  const rules = (q.rules as unknown as VoteRules | null) ?? (await currentRules(client, q.cooperativeId));
  const [grouped, tallies, participated, voters] = await Promise.all([
    ballotCounts(client, q.id),
    client.paperTally.findMany({ where: { questionId: q.id } }),
    client.voteParticipation.count({ where: { questionId: q.id } }),
    votersOf(client, { body: q.body, at: day, questionId: q.id }),
  ]);
  let participants = participated;
  let members = voters;
  if (heldElsewhere) {
    const turnout = new Map<string | null, number>();
    for (const t of tallies)
      turnout.set(
        t.collegeId,
        (turnout.get(t.collegeId) ?? 0) +
          t.forCount +
          t.againstCount +
          t.abstainCount +
          t.blankCount +
          t.spoiledCount,
      );
    participants = [...turnout.values()].reduce((a, b) => a + b, 0);
    const weightedBody = q.body.kind === "GENERAL_ASSEMBLY" || q.body.votesByCollege;
    members = voters.map((m) => {
      const key = weightedBody ? m.collegeId : null;
      const left = turnout.get(key) ?? 0;
      if (left > 0) turnout.set(key, left - 1);
      return { ...m, tookPart: left > 0 };
    });
  }
  const { colleges, statutes } = rules;
  const assembly = q.body.kind === "GENERAL_ASSEMBLY";
  const weighted = assembly || q.body.votesByCollege;
  const byCollege = new Map<string | null, Counts>();
  const add = (collegeId: string | null, counts: Partial<Counts>) =>
    byCollege.set(collegeId, addCounts(byCollege.get(collegeId) ?? emptyCounts(), counts));
  for (const g of grouped) add(g.collegeId, { [CHOICE_KEY[g.choice]]: g.n });
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
  const emptyCollegeRule = statutes?.emptyCollegeRule ?? "REDISTRIBUTE";
  return {
    result: tally({
      weighted,
      colleges: collegeInputs,
      overall,
      emptyCollegeRule,
      majority,
      quorum,
      assemblyType: q.assemblyType,
    }),
    participants,
    eligible: members.length,
    weighted,
    rules: {
      statutesVersion: rules.statutesVersion,
      emptyCollegeRule,
      majority,
      assemblyType: q.assemblyType,
      quorumBasis: assembly ? (statutes?.quorumBasis ?? "HEADS") : null,
    },
    countedAt: new Date().toISOString(),
  };
}
