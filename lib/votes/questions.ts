import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Result } from "@/lib/form-result";
import { recordAudit } from "@/lib/audit/record";
import { scheduleVoteJobs, senderBoss } from "@/lib/jobs/queue";
import { currentRules } from "@/lib/votes/rules";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { mayVote } from "@/lib/votes/eligibility";
import { loadQuestion, questionFacts, voterFacts, type LoadedQuestion } from "@/lib/votes/facts";
import { resultOf, type QuestionResult } from "@/lib/votes/results";
import { closeAndAnnounce } from "@/lib/votes/close-question.internal";
import { deliverAll, eligibleVoters, queueMail, when } from "@/lib/votes/question-mail.internal";
import type { QuestionInput } from "@/lib/votes/schema";

// A question put to the vote: created, opened, closed, listed and shown. The counts of a show
// of hands are in show-of-hands.ts, the paper ballots of an assembly in paper-ballots.ts.

export type QuestionFailure =
  | "paperNeedsAssembly"
  | "paperAlreadyEntered"
  | "paperCountMismatch"
  | "paperVoterRefused"
  | "notFound"
  | "bodyUnknown"
  | "meetingRequired"
  | "meetingUnknown"
  | "closesAtRequired"
  | "closesAtPast"
  | "consultationsNotAllowed"
  | "notDraft"
  | "notOpen"
  | "categoryUnknown"
  | "tallyNeedsShowOfHands"
  | "externalAfterBallots"
  | "externalCountTooHigh";
export type QuestionResultOk<T = null> = Result<T, QuestionFailure>;

const NEEDS_MEETING = new Set(["MEETING_BALLOT", "SHOW_OF_HANDS", "AG_RESOLUTION"]);

export async function createQuestion(
  actor: Actor,
  input: QuestionInput,
  now = new Date(),
): Promise<QuestionResultOk<{ id: string }>> {
  authorize(actor, "vote.manage");
  const body = await db.body.findFirst({ where: { id: input.bodyId, cooperativeId: actor.cooperativeId } });
  if (!body) return { ok: false, error: "bodyUnknown" };
  const kind =
    body.kind === "GENERAL_ASSEMBLY"
      ? "AG_RESOLUTION"
      : input.kind === "AG_RESOLUTION"
        ? "MEETING_BALLOT"
        : input.kind;
  let meeting = null;
  if (NEEDS_MEETING.has(kind) || input.meetingId) {
    if (!input.meetingId) return { ok: false, error: "meetingRequired" };
    meeting = await db.meeting.findFirst({
      where: { id: input.meetingId, cooperativeId: actor.cooperativeId, bodyId: body.id },
    });
    if (!meeting) return { ok: false, error: "meetingUnknown" };
  }
  const statutes = await db.statuteSettings.findUnique({ where: { cooperativeId: actor.cooperativeId } });
  if (kind === "WRITTEN_CONSULTATION") {
    if (statutes && !statutes.writtenConsultationsAllowed)
      return { ok: false, error: "consultationsNotAllowed" };
    if (!input.closesAt) return { ok: false, error: "closesAtRequired" };
  }
  if (input.closesAt && input.closesAt <= now) return { ok: false, error: "closesAtPast" };
  if (input.excludedCategoryIds.length) {
    const known = await db.category.count({
      where: { id: { in: input.excludedCategoryIds }, cooperativeId: actor.cooperativeId },
    });
    if (known !== new Set(input.excludedCategoryIds).size) return { ok: false, error: "categoryUnknown" };
  }
  const question = await db.$transaction(async (tx) => {
    const created = await tx.voteQuestion.create({
      data: {
        cooperativeId: actor.cooperativeId,
        bodyId: body.id,
        meetingId: meeting?.id ?? null,
        kind,
        assemblyType:
          body.kind === "GENERAL_ASSEMBLY"
            ? (input.assemblyType ?? meeting?.assemblyType ?? "ORDINARY")
            : null,
        title: input.title,
        text: input.text,
        secret: input.secret,
        // A secret question never shows a count before its close, to anyone.
        hideResultsUntilClose: input.secret || input.hideResultsUntilClose,
        allowChange: !input.secret && (statutes?.voteChangeAllowed ?? false),
        closesAt: input.closesAt,
        exclusions: {
          create: [...new Set(input.excludedCategoryIds)].map((categoryId) => ({
            cooperativeId: actor.cooperativeId,
            categoryId,
          })),
        },
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "vote.created",
      entityType: "VoteQuestion",
      entityId: created.id,
      after: { title: input.title, kind },
    });
    return created;
  });
  return { ok: true, data: { id: question.id } };
}

export async function openQuestion(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<QuestionResultOk> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.closesAt && q.closesAt <= now) return { ok: false, error: "closesAtPast" };
  if (q.status !== "DRAFT") return { ok: false, error: "notDraft" };
  const voters = q.kind === "SHOW_OF_HANDS" ? [] : await eligibleVoters(q, now);
  const boss = q.closesAt ? await senderBoss() : null;
  // One transaction: the question opens with the rules in force now (a copy: later changes of
  // the statutes do not reach it), its e-mails are written to the outbox and its close and
  // reminder are queued, or nothing happens and it stays a draft to open again.
  const opened = await db.$transaction(
    async (tx) => {
      const rules = await currentRules(tx, actor.cooperativeId);
      const { count } = await tx.voteQuestion.updateMany({
        where: { id: q.id, status: "DRAFT" },
        data: { status: "OPEN", opensAt: now, statutesVersion: rules.statutesVersion, rules: rules as never },
      });
      if (count === 0) return null;
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "vote.opened",
        entityType: "VoteQuestion",
        entityId: q.id,
        after: { statutesVersion: rules.statutesVersion },
      });
      const emails = await queueMail(tx, {
        question: q,
        recipients: voters,
        subject: `Vote ouvert : ${q.title}`,
        text: `Un vote est ouvert : « ${q.title} »${q.closesAt ? `, jusqu'au ${when(q.closesAt)}` : ""}. Vous pouvez voter ici :`,
      });
      if (boss && q.closesAt)
        await scheduleVoteJobs({ questionId: q.id, closesAt: q.closesAt }, { sender: boss, tx });
      return emails;
    },
    { timeout: 60_000 },
  );
  if (!opened) return { ok: false, error: "notDraft" };
  await deliverAll(opened);
  return { ok: true, data: null };
}

// Closed by the chair (the coordinator or the president); the job closes a question at its
// deadline (vote-jobs.internal.ts). The result goes to the body; a written consultation enters
// the decision record at once.
export async function closeQuestion(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<QuestionResultOk<QuestionResult>> {
  authorize(actor, "vote.close");
  return closeAndAnnounce({ cooperativeId: actor.cooperativeId, questionId, actorId: actor.personId, now });
}

export type QuestionListItem = {
  id: string;
  title: string;
  kind: LoadedQuestion["kind"];
  status: LoadedQuestion["status"];
  bodyName: string;
  closesAt: Date | null;
  closedAt: Date | null;
  meetingNumber: number | null;
};

export async function listQuestions(actor: Actor): Promise<QuestionListItem[]> {
  authorize(actor, "vote.castAssembly");
  const manage = can(actor.roles, "vote.manage");
  const council = can(actor.roles, "vote.castCouncil");
  const questions = await db.voteQuestion.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      ...(manage ? {} : { status: { not: "DRAFT" } }),
      // Council and commission questions are for their members; assembly questions for all.
      ...(manage || council
        ? {}
        : {
            OR: [
              { body: { kind: "GENERAL_ASSEMBLY" } },
              { body: { mandates: { some: { membershipId: actor.membershipId } } } },
            ],
          }),
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    include: { body: { select: { name: true } }, meeting: { select: { number: true } } },
  });
  return questions.map((q) => ({
    id: q.id,
    title: q.title,
    kind: q.kind,
    status: q.status,
    bodyName: q.body.name,
    closesAt: q.closesAt,
    closedAt: q.closedAt,
    meetingNumber: q.meeting?.number ?? null,
  }));
}

export type QuestionDetail = {
  question: LoadedQuestion & { excludedNames: string[] };
  eligibility: ReturnType<typeof mayVote> | null;
  result: QuestionResult | null;
  resultHidden: boolean;
  turnout: { voters: number; eligible: number } | null;
};

export async function questionDetail(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<QuestionDetail | null> {
  authorize(actor, "vote.castAssembly");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q || (q.status === "DRAFT" && !can(actor.roles, "vote.manage"))) return null;
  // The same rule as the list: a council or commission question is for its members (and the
  // coordinator); an assembly question for every associé·e.
  if (
    q.body.kind !== "GENERAL_ASSEMBLY" &&
    !can(actor.roles, "vote.manage") &&
    !can(actor.roles, "vote.castCouncil")
  ) {
    const member = await db.mandate.count({ where: { bodyId: q.bodyId, membershipId: actor.membershipId } });
    if (member === 0) return null;
  }
  const voter = await voterFacts(q, actor.membershipId, { at: now });
  const eligibility = voter ? mayVote(questionFacts(q), voter, now) : null;
  const resultHidden = q.status !== "CLOSED" && (q.hideResultsUntilClose || q.secret);
  const result = q.status === "DRAFT" || resultHidden ? null : await resultOf(q);
  // What may show while the count is hidden: how many have voted, out of how many.
  const turnout =
    resultHidden && q.status === "OPEN"
      ? {
          voters: await db.voteParticipation.count({ where: { questionId: q.id } }),
          eligible: (await bodyMembersOn(q.body, q.meeting?.startsAt ?? now)).length,
        }
      : null;
  const categories = q.exclusions.length
    ? await db.category.findMany({
        where: { id: { in: q.exclusions.map((e) => e.categoryId) } },
        select: { name: true },
      })
    : [];
  return {
    question: { ...q, excludedNames: categories.map((c) => c.name) },
    eligibility,
    result,
    resultHidden,
    turnout,
  };
}

// What the question form offers: the bodies, their meetings still open, the categories.
export async function questionFormChoices(actor: Actor, now = new Date()) {
  authorize(actor, "vote.manage");
  const [bodies, meetings, categories] = await Promise.all([
    db.body.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true },
    }),
    db.meeting.findMany({
      where: {
        cooperativeId: actor.cooperativeId,
        status: { notIn: ["CANCELLED", "CLOSED"] },
        startsAt: { gte: new Date(now.getTime() - 60 * 86400000) },
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, number: true, bodyId: true, startsAt: true, body: { select: { name: true } } },
    }),
    db.category.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { bodies, meetings, categories };
}
