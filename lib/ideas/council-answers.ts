import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { IdeaStatus } from "@/lib/generated/prisma/enums";
import type { BoardIdea } from "@/lib/ideas/board";
import { HOUR_MS, merge, OPEN, ownIdea, themeOf, type MergeRefusal } from "@/lib/ideas/ideas.internal";
import { answerWords, publishAnswers } from "@/lib/ideas/publish-answers.internal";
import type { AnswerChoice, AnswerInput, Theme } from "@/lib/ideas/schema";
import type { IdeaResult } from "@/lib/ideas/service";
import { entriesNamed } from "@/lib/booklet/service";

// At the council: the ideas read out and answered in meeting, the answers published (with the
// minutes, or when the council says), and what was answered told in the newsletter.

async function councilMeeting(actor: Actor, meetingId: string) {
  if (meetingId.length > 40) return null;
  return db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId, body: { kind: "COUNCIL" } },
    include: { body: true, minutes: { select: { status: true } } },
  });
}

export type SheetIdea = {
  id: string;
  text: string;
  theme: Theme | null;
  source: BoardIdea["source"];
  authorName: string | null;
  supports: number;
  status: IdeaStatus;
  answerKind: AnswerChoice | null;
  answerText: string | null;
  mergedIntoId: string | null;
  published: boolean;
  // The booklet's entries the answer points to.
  partnerIds: string[];
};

// What the council reads out and answers: the ideas attached to this meeting, and any other
// idea still waiting.
export async function answerSheet(actor: Actor, meetingId: string) {
  authorize(actor, "meeting.read");
  const meeting = await councilMeeting(actor, meetingId);
  if (!meeting) return null;
  const council = can(actor.roles, "minutes.readDraft");
  const ideas = await db.idea.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      OR: [
        { meetingId: meeting.id, status: { in: ["TO_READ", "ANSWERED", "MERGED"] } },
        { status: { in: OPEN } },
      ],
    },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { supports: true } } },
  });
  return {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      bodySlug: meeting.body.slug,
      bodyName: meeting.body.name,
      startsAt: meeting.startsAt,
      minutesStatus: meeting.minutes?.status ?? null,
    },
    // The council's answers are the council's until they are published (with the minutes, or
    // when it says): before that, a member reads the ideas, not what the council wrote.
    ideas: ideas.map((i): SheetIdea => {
      const shown = i.answerPublishedAt !== null || council;
      return {
        id: i.id,
        text: i.text,
        theme: themeOf(i.theme),
        source: i.source,
        authorName: i.showName ? i.authorName : null,
        supports: i._count.supports,
        status: shown ? i.status : "TO_READ",
        answerKind: shown ? (i.status === "MERGED" ? "MERGED" : i.answerKind) : null,
        answerText: shown ? i.answerText : null,
        mergedIntoId: shown ? i.mergedIntoId : null,
        published: i.answerPublishedAt !== null,
        partnerIds: shown ? i.answerPartnerIds : [],
      };
    }),
    unpublished: ideas.filter(
      (i) =>
        (i.status === "ANSWERED" || i.status === "MERGED") &&
        i.meetingId === meeting.id &&
        !i.answerPublishedAt,
    ).length,
  };
}

// The same sheet, found by the meeting's address (/reunions/<body>/<number>/idees).
export async function answerSheetAt(actor: Actor, bodySlug: string, number: number) {
  authorize(actor, "meeting.read");
  if (bodySlug.length > 60) return null;
  const meeting = await db.meeting.findFirst({
    where: { cooperativeId: actor.cooperativeId, number, body: { slug: bodySlug } },
    select: { id: true },
  });
  return meeting ? answerSheet(actor, meeting.id) : null;
}

// In the meeting: an answer and a status for each idea (the coordinator types what the council
// said). A merged idea points at the idea that answers it.
export async function answerIdea(
  actor: Actor,
  {
    meetingId,
    ideaId,
    input,
    partnerIds = [],
  }: { meetingId: string; ideaId: string; input: AnswerInput; partnerIds?: string[] },
): Promise<IdeaResult<null, "notCouncilMeeting" | MergeRefusal>> {
  authorize(actor, "minutes.draft");
  const meeting = await councilMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notCouncilMeeting" };
  const idea = await ownIdea(actor, ideaId);
  if (!idea || idea.status === "MODERATION" || idea.status === "REJECTED")
    return { ok: false, error: "notFound" };
  if (idea.answerPublishedAt) return { ok: false, error: "notOpen" };
  if (input.answer === "MERGED") {
    return db.$transaction(async (tx) => {
      const merged = await merge(actor, { ideaId: idea.id, intoId: input.mergeInto!, tx });
      if (merged.ok)
        await tx.idea.update({
          where: { id: idea.id },
          data: {
            meetingId: meeting.id,
            answerText: input.text,
            answeredAt: new Date(),
            answerPartnerIds: [],
          },
        });
      return merged;
    });
  }
  const answerKind = input.answer;
  // Only the cooperative's own entries, still in the booklet.
  const partners = (await entriesNamed(actor.cooperativeId, partnerIds)).map((e) => e.id);
  await db.$transaction(async (tx) => {
    await tx.idea.update({
      where: { id: idea.id },
      data: {
        status: "ANSWERED",
        answerKind,
        answerText: input.text,
        answeredAt: new Date(),
        meetingId: meeting.id,
        mergedIntoId: null,
        answerPartnerIds: partners,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.answered",
      entityType: "Idea",
      entityId: idea.id,
      before: { status: idea.status, answer: idea.answerKind },
      after: { answer: input.answer, text: input.text, partners },
    });
  });
  return { ok: true, data: null };
}

export async function publishAnswersNow(
  actor: Actor,
  meetingId: string,
): Promise<IdeaResult<{ count: number }, "notCouncilMeeting" | "nothingToPublish">> {
  authorize(actor, "minutes.draft");
  const meeting = await councilMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notCouncilMeeting" };
  const count = await publishAnswers(actor.cooperativeId, meeting.id, actor.personId);
  return count ? { ok: true, data: { count } } : { ok: false, error: "nothingToPublish" };
}

// For the newsletter: what the council answered over the last month, in Markdown.
export async function answeredThisMonth(actor: Actor, now = new Date()): Promise<string> {
  authorize(actor, "newsletter.manage");
  const since = new Date(now.getTime() - 31 * 24 * HOUR_MS);
  const ideas = await db.idea.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ANSWERED", answerPublishedAt: { gte: since } },
    orderBy: { answerPublishedAt: "asc" },
  });
  if (!ideas.length) return "";
  return [
    "### Ce que le conseil a répondu ce mois-ci",
    "",
    ...ideas.map(
      (i) => `- **${i.text}** : idée ${answerWords(i.answerKind)}${i.answerText ? `. ${i.answerText}` : "."}`,
    ),
  ].join("\n");
}
