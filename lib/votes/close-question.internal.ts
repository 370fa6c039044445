import "server-only";
import { db } from "@/lib/db";
import type { Result } from "@/lib/form-result";
import { recordAudit } from "@/lib/audit/record";
import { createDecision } from "@/lib/decisions/record.internal";
import { dayKey, parseDateKey } from "@/lib/dates";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { loadQuestion } from "@/lib/votes/facts";
import { computeResult, type QuestionResult } from "@/lib/votes/results";
import { mail } from "@/lib/votes/question-mail.internal";

// Internal to the server: no right is checked here. Called by closeQuestion (questions.ts) once
// the chair's right is checked, and by the job at the deadline (vote-jobs.internal.ts); never
// by a page or an action.

// Closes an open question (actorId: who closed it; null for the job). The result goes to the
// body; a written consultation enters the decision record at once.
export async function closeAndAnnounce(
  cooperativeId: string,
  questionId: string,
  actorId: string | null,
  now = new Date(),
): Promise<Result<QuestionResult, "notFound" | "notOpen">> {
  const q = await loadQuestion(cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  const closed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "VoteQuestion" WHERE id = ${q.id} FOR UPDATE`;
    if (row?.status !== "OPEN") return false;
    await tx.voteQuestion.update({ where: { id: q.id }, data: { status: "CLOSED", closedAt: now } });
    // A secret ballot's rows were written in the order people voted, as were the participations:
    // rewritten in a random order at the close, the table's physical order no longer follows it.
    if (q.secret) {
      await tx.$executeRaw`
        WITH gone AS (DELETE FROM "Ballot" WHERE "questionId" = ${q.id} RETURNING id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
        INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
        SELECT id, "cooperativeId", "questionId", "memberId", "collegeId", choice FROM gone ORDER BY random()`;
    }
    await recordAudit(tx, {
      cooperativeId,
      actorId,
      action: "vote.closed",
      entityType: "VoteQuestion",
      entityId: q.id,
    });
    return true;
  });
  if (!closed) return { ok: false, error: "notOpen" };
  const loaded = (await loadQuestion(cooperativeId, q.id))!;
  const outcome = await computeResult(loaded);
  if (q.kind === "WRITTEN_CONSULTATION") {
    await createDecision(db, {
      cooperativeId,
      bodyId: q.bodyId,
      voteQuestionId: q.id,
      title: q.title,
      text: `${q.text ? `${q.text}\n` : ""}Résultat : ${outcome.result.verdict}.`,
      method: "WRITTEN_CONSULTATION",
      outcome: outcome.result.adopted ? "ADOPTED" : "REJECTED",
      decidedOn: parseDateKey(dayKey(now)),
      publishedAt: now,
    });
  }
  const members = await bodyMembersOn(q.body, now);
  await mail(q, members, {
    subject: `Résultat du vote : ${q.title}`,
    text: `Le vote « ${q.title} » est clos. ${outcome.result.verdict.replace(/^./, (c) => c.toUpperCase())}. Pour ${outcome.result.total.for}, contre ${outcome.result.total.against}, abstentions ${outcome.result.total.abstain}.`,
  });
  return { ok: true, data: outcome };
}
