import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { loadQuestion } from "@/lib/votes/facts";
import type { QuestionResultOk } from "@/lib/votes/questions";
import type { QuestionResult } from "@/lib/votes/results";
import { closeAndAnnounce } from "@/lib/votes/close-question.internal";
import type { TallyRowInput } from "@/lib/votes/schema";
import { tallyRowsData } from "@/lib/votes/tally-rows";

// A show of hands: the counts typed in by the coordinator, per college when the body votes by
// college; counted, the question is closed (one right, vote.manage, for the whole step).
export async function recordShowOfHands(
  actor: Actor,
  questionId: string,
  rows: TallyRowInput[],
): Promise<QuestionResultOk<QuestionResult>> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.kind !== "SHOW_OF_HANDS") return { ok: false, error: "tallyNeedsShowOfHands" };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen" };
  const colleges = new Set(
    (await db.college.findMany({ where: { cooperativeId: actor.cooperativeId }, select: { id: true } })).map(
      (c) => c.id,
    ),
  );
  if (rows.some((r) => r.collegeId !== null && !colleges.has(r.collegeId)))
    return { ok: false, error: "notFound" };
  const entered = await db.$transaction(async (tx) => {
    // Still open, and held open until this commits (the close waits: FOR UPDATE).
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "VoteQuestion" WHERE id = ${q.id} FOR SHARE`;
    if (row?.status !== "OPEN") return false;
    await tx.paperTally.deleteMany({ where: { questionId: q.id } });
    await tx.paperTally.createMany({
      data: tallyRowsData({ cooperativeId: actor.cooperativeId, questionId: q.id }, rows),
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "vote.tallyEntered",
      entityType: "VoteQuestion",
      entityId: q.id,
      after: { rows },
    });
    return true;
  });
  if (!entered) return { ok: false, error: "notOpen" };
  return closeAndAnnounce({ cooperativeId: actor.cooperativeId, questionId: q.id, actorId: actor.personId });
}
