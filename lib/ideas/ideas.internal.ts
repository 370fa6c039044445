import "server-only";
import { db, readRows } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdeaAnswer, IdeaStatus } from "@/lib/generated/prisma/enums";
import type { BoardIdea } from "@/lib/ideas/board";
import { THEMES, type Sort, type Theme } from "@/lib/ideas/schema";
import type { IdeaResult } from "@/lib/ideas/service";
import { OPEN_IDEA_STATUSES } from "@/lib/ideas/statuses";
import { entriesNamed } from "@/lib/booklet/service";
import type { BoardPartner } from "@/lib/ideas/board";

// Internal to the server: no right is checked here. Shared by the idea box's services
// (service.ts, public-page.ts, moderation.ts, board.ts, council-answers.ts), which check the
// actor's right first or, on the public page, have no actor; never imported by a page or an action.

export type MergeRefusal = "notFound" | "mergeTargetInvalid" | "notOpen";

// Waiting for the council: on the board, not answered yet.
export const OPEN = [...OPEN_IDEA_STATUSES];
// What members see on the board (never the moderation queue, hidden or merged ideas).
export const VISIBLE: IdeaStatus[] = ["NEW", "TO_READ", "ANSWERED"];

export const HOUR_MS = 3_600_000;

// A theme read back from the database, if it is one of the box's themes.
export function themeOf(value: string | null): Theme | null {
  return value !== null && (THEMES as readonly string[]).includes(value) ? (value as Theme) : null;
}

export async function ownIdea(actor: Actor, ideaId: string) {
  if (ideaId.length > 40) return null;
  return db.idea.findFirst({ where: { id: ideaId, cooperativeId: actor.cooperativeId } });
}

// The merge itself, in its own transaction or in answerIdea's (where the council's right to
// answer is what was checked): mergeIdea and answerIdea check a right before calling it.
export async function merge(
  actor: Actor,
  { ideaId, intoId, tx }: { ideaId: string; intoId: string; tx: Prisma.TransactionClient | null },
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
  answerPartnerIds: string[] | null;
  answerPartners: BoardPartner[] | null;
  authorId: string | null;
  supports: number;
  mine: boolean;
  merged: { id: string; text: string }[];
  // How many ideas the board holds in all (the same count on every row).
  total: number;
};

// The board's ideas, for a member (membershipId) or for the public page (null), and how many it
// holds in all (null when the page is past the end: no row carried the count). One statement:
// the board is read on every visit, and Prisma compiles each query anew (issue 21).
export async function boardRows({
  cooperativeId,
  membershipId,
  sort,
  limit,
  onlyAnswered = false,
  offset = 0,
}: {
  cooperativeId: string;
  membershipId: string | null;
  sort: Sort;
  limit: number;
  onlyAnswered?: boolean;
  offset?: number;
}): Promise<{ ideas: BoardIdea[]; total: number | null }> {
  const order =
    sort === "soutenues"
      ? `supports DESC, i."createdAt" DESC`
      : sort === "repondues"
        ? `(i."answerPublishedAt" IS NULL) ASC, i."answerPublishedAt" DESC NULLS LAST, i."createdAt" DESC`
        : `i."createdAt" DESC`;
  const supports = `(SELECT count(*)::int FROM "IdeaSupport" s WHERE s."ideaId" = i.id)`;
  // The visible statuses are written into the text (the enum's own names, from VISIBLE): given as
  // an array parameter, PostgreSQL could not estimate them in a prepared statement's generic plan
  // and planned the board anew on every visit (0.4 ms; 1.0 ms a visit against 0.6).
  const statuses = VISIBLE.map((status) => `'${status}'`).join(", ");
  const visible = `i."cooperativeId" = $1 AND i.status IN (${statuses}) ${onlyAnswered ? `AND i."answerPublishedAt" IS NOT NULL` : ""}`;
  // The page's ideas are chosen first (the inner SELECT), then what each shows is read for those
  // 25 only: read beside the board's 180 ideas, the supports and « mine » took a millisecond of
  // PostgreSQL's time on every visit (issue 21). The status is compared as the enum it is, so
  // that the index on (cooperative, status) answers it and PostgreSQL knows how many rows come.
  // Straight on the pool (lib/db.ts, readRows), its times read as UTC as Prisma reads them.
  const rows = await readRows<BoardRow>({
    text: `SELECT i.id, i.text, i.theme, i.source::text AS source, i."authorName", i."showName", i."createdAt" AT TIME ZONE 'UTC' AS "createdAt", i.status::text AS status, i."answerKind"::text AS "answerKind", i."answerText",
            i."answeredAt" AT TIME ZONE 'UTC' AS "answeredAt", i."answerPublishedAt" AT TIME ZONE 'UTC' AS "answerPublishedAt", i."answerPartnerIds", i."answerPartners", i."authorId",
            ${sort === "soutenues" ? "i.supports" : supports} AS supports,
            EXISTS (SELECT 1 FROM "IdeaSupport" s WHERE s."ideaId" = i.id AND s."membershipId" = $2) AS mine,
            (SELECT coalesce(json_agg(json_build_object('id', m.id, 'text', m.text) ORDER BY m."createdAt", m.id), '[]')
               FROM "Idea" m
              WHERE m."mergedIntoId" = i.id AND m."cooperativeId" = i."cooperativeId" AND m.status = 'MERGED') AS merged,
            (SELECT count(*)::int FROM "Idea" i WHERE ${visible}) AS total
       FROM (SELECT i.*${sort === "soutenues" ? `, ${supports} AS supports` : ""}
               FROM "Idea" i
              WHERE ${visible}
              ORDER BY ${order}, i.id
              LIMIT ${Number(limit)} OFFSET ${Number(offset)}) i
      ORDER BY ${order}, i.id`,
    values: [cooperativeId, membershipId ?? ""],
  });
  // The booklet's entries the published answers point to, in one read.
  const partnerIds = rows.flatMap((r) =>
    r.answerPublishedAt && !r.answerPartners ? (r.answerPartnerIds ?? []) : [],
  );
  const partners = new Map(
    (await entriesNamed(cooperativeId, [...new Set(partnerIds)])).map((e) => [e.id, e]),
  );
  const ideas = rows.map((r) => ({
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
        ? {
            kind: r.answerKind,
            text: r.answerText,
            at: r.answeredAt,
            // As published (kept with the answer); for an answer published before that was kept,
            // the entries as they are.
            partners: r.answerPartners ?? (r.answerPartnerIds ?? []).flatMap((id) => partners.get(id) ?? []),
          }
        : null,
    merged: r.merged,
  }));
  return { ideas, total: rows[0]?.total ?? null };
}
