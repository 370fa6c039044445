import "server-only";
import { randomUUID } from "node:crypto";
import { db, pool } from "@/lib/db";
import { dayKey } from "@/lib/dates";
import type { Presence } from "@/lib/meetings/quorum";
import type { Actor } from "@/lib/auth/actor";
import { mayVote, type Refusal, type VoterFacts } from "@/lib/votes/eligibility";
import { loadBallotQuestion, questionFacts, voterFacts, type BallotQuestion } from "@/lib/votes/facts";
import type { VoteChoice } from "@/lib/generated/prisma/enums";
import { demoEnabled } from "@/lib/demo";
import { sealBallot } from "@/lib/votes/seal";

export type CastRefusal = Refusal | "notFound" | "alreadyVoted" | "noProxy";
// What the voter learns: that the vote is recorded. No receipt: nothing a voter could show to
// prove a choice to someone who bought or forced it.
export type CastResult = { ok: true; changed: boolean; secret: boolean } | { ok: false; reason: CastRefusal };

// One ballot per voter per question: the participation row's primary key decides, inside the
// transaction that stores the ballot, so fifty simultaneous clicks store exactly one. For a secret
// question the ballot row holds no member, no time and a random id: nothing links it to the
// participation row. A proxy holder casts one ballot per member they represent (forMemberId).
export async function castBallot(
  actor: Actor,
  questionId: string,
  { choice, forMemberId = null }: { choice: VoteChoice; forMemberId?: string | null },
  at = new Date(),
): Promise<CastResult> {
  const question = await loadBallotQuestion(actor.cooperativeId, questionId);
  if (!question) return { ok: false, reason: "notFound" };
  const voterId = forMemberId ?? actor.membershipId;
  if (forMemberId) {
    const proxy = question.meetingId
      ? await db.proxy.findFirst({
          where: {
            meetingId: question.meetingId,
            grantorId: forMemberId,
            holderId: actor.membershipId,
            revokedAt: null,
          },
        })
      : null;
    if (!proxy) return { ok: false, reason: "noProxy" };
  }
  // The holder's own rights are checked too: someone who may not vote may not carry a proxy.
  if (forMemberId) {
    const holder = await voterFacts(question, actor.membershipId, { at });
    if (!holder || holder.kind !== "ASSOCIATE" || holder.status !== "ACTIVE")
      return { ok: false, reason: "guest" };
  }
  const voter = await voterFacts(question, voterId, { at, ignoreOwnProxy: Boolean(forMemberId) });
  if (!voter) return { ok: false, reason: "notFound" };
  const eligible = mayVote(questionFacts(question), voter, at);
  if (!eligible.ok) return eligible;

  return storeBallot(
    question,
    {
      voterId,
      castById: actor.membershipId,
      collegeId: eligible.collegeId,
      choice,
    },
    at,
  );
}

// A UTC instant as the register's `timestamp` columns hold it.
const utc = (at: Date) => at.toISOString().replace("T", " ").replace("Z", "");

// The ballot box's hot path, what the voting page posts for one's own vote: the signed-in
// person's membership in the cooperative they are looking at, the question and everything the
// rule needs about this voter, read in one statement; the same pure rule (mayVote); then the
// same storing statement as castBallot. Two round trips per ballot, straight on the pool, as
// named statements (parsed and planned once per connection).
export async function castOwnBallot(
  {
    personId,
    preferredCooperativeId,
    questionId,
    choice,
    sessionVersion = 0,
  }: {
    personId: string;
    preferredCooperativeId: string | null;
    questionId: string;
    choice: VoteChoice;
    sessionVersion?: number;
  },
  at = new Date(),
): Promise<CastResult | { ok: false; reason: "signedOut" | "suspended" }> {
  const { rows } = await pool.query<OwnBallotRow>({
    name: "own-ballot-facts",
    text: OWN_BALLOT_FACTS,
    values: [personId, preferredCooperativeId, questionId, dayKey(at), sessionVersion, demoEnabled()],
  });
  const row = rows[0];
  if (!row) return { ok: false, reason: "signedOut" };
  // A cooperative its operator suspended is read-only: no ballot either.
  if (row.suspended) return { ok: false, reason: "suspended" };
  if (!row.questionId) return { ok: false, reason: "notFound" };
  const question: BallotQuestion = {
    id: row.questionId,
    cooperativeId: row.cooperativeId,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    kind: row.questionKind,
    status: row.questionStatus,
    closesAt: row.closesAt,
    secret: row.secret,
    allowChange: row.allowChange,
    body: { kind: row.bodyKind },
    exclusions: row.excluded.map((categoryId) => ({ categoryId })),
  };
  const voter: VoterFacts = {
    kind: row.kind,
    status: row.status,
    categoryId: row.categoryId,
    collegeId: row.collegeId,
    seated: row.seated,
    presence: row.hasAttendance
      ? {
          memberId: row.membershipId,
          status: row.attendanceStatus!,
          arrivedAt: row.arrivedAt,
          leftAt: row.leftAt,
        }
      : null,
    gaveProxy: row.gaveProxy,
  };
  const eligible = mayVote(questionFacts(question), voter, at);
  if (!eligible.ok) return eligible;
  return storeBallot(
    question,
    {
      voterId: row.membershipId,
      castById: row.membershipId,
      collegeId: eligible.collegeId,
      choice,
    },
    at,
  );
}

type OwnBallotRow = {
  membershipId: string;
  suspended: boolean;
  cooperativeId: string;
  kind: VoterFacts["kind"];
  status: VoterFacts["status"];
  questionId: string | null;
  bodyId: string;
  meetingId: string | null;
  questionKind: BallotQuestion["kind"];
  questionStatus: BallotQuestion["status"];
  closesAt: Date | null;
  secret: boolean;
  allowChange: boolean;
  bodyKind: BallotQuestion["body"]["kind"];
  excluded: string[];
  categoryId: string | null;
  collegeId: string | null;
  seated: boolean;
  hasAttendance: boolean;
  attendanceStatus: Presence["status"] | null;
  arrivedAt: Date | null;
  leftAt: Date | null;
  gaveProxy: boolean;
};

// $6 whether the demo is on (lib/demo.ts; its memberships count only then).
// $1 person, $5 the session's version (an ended session votes no more), $2 preferred cooperative (as getActor picks it: that one if a member there, else the
// oldest active membership), $3 question, $4 the day in the cooperative's time zone (mandates and
// categories are calendar days). No row: no active membership (signed out); no question: not in this cooperative.
// Timestamps leave as timestamptz so they arrive as the right instants.
const OWN_BALLOT_FACTS = `
  WITH me AS (
    SELECT m.id, m."cooperativeId", m.kind::text AS kind, m.status::text AS status, c."suspendedAt" IS NOT NULL AS suspended
      FROM "Membership" m JOIN "Cooperative" c ON c.id = m."cooperativeId" AND (c."isDemo" = false OR $6::boolean)
     WHERE m."personId" = $1 AND m.status = 'ACTIVE'
       AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = $1 AND p."sessionVersion" = $5)
     ORDER BY (m."cooperativeId" = $2) IS TRUE DESC, m."createdAt" ASC, m.id ASC LIMIT 1
  )
  SELECT me.id AS "membershipId", me."cooperativeId", me.kind, me.status, me.suspended,
         q.id AS "questionId", q."bodyId", q."meetingId", q.kind::text AS "questionKind", q.status::text AS "questionStatus",
         q."closesAt" AT TIME ZONE 'UTC' AS "closesAt", q.secret, q."allowChange", b.kind::text AS "bodyKind",
         ARRAY(SELECT e."categoryId" FROM "VoteExclusion" e WHERE e."questionId" = q.id) AS excluded,
         held."categoryId", held."collegeId",
         EXISTS (SELECT 1 FROM "Mandate" md WHERE md."membershipId" = me.id AND md."bodyId" = q."bodyId"
                   AND md."startsOn" <= $4::date AND (md."endsOn" IS NULL OR md."endsOn" > $4::date)) AS seated,
         (a.id IS NOT NULL) AS "hasAttendance", a.status::text AS "attendanceStatus",
         a."arrivedAt" AT TIME ZONE 'UTC' AS "arrivedAt", a."leftAt" AT TIME ZONE 'UTC' AS "leftAt",
         EXISTS (SELECT 1 FROM "Proxy" x WHERE x."meetingId" = q."meetingId" AND x."grantorId" = me.id AND x."revokedAt" IS NULL) AS "gaveProxy"
    FROM me
    LEFT JOIN "VoteQuestion" q ON q.id = $3 AND q."cooperativeId" = me."cooperativeId"
    LEFT JOIN "Body" b ON b.id = q."bodyId"
    LEFT JOIN LATERAL (
      SELECT ca."categoryId", c."collegeId" FROM "CategoryAssignment" ca JOIN "Category" c ON c.id = ca."categoryId"
       WHERE ca."membershipId" = me.id AND ca."validFrom" <= $4::date AND (ca."validTo" IS NULL OR ca."validTo" > $4::date)
       ORDER BY ca."validFrom" DESC LIMIT 1) held ON true
    LEFT JOIN "Attendance" a ON a."meetingId" = q."meetingId" AND a."membershipId" = me.id`;

// One statement, so one transaction: the question still open (locked against the close), the
// participation (its primary key refuses a second one), and the ballot only if the participation
// went in. A secret ballot gets no member, no college and no readable choice: only the sealed
// choice and college (lib/votes/seal.ts), so a row linked to its participation (same transaction
// id, neighbouring place in the table) tells nothing. Then, if nothing went in: closed meanwhile,
// a change of vote when the question allows it, or already voted.
async function storeBallot(
  question: BallotQuestion,
  {
    voterId,
    castById,
    collegeId,
    choice,
  }: { voterId: string; castById: string; collegeId: string | null; choice: VoteChoice },
  at: Date,
): Promise<CastResult> {
  const id = randomUUID();
  const { rows } = await pool.query<{ id: string }>({
    name: "store-ballot",
    text: `WITH open AS (
       SELECT id FROM "VoteQuestion" WHERE id = $1 AND status = 'OPEN' AND ("closesAt" IS NULL OR "closesAt" > $2::timestamp) FOR SHARE
     ), taken AS (
       INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
       SELECT $3, open.id, $4, $5, 'ONLINE' FROM open
       ON CONFLICT DO NOTHING RETURNING "questionId"
     )
     INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice, sealed)
     SELECT $6, $3, taken."questionId", $7, $8, $9::"VoteChoice", $10::bytea FROM taken
     RETURNING id`,
    values: [
      question.id,
      utc(at),
      question.cooperativeId,
      voterId,
      castById,
      id,
      question.secret ? null : voterId,
      question.secret ? null : collegeId,
      question.secret ? null : choice,
      question.secret ? sealBallot(question.id, { choice, collegeId }) : null,
    ],
  });
  if (rows[0]) return { ok: true, changed: false, secret: question.secret };
  const open = await db.voteQuestion.count({
    where: { id: question.id, status: "OPEN", OR: [{ closesAt: null }, { closesAt: { gt: at } }] },
  });
  if (!open) return { ok: false, reason: "closed" };
  // Changing one's vote before the close, when the question allows it (never for a secret one).
  if (question.allowChange && !question.secret) {
    const changed = await db.ballot.updateMany({
      where: { questionId: question.id, memberId: voterId },
      data: { choice },
    });
    if (changed.count) return { ok: true, changed: true, secret: false };
  }
  return { ok: false, reason: "alreadyVoted" };
}

// What this member chose, for a non-secret question; for a secret one only that they took part
// (and how: online or on paper), never the choice.
export async function myParticipation(actor: Actor, questionId: string) {
  const question = await db.voteQuestion.findFirst({
    where: { id: questionId, cooperativeId: actor.cooperativeId },
    select: { id: true, secret: true },
  });
  if (!question) return null;
  const participation = await db.voteParticipation.findUnique({
    where: { questionId_memberId: { questionId, memberId: actor.membershipId } },
  });
  const own =
    !question.secret && participation
      ? await db.ballot.findFirst({
          where: { questionId, memberId: actor.membershipId },
          select: { choice: true },
        })
      : null;
  return {
    voted: Boolean(participation),
    channel: participation?.channel ?? null,
    choice: own?.choice ?? null,
  };
}
