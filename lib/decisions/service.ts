import "server-only";
import { db, readRows } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { dateKey, parseDateKey } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE } from "@/lib/pagination";
import type { DecisionMethod, DecisionOutcome } from "@/lib/generated/prisma/enums";
import { shownName } from "@/lib/members/names";

export type DecisionListItem = {
  id: string;
  title: string;
  text: string;
  bodyName: string;
  bodyKind: string;
  decidedOn: Date;
  outcome: DecisionOutcome;
  method: DecisionMethod;
  meeting: { bodySlug: string; number: number } | null;
  // The section of the minutes where it was recorded, when there is one.
  sectionId: string | null;
  // The vote it comes from (its figures are in the text, as stored at the close).
  voteQuestionId: string | null;
  // The decision it follows (often another body's), and the text written together it adopts.
  cites: { id: string; title: string; bodyName: string } | null;
  sharedText: { id: string; title: string } | null;
};

export type DecisionFilter = { bodyId?: string; from?: string; to?: string; outcome?: DecisionOutcome };

// The published decisions a filter finds. Plain SQL: the record and the home page read it on
// every visit, and Prisma compiles each of its queries anew (about a tenth of the page's CPU for
// this one with its five relations; README, Benchmarks). A filter's dates are calendar days.
function published(actor: Actor, filter: DecisionFilter): Prisma.Sql {
  const day = (key: string) => dateKey(parseDateKey(key));
  const conditions = [
    Prisma.sql`d."cooperativeId" = ${actor.cooperativeId}`,
    Prisma.sql`d."publishedAt" IS NOT NULL`,
    ...(filter.bodyId ? [Prisma.sql`d."bodyId" = ${filter.bodyId}`] : []),
    ...(filter.outcome ? [Prisma.sql`d.outcome::text = ${filter.outcome}`] : []),
    ...(filter.from ? [Prisma.sql`d."decidedOn" >= ${day(filter.from)}::date`] : []),
    ...(filter.to ? [Prisma.sql`d."decidedOn" <= ${day(filter.to)}::date`] : []),
  ];
  return Prisma.join(conditions, " AND ");
}

type DecisionRow = DecisionListItem & {
  // How many decisions the filter finds in all (the same on every row).
  total: number;
};

// The decision record (relevé de décisions): every published decision of every body, newest first.
// The text written together it adopts is its own, or else its vote's.
export async function listDecisions(
  actor: Actor,
  filter: DecisionFilter = {},
  { take = 500, skip = 0 }: { take?: number; skip?: number } = {},
): Promise<DecisionListItem[]> {
  return (await decisionRows(actor, filter, { take, skip })).decisions;
}

type Body = { id: string; name: string };

// The cooperative's bodies that have a published decision (the record's filter offers them).
const withPublished = (cooperativeId: string) => Prisma.sql`
  FROM "Body" b
 WHERE b."cooperativeId" = ${cooperativeId}
   AND EXISTS (SELECT 1 FROM "Decision" d
                WHERE d."bodyId" = b.id AND d."cooperativeId" = b."cooperativeId"
                  AND d."publishedAt" IS NOT NULL)`;

// The rows, how many the filter finds in all and, with `bodies`, the filter's bodies (both null
// past the end: no row carried them).
async function decisionRows(
  actor: Actor,
  filter: DecisionFilter,
  { take, skip, bodies = false }: { take: number; skip: number; bodies?: boolean },
): Promise<{ decisions: DecisionListItem[]; total: number | null; bodies: Body[] | null }> {
  authorize(actor, "decision.read");
  const bodyList = bodies
    ? Prisma.sql`, (SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name) ORDER BY b.name, b.id), '[]')
                    ${withPublished(actor.cooperativeId)}) AS bodies`
    : Prisma.empty;
  // What each entry links to (its meeting, the decision it cites, its shared text) is read by a
  // subquery per entry, not by joins: with six LEFT JOINs PostgreSQL spent 5 ms planning the
  // statement for 0.8 ms of work, on every visit, and under load the planning filled a core (the
  // scale data's record served a third of the floor's pages; issue 21). The subqueries each plan
  // on their own, in microseconds, and run for the 25 entries of the page only.
  // Straight on the pool (lib/db.ts, readRows): the day as the instant Prisma reads (UTC midnight).
  const rows = await readRows<DecisionRow & { bodies?: Body[] }>(Prisma.sql`
    SELECT d.id, d.title, d.text, b.name AS "bodyName", b.kind::text AS "bodyKind",
           d."decidedOn"::timestamp AT TIME ZONE 'UTC' AS "decidedOn",
           d.outcome::text AS outcome, d.method::text AS method, d."sectionId", d."voteQuestionId",
           (SELECT json_build_object('bodySlug', mb.slug, 'number', m.number)
              FROM "Meeting" m JOIN "Body" mb ON mb.id = m."bodyId"
             WHERE m.id = d."meetingId") AS meeting,
           (SELECT json_build_object('id', c.id, 'title', c.title, 'bodyName', cb.name)
              FROM "Decision" c JOIN "Body" cb ON cb.id = c."bodyId"
             WHERE c.id = d."citesId") AS cites,
           COALESCE(
             (SELECT json_build_object('id', st.id, 'title', st.title)
                FROM "SharedText" st WHERE st."decisionId" = d.id),
             (SELECT json_build_object('id', st.id, 'title', st.title)
                FROM "SharedText" st WHERE st."voteQuestionId" = d."voteQuestionId")) AS "sharedText",
           (SELECT count(*)::int FROM "Decision" d WHERE ${published(actor, filter)}) AS total ${bodyList}
      FROM "Decision" d
      JOIN "Body" b ON b.id = d."bodyId"
     WHERE ${published(actor, filter)}
     ORDER BY d."decidedOn" DESC, d."createdAt" DESC, d.id DESC
     LIMIT ${take} OFFSET ${skip}`);
  const decisions = rows.map(({ total: _total, bodies: _bodies, ...decision }): DecisionListItem => decision);
  return { decisions, total: rows[0]?.total ?? null, bodies: rows[0]?.bodies ?? null };
}

// One page of the record, how many decisions the filter finds in all, and the bodies its filter
// offers: one statement (the record is read on every visit; issue 21).
export async function decisionRecord(
  actor: Actor,
  filter: DecisionFilter,
  { page, size = PAGE_SIZE }: { page: number; size?: number },
): Promise<{ decisions: DecisionListItem[]; total: number; bodies: Body[] }> {
  const found = await decisionRows(actor, filter, { take: size, skip: (page - 1) * size, bodies: true });
  if (found.total !== null && found.bodies !== null)
    return { decisions: found.decisions, total: found.total, bodies: found.bodies };
  // Nothing found, or past the last page (an old link): no row carried them, asked apart.
  const [[counted], bodies] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Decision" d WHERE ${published(actor, filter)}`,
    decisionBodies(actor),
  ]);
  return { decisions: found.decisions, total: counted?.total ?? 0, bodies };
}

// Where a decision stands in the record: the page of the whole record (no filter) that lists it,
// for a link from anywhere (the minutes, a vote, a text, the search, a citing decision) that
// lands on it, however old. Null when this cooperative has no such published decision.
export async function decisionPage(actor: Actor, id: string): Promise<number | null> {
  authorize(actor, "decision.read");
  const [row] = await readRows<{ before: number }>(Prisma.sql`
    SELECT (SELECT count(*)::int FROM "Decision" x
             WHERE x."cooperativeId" = d."cooperativeId" AND x."publishedAt" IS NOT NULL
               AND (x."decidedOn", x."createdAt", x.id) > (d."decidedOn", d."createdAt", d.id)) AS before
      FROM "Decision" d
     WHERE d.id = ${id} AND d."cooperativeId" = ${actor.cooperativeId} AND d."publishedAt" IS NOT NULL`);
  return row ? Math.floor(row.before / PAGE_SIZE) + 1 : null;
}

export async function decisionBodies(actor: Actor) {
  authorize(actor, "decision.read");
  // Plain SQL: the record asks on every visit, and Prisma compiles each query anew (issue 21).
  return db.$queryRaw<
    Body[]
  >`SELECT b.id, b.name ${withPublished(actor.cooperativeId)} ORDER BY b.name ASC, b.id`;
}

export type ActionRow = {
  id: string;
  title: string;
  dueOn: Date | null;
  overdue: boolean;
  owners: string[];
  // The other owners, for « avec … » on one's own list (never oneself).
  coOwners: string[];
  meeting: { bodyName: string; bodySlug: string; number: number } | null;
};

// "Mes actions": the open things to do a member owns; the coordinator may see everyone's.
export async function openActions(
  actor: Actor,
  scope: "mine" | "all",
  today = new Date(),
): Promise<ActionRow[]> {
  authorize(actor, "meeting.read");
  if (scope === "all") authorize(actor, "meeting.manage");
  const items = await db.actionItem.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      status: "OPEN",
      ...(scope === "mine" ? { owners: { some: { membershipId: actor.membershipId } } } : {}),
    },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    include: {
      owners: { include: { membership: { include: { person: { select: { name: true } } } } } },
      meeting: { include: { body: { select: { name: true, slug: true } } } },
    },
  });
  const day = today.toISOString().slice(0, 10);
  return items.map((a) => ({
    id: a.id,
    title: a.title,
    dueOn: a.dueOn,
    overdue: a.dueOn !== null && a.dueOn.toISOString().slice(0, 10) < day,
    owners: [...a.owners.map((o) => shownName(o.membership)), ...a.outsideOwners],
    coOwners: [
      ...a.owners.filter((o) => o.membershipId !== actor.membershipId).map((o) => shownName(o.membership)),
      ...a.outsideOwners,
    ],
    meeting: a.meeting
      ? { bodyName: a.meeting.body.name, bodySlug: a.meeting.body.slug, number: a.meeting.number }
      : null,
  }));
}

export type FollowUpRow = {
  id: string;
  text: string;
  meeting: { bodyName: string; bodySlug: string; number: number } | null;
};

// The points to follow still open, every body's: read by members, closed by the coordinator.
export async function openFollowUps(actor: Actor): Promise<FollowUpRow[]> {
  authorize(actor, "meeting.read");
  // A point written in minutes still in draft is the council's until they are published.
  const points = await db.followUp.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      status: "OPEN",
      ...(can(actor.roles, "minutes.readDraft") ? {} : { section: { minutes: { status: "PUBLISHED" } } }),
    },
    orderBy: { createdAt: "asc" },
    include: { meeting: { include: { body: { select: { name: true, slug: true } } } } },
  });
  return points.map((f) => ({
    id: f.id,
    text: f.text,
    meeting: f.meeting
      ? { bodyName: f.meeting.body.name, bodySlug: f.meeting.body.slug, number: f.meeting.number }
      : null,
  }));
}

export function canSeeAllActions(actor: Actor) {
  return can(actor.roles, "meeting.manage");
}
