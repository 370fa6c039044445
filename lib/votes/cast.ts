import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { mayVote, type Refusal } from "@/lib/votes/eligibility";
import { loadQuestion, questionFacts, voterFacts } from "@/lib/votes/facts";
import type { VoteChoice } from "@/lib/generated/prisma/enums";

export type CastRefusal = Refusal | "notFound" | "alreadyVoted" | "noProxy";
export type CastResult = { ok: true; receipt: string; changed: boolean } | { ok: false; reason: CastRefusal };

// One ballot per voter per question: the participation row's primary key decides, inside the
// transaction that stores the ballot, so fifty simultaneous clicks store exactly one. For a secret
// question the ballot row holds no member, no time and a random id: nothing links it to the
// participation row. A proxy holder casts one ballot per member they represent (forMemberId).
export async function castBallot(actor: Actor, questionId: string, choice: VoteChoice, forMemberId: string | null = null, at = new Date()): Promise<CastResult> {
  const question = await loadQuestion(actor.cooperativeId, questionId);
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

  return db.$transaction(async (tx) => {
    // Closing takes this row FOR UPDATE: a ballot is either in before the close, or refused.
    const [row] = await tx.$queryRaw<{ status: string; closesAt: Date | null }[]>`SELECT status::text AS status, "closesAt" FROM "VoteQuestion" WHERE id = ${question.id} FOR SHARE`;
    if (!row || row.status !== "OPEN" || (row.closesAt && row.closesAt <= at)) return { ok: false as const, reason: "closed" as const };
    const inserted = await tx.$executeRaw`
      INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
      VALUES (${question.cooperativeId}, ${question.id}, ${voterId}, ${actor.membershipId}, 'ONLINE')
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) {
      // Changing one's vote before the close, when the question allows it (never for a secret one).
      if (question.allowChange && !question.secret) {
        const existing = await tx.ballot.findFirst({ where: { questionId: question.id, memberId: voterId } });
        if (existing) {
          await tx.ballot.update({ where: { id: existing.id }, data: { choice } });
          return { ok: true as const, receipt: existing.id, changed: true };
        }
      }
      return { ok: false as const, reason: "alreadyVoted" as const };
    }
    const id = randomUUID();
    await tx.$executeRaw`
      INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
      VALUES (${id}, ${question.cooperativeId}, ${question.id}, ${question.secret ? null : voterId}, ${eligible.collegeId}, ${choice}::"VoteChoice")`;
    return { ok: true as const, receipt: id, changed: false };
  });
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
