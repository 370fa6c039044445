import "server-only";
import { db } from "@/lib/db";
import type { Result } from "@/lib/form-result";
import { recordAudit } from "@/lib/audit/record";
import { dayKey, parseDateKey } from "@/lib/dates";
import { recordVoteDecision } from "@/lib/decisions/record.internal";
import type { DecisionMethod } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { loadQuestion } from "@/lib/votes/facts";
import { computeResult, type QuestionResult } from "@/lib/votes/results";
import { resultText, resultTextIn } from "@/lib/votes/result-text";
import { mailTranslator } from "@/lib/i18n/translator";
import { deliverAll, queueMail } from "@/lib/votes/question-mail.internal";
import type { TallyRowInput } from "@/lib/votes/schema";
import { tallyRowsData } from "@/lib/votes/tally-rows";

// Internal to the server: no right is checked here. Called by closeQuestion (questions.ts) once
// the chair's right is checked, by the show of hands, and by the job at the deadline
// (vote-jobs.internal.ts); never by a page or an action.

const METHOD: Record<string, DecisionMethod> = {
  WRITTEN_CONSULTATION: "WRITTEN_CONSULTATION",
  MEETING_BALLOT: "ONLINE_BALLOT",
  AG_RESOLUTION: "AG_RESOLUTION",
  SHOW_OF_HANDS: "SHOW_OF_HANDS",
};

// Closes an open question (actorId: who closed it; null for the job). One transaction does all
// of it, or none: the count is stored on the question (the record every later page, e-mail and
// export reads), a secret question's sealed ballots are deleted once counted, the decision
// record gets its entry with the figures and a link to the vote, the journal its line, and the
// result e-mails are written to the outbox. A crash anywhere leaves the question open, to be
// closed again; e-mails written and not yet sent are sent by the worker's sweep.
// An election held in Belenios (lib/votes/belenios.ts): its results per college, its address and
// fingerprint, stored with the count in the same transaction.
export type ExternalElection = {
  system: "belenios";
  url: string;
  fingerprint: string;
  rows: TallyRowInput[];
};

export async function closeAndAnnounce({
  cooperativeId,
  questionId,
  actorId,
  now = new Date(),
  external = null,
}: {
  cooperativeId: string;
  questionId: string;
  actorId: string | null;
  now?: Date;
  external?: ExternalElection | null;
}): Promise<Result<QuestionResult, "notFound" | "notOpen" | "externalAfterBallots">> {
  const q = await loadQuestion(cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen" };
  const members = await bodyMembersOn(q.body, now);
  const closed = await db.$transaction(
    async (tx) => {
      // Ballots wait for the question's row (FOR SHARE in the ballot box): none arrives while
      // the count runs, and none after.
      const [row] = await tx.$queryRaw<
        { status: string }[]
      >`SELECT status::text AS status FROM "VoteQuestion" WHERE id = ${q.id} FOR UPDATE`;
      if (row?.status !== "OPEN") return null;
      if (external) {
        // Held elsewhere instead of here: no ballot of the portal may be counted with it (checked
        // again under the lock, as a ballot may have arrived since the service looked).
        const [participations, tallies] = await Promise.all([
          tx.voteParticipation.count({ where: { questionId: q.id } }),
          tx.paperTally.count({ where: { questionId: q.id } }),
        ]);
        if (participations || tallies) return "externalAfterBallots" as const;
        await tx.paperTally.createMany({
          data: tallyRowsData({ cooperativeId, questionId: q.id }, external.rows),
        });
        await recordAudit(tx, {
          cooperativeId,
          actorId,
          action: "vote.externalResult",
          entityType: "VoteQuestion",
          entityId: q.id,
          after: {
            system: external.system,
            url: external.url,
            fingerprint: external.fingerprint,
            rows: external.rows,
          },
        });
      }
      const counted = await computeResult({ ...q, closedAt: now }, tx, { heldElsewhere: Boolean(external) });
      const outcome: QuestionResult = external
        ? {
            ...counted,
            external: { system: external.system, url: external.url, fingerprint: external.fingerprint },
          }
        : counted;
      await tx.voteQuestion.update({
        where: { id: q.id },
        data: { status: "CLOSED", closedAt: now, result: outcome as never },
      });
      if (q.secret) await tx.ballot.deleteMany({ where: { questionId: q.id } });

      const text = `${q.text ? `${q.text}\n\n` : ""}Résultat du vote :\n${resultText(outcome)}`;
      const outcomeValue = outcome.result.adopted ? ("ADOPTED" as const) : ("REJECTED" as const);
      const decision = await recordVoteDecision(tx, {
        cooperativeId,
        bodyId: q.bodyId,
        meetingId: q.meetingId ?? undefined,
        voteQuestionId: q.id,
        title: q.title,
        text,
        method: METHOD[q.kind]!,
        outcome: outcomeValue,
        decidedOn: parseDateKey(dayKey(q.meeting?.startsAt ?? now)),
        // A written consultation or an assembly's resolution is the body's act at once; a vote
        // in a council or commission meeting enters the record with the meeting's minutes.
        publishedAt: q.meetingId && q.body.kind !== "GENERAL_ASSEMBLY" ? undefined : now,
      });
      await recordAudit(tx, {
        cooperativeId,
        actorId,
        action: "vote.closed",
        entityType: "VoteQuestion",
        entityId: q.id,
        after: { verdict: outcome.result.verdict, decisionId: decision.id },
      });
      const emails = await queueMail(tx, {
        question: q,
        recipients: members,
        subject: `Résultat du vote : ${q.title}`,
        text: `Le vote « ${q.title} » est clos.\n\n${resultText(outcome)}`,
        compose: (locale) => {
          const t = mailTranslator(locale);
          return {
            subject: t("vote.resultSubject", { title: q.title }),
            text: `${t("vote.closed", { title: q.title })}\n\n${resultTextIn(outcome, locale)}`,
          };
        },
      });
      return { outcome, emails };
    },
    { timeout: 60_000 },
  );
  if (!closed) return { ok: false, error: "notOpen" };
  if (closed === "externalAfterBallots") return { ok: false, error: closed };
  await deliverAll(closed.emails);
  // The deleted ballots' old row versions leave the table's pages at the next vacuum: asked now.
  if (q.secret)
    await db
      .$executeRawUnsafe(`VACUUM "Ballot"`)
      .catch((error: unknown) => log.warn({ err: error }, "vacuum"));
  return { ok: true, data: closed.outcome };
}
