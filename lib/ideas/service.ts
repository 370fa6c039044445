import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { parseDateKey } from "@/lib/dates";
import { PAGE_SIZE } from "@/lib/pagination";
import type { Result } from "@/lib/form-result";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdeaAnswer, IdeaStatus } from "@/lib/generated/prisma/enums";
import { answerWords, publishAnswers } from "@/lib/ideas/publish-answers.internal";
import {
  isEmail,
  THEMES,
  type AnswerChoice,
  type AnswerInput,
  type IdeaInput,
  type PaperIdeaInput,
  type PublicIdeaInput,
  type Sort,
  type Theme,
} from "@/lib/ideas/schema";

// The idea box: ideas posted signed in, on the public page (moderated first) or typed in from
// the paper box; supported by members; put on the next council's agenda; answered in meeting;
// answers published with the minutes (or when the council says) and their authors told.

// What the idea box refuses, each put into words under ideas.errors.
export type IdeaRefusal =
  "notFound" | "notOpen" | "mergeTargetInvalid" | "notCouncilMeeting" | "nothingToPublish" | "rateLimited";
export type IdeaResult<T = null, E extends IdeaRefusal = IdeaRefusal> = Result<T, E>;
type MergeRefusal = "notFound" | "mergeTargetInvalid" | "notOpen";

// A theme read back from the database, if it is one of the box's themes.
function themeOf(value: string | null): Theme | null {
  return value !== null && (THEMES as readonly string[]).includes(value) ? (value as Theme) : null;
}

// Waiting for the council: on the board, not answered yet.
const OPEN: IdeaStatus[] = ["NEW", "TO_READ"];
// What members see on the board (never the moderation queue, hidden or merged ideas).
const VISIBLE: IdeaStatus[] = ["NEW", "TO_READ", "ANSWERED"];

// The public form: at most this many ideas per network address and hour.
export const PUBLIC_LIMIT = 5;
const HOUR_MS = 3_600_000;

export async function countIdeasToRead(actor: Actor): Promise<number> {
  authorize(actor, "idea.post");
  return db.idea.count({ where: { cooperativeId: actor.cooperativeId, status: { in: OPEN } } });
}

// ───────────────────────────── Posting ─────────────────────────────

export async function postIdea(actor: Actor, input: IdeaInput): Promise<IdeaResult<{ id: string }, never>> {
  authorize(actor, "idea.post");
  const idea = await db.idea.create({
    data: {
      cooperativeId: actor.cooperativeId,
      text: input.text,
      theme: input.theme,
      source: "ONLINE",
      authorId: actor.membershipId,
      showName: input.showName,
      authorName: input.showName ? actor.name : null,
      status: "NEW",
    },
  });
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: { id: idea.id } };
}

// A keyed hash: enough to count one address's posts, useless to find the address back.
export function addressHash(address: string | null): string | null {
  if (!address) return null;
  return createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "portail-scic")
    .update(`idea:${address}`)
    .digest("hex")
    .slice(0, 32);
}

export async function publicCooperative(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.cooperative.findUnique({
    where: { slug },
    select: { id: true, name: true, shortName: true, slug: true },
  });
}

// Without an account: the idea waits in the moderation queue. A filled honeypot gets the same
// thanks and stores nothing; past the per-address limit, a clear refusal.
export async function postPublicIdea(
  slug: string,
  input: PublicIdeaInput,
  address: string | null,
  locale: string,
  now = new Date(),
): Promise<IdeaResult<{ followToken: string | null }, "notFound" | "rateLimited">> {
  const coop = await publicCooperative(slug);
  if (!coop) return { ok: false, error: "notFound" };
  if (input.website.trim() !== "") return { ok: true, data: { followToken: null } };
  const hash = addressHash(address);
  if (hash) {
    const recent = await db.idea.count({
      where: { addressHash: hash, createdAt: { gte: new Date(now.getTime() - HOUR_MS) } },
    });
    if (recent >= PUBLIC_LIMIT) return { ok: false, error: "rateLimited" };
  }
  const idea = await db.idea.create({
    data: {
      cooperativeId: coop.id,
      text: input.text,
      theme: input.theme,
      source: "PUBLIC_FORM",
      showName: Boolean(input.name),
      authorName: input.name,
      contact: input.contact,
      status: "MODERATION",
      addressHash: hash,
      locale,
    },
  });
  return { ok: true, data: { followToken: idea.followToken } };
}

// The paper box, slip after slip: same statuses as online ideas, straight onto the board.
export async function enterPaperIdea(
  actor: Actor,
  input: PaperIdeaInput,
): Promise<IdeaResult<{ id: string }, never>> {
  authorize(actor, "idea.moderate");
  const idea = await db.$transaction(async (tx) => {
    const created = await tx.idea.create({
      data: {
        cooperativeId: actor.cooperativeId,
        text: input.text,
        theme: input.theme,
        source: "PAPER",
        paperEmptiedOn: parseDateKey(input.emptiedOn),
        status: "NEW",
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.paperEntered",
      entityType: "Idea",
      entityId: created.id,
    });
    return created;
  });
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: { id: idea.id } };
}

// ───────────────────────────── Moderation ─────────────────────────────

async function ownIdea(actor: Actor, ideaId: string) {
  if (ideaId.length > 40) return null;
  return db.idea.findFirst({ where: { id: ideaId, cooperativeId: actor.cooperativeId } });
}

export async function approveIdea(
  actor: Actor,
  ideaId: string,
): Promise<IdeaResult<null, "notFound" | "notOpen">> {
  authorize(actor, "idea.moderate");
  const idea = await ownIdea(actor, ideaId);
  if (!idea) return { ok: false, error: "notFound" };
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.idea.updateMany({
      where: { id: idea.id, status: "MODERATION" },
      data: { status: "NEW" },
    });
    if (count)
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "idea.approved",
        entityType: "Idea",
        entityId: idea.id,
      });
    return count > 0;
  });
  if (!changed) return { ok: false, error: "notOpen" };
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: null };
}

// Hidden, never deleted: the reason and who hid it are in the audit log.
export async function hideIdea(
  actor: Actor,
  ideaId: string,
  reason: string,
): Promise<IdeaResult<null, "notFound" | "notOpen">> {
  authorize(actor, "idea.moderate");
  const idea = await ownIdea(actor, ideaId);
  if (!idea) return { ok: false, error: "notFound" };
  if (idea.status === "REJECTED") return { ok: false, error: "notOpen" };
  await db.$transaction(async (tx) => {
    await tx.idea.update({
      where: { id: idea.id },
      data: { status: "REJECTED", hiddenReason: reason, hiddenAt: new Date() },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.hidden",
      entityType: "Idea",
      entityId: idea.id,
      before: { status: idea.status },
      after: { status: "REJECTED", reason },
    });
  });
  return { ok: true, data: null };
}

// A duplicate folds into another idea of the board; its supports follow.
export async function mergeIdea(
  actor: Actor,
  ideaId: string,
  intoId: string,
): Promise<IdeaResult<null, MergeRefusal>> {
  authorize(actor, "idea.moderate");
  return merge(actor, ideaId, intoId, null);
}

// The merge itself, in its own transaction or in answerIdea's (where the council's right to
// answer is what was checked): never exported, so every caller outside checks a right first.
async function merge(
  actor: Actor,
  ideaId: string,
  intoId: string,
  tx: Prisma.TransactionClient | null,
): Promise<IdeaResult<null, MergeRefusal>> {
  const idea = await ownIdea(actor, ideaId);
  const target = await ownIdea(actor, intoId);
  if (!idea) return { ok: false, error: "notFound" };
  if (!target || target.id === idea.id || !VISIBLE.includes(target.status) || target.mergedIntoId)
    return { ok: false, error: "mergeTargetInvalid" };
  if (idea.status === "REJECTED" || idea.status === "MERGED") return { ok: false, error: "notOpen" };
  const run = async (t: Prisma.TransactionClient) => {
    await t.idea.update({
      where: { id: idea.id },
      data: { status: "MERGED", mergedIntoId: target.id, answerKind: null },
    });
    await t.$executeRaw`INSERT INTO "IdeaSupport" ("ideaId", "membershipId", "createdAt") SELECT ${target.id}, "membershipId", "createdAt" FROM "IdeaSupport" WHERE "ideaId" = ${idea.id} ON CONFLICT DO NOTHING`;
    await recordAudit(t, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.merged",
      entityType: "Idea",
      entityId: idea.id,
      before: { status: idea.status },
      after: { status: "MERGED", into: target.id },
    });
  };
  if (tx) await run(tx);
  else await db.$transaction(run);
  return { ok: true, data: null };
}

export type ModerationView = {
  queue: {
    id: string;
    text: string;
    theme: string | null;
    authorName: string | null;
    contact: string | null;
    createdAt: Date;
  }[];
  hidden: { id: string; text: string; hiddenReason: string | null; hiddenAt: Date | null }[];
  toCall: {
    id: string;
    text: string;
    contact: string;
    authorName: string | null;
    answerKind: AnswerChoice | null;
    answerText: string | null;
  }[];
  mergeTargets: { id: string; text: string }[];
};

export async function moderationView(actor: Actor): Promise<ModerationView> {
  authorize(actor, "idea.moderate");
  const cooperativeId = actor.cooperativeId;
  const [queue, hidden, answered, targets] = await Promise.all([
    db.idea.findMany({ where: { cooperativeId, status: "MODERATION" }, orderBy: { createdAt: "asc" } }),
    db.idea.findMany({
      where: { cooperativeId, status: "REJECTED" },
      orderBy: { hiddenAt: "desc" },
      take: 50,
    }),
    db.idea.findMany({
      where: { cooperativeId, answerPublishedAt: { not: null }, notifiedAt: null, contact: { not: null } },
      orderBy: { answerPublishedAt: "asc" },
    }),
    db.idea.findMany({
      where: { cooperativeId, status: { in: VISIBLE } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, text: true },
    }),
  ]);
  return {
    queue: queue.map((i) => ({
      id: i.id,
      text: i.text,
      theme: i.theme,
      authorName: i.authorName,
      contact: i.contact,
      createdAt: i.createdAt,
    })),
    hidden: hidden.map((i) => ({
      id: i.id,
      text: i.text,
      hiddenReason: i.hiddenReason,
      hiddenAt: i.hiddenAt,
    })),
    toCall: answered
      .filter((i) => !isEmail(i.contact))
      .map((i) => ({
        id: i.id,
        text: i.text,
        contact: i.contact!,
        authorName: i.authorName,
        answerKind: i.answerKind ?? (i.status === "MERGED" ? "MERGED" : null),
        answerText: i.answerText,
      })),
    mergeTargets: targets.map((t) => ({ id: t.id, text: t.text })),
  };
}

// A telephone contact told by the coordinator: marked so it leaves the list.
export async function markCalled(actor: Actor, ideaId: string): Promise<IdeaResult<null, "notFound">> {
  authorize(actor, "idea.moderate");
  const { count } = await db.idea.updateMany({
    where: { id: ideaId, cooperativeId: actor.cooperativeId, notifiedAt: null },
    data: { notifiedAt: new Date() },
  });
  return count ? { ok: true, data: null } : { ok: false, error: "notFound" };
}

// ───────────────────────────── The board ─────────────────────────────

export type BoardIdea = {
  id: string;
  text: string;
  theme: Theme | null;
  source: "ONLINE" | "PUBLIC_FORM" | "PAPER";
  authorName: string | null;
  createdAt: Date;
  status: IdeaStatus;
  supports: number;
  supportedByMe: boolean;
  mine: boolean;
  answer: { kind: IdeaAnswer; text: string | null; at: Date | null } | null;
  merged: { id: string; text: string }[];
};

type BoardRow = {
  id: string;
  text: string;
  theme: string | null;
  source: BoardIdea["source"];
  authorName: string | null;
  showName: boolean;
  createdAt: Date;
  status: IdeaStatus;
  // The database's enum, read as text.
  answerKind: IdeaAnswer | null;
  answerText: string | null;
  answeredAt: Date | null;
  answerPublishedAt: Date | null;
  authorId: string | null;
  supports: number;
  mine: boolean;
};

async function boardRows(
  cooperativeId: string,
  membershipId: string | null,
  sort: Sort,
  limit: number,
  onlyAnswered = false,
  offset = 0,
): Promise<BoardIdea[]> {
  const order =
    sort === "soutenues"
      ? `supports DESC, i."createdAt" DESC`
      : sort === "repondues"
        ? `(i."answerPublishedAt" IS NULL) ASC, i."answerPublishedAt" DESC NULLS LAST, i."createdAt" DESC`
        : `i."createdAt" DESC`;
  const rows = await db.$queryRawUnsafe<BoardRow[]>(
    `SELECT i.id, i.text, i.theme, i.source::text AS source, i."authorName", i."showName", i."createdAt", i.status::text AS status, i."answerKind"::text AS "answerKind", i."answerText",
            i."answeredAt", i."answerPublishedAt", i."authorId",
            (SELECT count(*)::int FROM "IdeaSupport" s WHERE s."ideaId" = i.id) AS supports,
            EXISTS (SELECT 1 FROM "IdeaSupport" s WHERE s."ideaId" = i.id AND s."membershipId" = $2) AS mine
       FROM "Idea" i
      WHERE i."cooperativeId" = $1 AND i.status::text = ANY($3::text[]) ${onlyAnswered ? `AND i."answerPublishedAt" IS NOT NULL` : ""}
      ORDER BY ${order}, i.id
      LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
    cooperativeId,
    membershipId ?? "",
    VISIBLE,
  );
  const merged = rows.length
    ? await db.idea.findMany({
        where: { mergedIntoId: { in: rows.map((r) => r.id) }, status: "MERGED" },
        select: { id: true, text: true, mergedIntoId: true },
      })
    : [];
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    theme: themeOf(r.theme),
    source: r.source,
    authorName: r.showName ? r.authorName : null,
    createdAt: r.createdAt,
    status: r.status,
    supports: r.supports,
    supportedByMe: r.mine,
    mine: membershipId !== null && r.authorId === membershipId,
    // An answer shows once published; before that the idea is « à l'étude ».
    answer:
      r.answerPublishedAt && r.answerKind
        ? { kind: r.answerKind, text: r.answerText, at: r.answeredAt }
        : null,
    merged: merged.filter((m) => m.mergedIntoId === r.id).map((m) => ({ id: m.id, text: m.text })),
  }));
}

// One page of the board, and how many ideas it holds in all.
export async function ideaBoard(
  actor: Actor,
  sort: Sort = "recentes",
  page = 1,
  size = PAGE_SIZE,
): Promise<{ ideas: BoardIdea[]; total: number }> {
  authorize(actor, "idea.post");
  const [ideas, total] = await Promise.all([
    boardRows(actor.cooperativeId, actor.membershipId, sort, size, false, (page - 1) * size),
    db.idea.count({ where: { cooperativeId: actor.cooperativeId, status: { in: VISIBLE } } }),
  ]);
  return { ideas, total };
}

// The public page shows the answers the council published.
export async function publicAnswers(cooperativeId: string, limit = 10): Promise<BoardIdea[]> {
  return boardRows(cooperativeId, null, "repondues", limit, true);
}

// One support per person and idea; a second click takes it back.
export async function toggleSupport(
  actor: Actor,
  ideaId: string,
): Promise<IdeaResult<{ supported: boolean }, "notFound" | "notOpen">> {
  authorize(actor, "idea.post");
  const idea = await ownIdea(actor, ideaId);
  if (!idea || !VISIBLE.includes(idea.status)) return { ok: false, error: "notFound" };
  // Once the council's answer is out, the idea is settled: no more supports.
  if (idea.answerPublishedAt) return { ok: false, error: "notOpen" };
  const inserted =
    await db.$executeRaw`INSERT INTO "IdeaSupport" ("ideaId", "membershipId") VALUES (${idea.id}, ${actor.membershipId}) ON CONFLICT DO NOTHING`;
  if (inserted) return { ok: true, data: { supported: true } };
  await db.ideaSupport.deleteMany({ where: { ideaId: idea.id, membershipId: actor.membershipId } });
  return { ok: true, data: { supported: false } };
}

// The private link given after posting on the public page.
export async function followIdea(slug: string, token: string) {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(token)) return null;
  const idea = await db.idea.findFirst({
    where: { followToken: token, cooperative: { slug } },
    include: {
      mergedInto: { select: { text: true, answerKind: true, answerText: true, answerPublishedAt: true } },
    },
  });
  if (!idea) return null;
  const published = idea.answerPublishedAt !== null;
  const kind: AnswerChoice = idea.status === "MERGED" ? "MERGED" : (idea.answerKind ?? "ACCEPTED");
  return {
    text: idea.text,
    createdAt: idea.createdAt,
    stage:
      idea.status === "MODERATION"
        ? "moderation"
        : idea.status === "REJECTED"
          ? "hidden"
          : published
            ? "answered"
            : "waiting",
    answer: published ? { kind, text: idea.answerText } : null,
    mergedInto: published && idea.mergedInto ? { text: idea.mergedInto.text } : null,
  } as const;
}

// ───────────────────────────── At the council ─────────────────────────────

// While ideas wait for an answer, the next planned council meeting carries an item « Boîte à
// idées » (once); the waiting ideas are attached to that meeting.
export async function ensureIdeaBoxItem(cooperativeId: string, now = new Date()): Promise<string | null> {
  const waiting = await db.idea.count({ where: { cooperativeId, status: { in: OPEN } } });
  if (waiting === 0) return null;
  const meeting = await db.meeting.findFirst({
    where: {
      cooperativeId,
      body: { kind: "COUNCIL" },
      status: { in: ["PLANNED", "INVITED"] },
      startsAt: { gte: now },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  if (!meeting) return null;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meeting.id} FOR UPDATE`;
    const existing = await tx.agendaItem.findFirst({ where: { meetingId: meeting.id, ideaBox: true } });
    if (!existing) {
      const last = await tx.agendaItem.aggregate({
        where: { meetingId: meeting.id },
        _max: { position: true },
      });
      await tx.agendaItem.create({
        data: {
          cooperativeId,
          meetingId: meeting.id,
          position: (last._max.position ?? -1) + 1,
          kind: "DISCUSSION",
          title: "Boîte à idées",
          description: "Les idées reçues depuis le dernier conseil, et les réponses du conseil.",
          ideaBox: true,
        },
      });
    }
    await tx.idea.updateMany({
      where: { cooperativeId, status: { in: OPEN } },
      data: { status: "TO_READ", meetingId: meeting.id },
    });
  });
  return meeting.id;
}

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
};

// What the council reads out and answers: the ideas attached to this meeting, and any other
// idea still waiting.
export async function answerSheet(actor: Actor, meetingId: string) {
  authorize(actor, "meeting.read");
  const meeting = await councilMeeting(actor, meetingId);
  if (!meeting) return null;
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
    ideas: ideas.map((i): SheetIdea => ({
      id: i.id,
      text: i.text,
      theme: themeOf(i.theme),
      source: i.source,
      authorName: i.showName ? i.authorName : null,
      supports: i._count.supports,
      status: i.status,
      answerKind: i.status === "MERGED" ? "MERGED" : i.answerKind,
      answerText: i.answerText,
      mergedIntoId: i.mergedIntoId,
      published: i.answerPublishedAt !== null,
    })),
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
  meetingId: string,
  ideaId: string,
  input: AnswerInput,
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
      const merged = await merge(actor, idea.id, input.mergeInto!, tx);
      if (merged.ok)
        await tx.idea.update({
          where: { id: idea.id },
          data: { meetingId: meeting.id, answerText: input.text, answeredAt: new Date() },
        });
      return merged;
    });
  }
  const answerKind = input.answer;
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
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.answered",
      entityType: "Idea",
      entityId: idea.id,
      before: { status: idea.status, answer: idea.answerKind },
      after: { answer: input.answer, text: input.text },
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
