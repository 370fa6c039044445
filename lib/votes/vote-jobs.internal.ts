import "server-only";
import { db } from "@/lib/db";
import { loadQuestion } from "@/lib/votes/facts";
import { log } from "@/lib/log";
import { closeAndAnnounce } from "@/lib/votes/close-question.internal";
import { eligibleVoters, mail, when } from "@/lib/votes/question-mail.internal";

// Internal to the server: no actor, no right checked. Run by the job worker (lib/jobs/worker.ts)
// for a question with a deadline; never by a page or an action.

// The job's reminder, the day before the close, to those who have not voted yet.
export async function remindVoters(questionId: string, now = new Date()): Promise<number> {
  const q = await db.voteQuestion.findUnique({ where: { id: questionId }, select: { cooperativeId: true } });
  if (!q) return 0;
  const loaded = await loadQuestion(q.cooperativeId, questionId);
  if (!loaded || loaded.status !== "OPEN") return 0;
  const voted = new Set(
    (await db.voteParticipation.findMany({ where: { questionId }, select: { memberId: true } })).map(
      (p) => p.memberId,
    ),
  );
  const waiting = (await eligibleVoters(loaded, now)).filter((v) => !voted.has(v.membershipId));
  await mail(loaded, waiting, {
    subject: `Rappel : vote « ${loaded.title} »`,
    text: `Le vote « ${loaded.title} » se termine ${loaded.closesAt ? when(loaded.closesAt) : "bientôt"} et vous n'avez pas encore voté :`,
  });
  return waiting.length;
}

export async function closeFromJob(questionId: string): Promise<boolean> {
  const q = await db.voteQuestion.findUnique({
    where: { id: questionId },
    select: { cooperativeId: true, status: true, closesAt: true },
  });
  if (!q || q.status !== "OPEN" || !q.closesAt || q.closesAt > new Date()) return false;
  return (await closeAndAnnounce({ cooperativeId: q.cooperativeId, questionId, actorId: null })).ok;
}

// The worker's sweep (at its start, then every minute): a question past its deadline and still
// open — its close job lost with a database restored from before it was queued, or a close that a
// crash interrupted — is closed now.
export async function closeOverdue(now = new Date()): Promise<string[]> {
  const overdue = await db.voteQuestion.findMany({
    where: { status: "OPEN", closesAt: { lte: now } },
    select: { id: true, cooperativeId: true },
    take: 100,
  });
  const closed: string[] = [];
  for (const q of overdue) {
    // One question that cannot be closed (its sealed ballots do not open with this portal's
    // secret, after a restore onto a portal with another) must not hold up the others.
    try {
      if (
        (await closeAndAnnounce({ cooperativeId: q.cooperativeId, questionId: q.id, actorId: null, now })).ok
      )
        closed.push(q.id);
    } catch (error) {
      log.error({ err: error, questionId: q.id }, "[worker] vote past its deadline not closed");
    }
  }
  return closed;
}
