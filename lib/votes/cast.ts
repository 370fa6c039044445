import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { mayVote, type Refusal } from "@/lib/votes/eligibility";
import { loadBallotQuestion, questionFacts, voterFacts } from "@/lib/votes/facts";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

export type CastRefusal = Refusal | "notFound" | "alreadyVoted" | "noProxy";
export type CastResult = { ok: true; receipt: string; changed: boolean } | { ok: false; reason: CastRefusal };

// One ballot per voter per question: the participation row's primary key decides, inside the
// transaction that stores the ballot, so fifty simultaneous clicks store exactly one. For a secret
// question the ballot row holds no member, no time and a random id: nothing links it to the
// participation row. A proxy holder casts one ballot per member they represent (forMemberId).
export async function castBallot(actor: Actor, questionId: string, choice: VoteChoice, forMemberId: string | null = null, at = new Date()): Promise<CastResult> {
  const question = await loadBallotQuestion(actor.cooperativeId, questionId);
  if (!question) return { ok: false, reason: "notFound" };
  const voterId = forMemberId ?? actor.membershipId;
  if (forMemberId) {
    const proxy = question.meetingId
      ? await db.proxy.findFirst({ where: { meetingId: question.meetingId, grantorId: forMemberId, holderId: actor.membershipId, revokedAt: null } })
      : null;
    if (!proxy) return { ok: false, reason: "noProxy" };
  }
  // The holder's own rights are checked too: someone who may not vote may not carry a proxy.
  if (forMemberId) {
    const holder = await voterFacts(question, actor.membershipId, at);
    if (!holder || holder.kind !== "ASSOCIATE" || holder.status !== "ACTIVE") return { ok: false, reason: "guest" };
  }
  const voter = await voterFacts(question, voterId, at, { ignoreOwnProxy: Boolean(forMemberId) });
  if (!voter) return { ok: false, reason: "notFound" };
  const eligible = mayVote(questionFacts(question), voter, at);
  if (!eligible.ok) return eligible;

  // One statement, so one transaction: the question still open (locked against the close), the
  // participation (its primary key refuses a second one), and the ballot only if the participation
  // went in. A secret ballot gets no member.
  const id = randomUUID();
  const [stored] = await db.$queryRaw<{ id: string }[]>`
    WITH open AS (
      SELECT id FROM "VoteQuestion" WHERE id = ${question.id} AND status = 'OPEN' AND ("closesAt" IS NULL OR "closesAt" > ${at}) FOR SHARE
    ), taken AS (
      INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
      SELECT ${question.cooperativeId}, open.id, ${voterId}, ${actor.membershipId}, 'ONLINE' FROM open
      ON CONFLICT DO NOTHING RETURNING "questionId"
    )
    INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
    SELECT ${id}, ${question.cooperativeId}, taken."questionId", ${question.secret ? null : voterId}, ${eligible.collegeId}, ${choice}::"VoteChoice" FROM taken
    RETURNING id`;
  if (stored) return { ok: true, receipt: stored.id, changed: false };
  const open = await db.voteQuestion.count({ where: { id: question.id, status: "OPEN", OR: [{ closesAt: null }, { closesAt: { gt: at } }] } });
  if (!open) return { ok: false, reason: "closed" };
  // Changing one's vote before the close, when the question allows it (never for a secret one).
  if (question.allowChange && !question.secret) {
    const changed = await db.ballot.updateMany({ where: { questionId: question.id, memberId: voterId }, data: { choice } });
    const existing = changed.count ? await db.ballot.findFirst({ where: { questionId: question.id, memberId: voterId }, select: { id: true } }) : null;
    if (existing) return { ok: true, receipt: existing.id, changed: true };
  }
  return { ok: false, reason: "alreadyVoted" };
}

// What this member chose, for a non-secret question; for a secret one only that they took part,
// and the choice behind a receipt only its holder knows.
export async function myParticipation(actor: Actor, questionId: string, receipt: string | null = null) {
  const question = await db.voteQuestion.findFirst({ where: { id: questionId, cooperativeId: actor.cooperativeId }, select: { id: true, secret: true } });
  if (!question) return null;
  const participation = await db.voteParticipation.findUnique({ where: { questionId_memberId: { questionId, memberId: actor.membershipId } } });
  const own = !question.secret && participation ? await db.ballot.findFirst({ where: { questionId, memberId: actor.membershipId }, select: { choice: true } }) : null;
  const byReceipt = receipt && /^[0-9a-f-]{36}$/.test(receipt) ? await db.ballot.findFirst({ where: { id: receipt, questionId }, select: { choice: true } }) : null;
  return { voted: Boolean(participation), channel: participation?.channel ?? null, choice: own?.choice ?? null, receiptChoice: byReceipt?.choice ?? null };
}
