import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MinutesStatus } from "@/lib/generated/prisma/enums";
import { OPEN } from "@/lib/ideas/ideas.internal";
import type { MeetingListItem } from "@/lib/meetings/service";

// What the home page shows a person, each section as their rights allow: the next meeting, the
// open questions of the bodies they vote in, the minutes waiting for them, the latest decisions
// and how many ideas wait to be read. One statement, each section a subquery of it: the home
// page is the most visited, and it sent five (each a round trip, a connection taken from the pool
// and Prisma's handling; issue 21). Every subquery is scoped to the cooperative.

export type OpenQuestion = { id: string; title: string; bodyName: string; closesAt: Date | null };
export type HomeDecision = { id: string; title: string; bodyName: string; decidedOn: Date };
export type MinutesWaiting = { bodyName: string; bodySlug: string; number: number; status: MinutesStatus };

export type HomeSections = {
  meeting: MeetingListItem | null;
  questions: OpenQuestion[];
  toReview: MinutesWaiting[];
  decisions: HomeDecision[];
  ideasToRead: number;
};

// Dates travel in the JSON as milliseconds since 1970 (the columns hold UTC without a zone).
type Row = {
  meeting: (Omit<MeetingListItem, "startsAt"> & { startsAt: number }) | null;
  questions: (Omit<OpenQuestion, "closesAt"> & { closesAt: number | null })[];
  toReview: MinutesWaiting[];
  decisions: (Omit<HomeDecision, "decidedOn"> & { decidedOn: number })[];
  ideasToRead: number;
};

const EMPTY = Prisma.sql`'[]'::json`;
const ms = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`;

export async function homeSections(actor: Actor, now = new Date()): Promise<HomeSections> {
  authorize(actor, "home.view");
  // The idea box's count is for everyone who may post (the page links to the board).
  authorize(actor, "idea.post");
  const cooperativeId = actor.cooperativeId;

  // The soonest meeting to come that is not cancelled.
  const meeting = can(actor.roles, "meeting.read")
    ? Prisma.sql`(SELECT json_build_object('id', m.id, 'bodyName', b.name, 'bodySlug', b.slug,
                         'number', m.number, 'startsAt', ${ms(Prisma.sql`m."startsAt"`)},
                         'place', m.place, 'status', m.status::text)
                    FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId"
                   WHERE m."cooperativeId" = ${cooperativeId} AND m."startsAt" >= ${now}
                     AND m.status <> 'CANCELLED'
                   ORDER BY m."startsAt" ASC, m.id
                   LIMIT 1)`
    : Prisma.sql`NULL::json`;

  // Council questions for council members, assembly questions for associé·es; the soonest to
  // close first, those without a closing date last.
  const kinds: ("COUNCIL" | "GENERAL_ASSEMBLY")[] = [];
  if (can(actor.roles, "vote.castCouncil")) kinds.push("COUNCIL");
  if (can(actor.roles, "vote.castAssembly")) kinds.push("GENERAL_ASSEMBLY");
  const questions = kinds.length
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', q.id, 'title', q.title, 'bodyName', b.name,
                                                             'closesAt', ${ms(Prisma.sql`q."closesAt"`)})
                                           ORDER BY q."closesAt" ASC NULLS LAST, q.id), '[]'::json)
                    FROM "VoteQuestion" q JOIN "Body" b ON b.id = q."bodyId"
                   WHERE q."cooperativeId" = ${cooperativeId} AND q.status = 'OPEN'
                     AND b.kind::text = ANY(${kinds}::text[]))`
    : EMPTY;

  // Minutes shared for comments (the council), and approved ones waiting to be published (the
  // coordinator): the ten latest.
  const statuses: MinutesStatus[] = can(actor.roles, "minutes.draft") ? ["SHARED", "APPROVED"] : ["SHARED"];
  const toReview = can(actor.roles, "minutes.readDraft")
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('bodyName', x."bodyName", 'bodySlug', x."bodySlug",
                                                             'number', x.number, 'status', x.status)
                                           ORDER BY x."updatedAt" DESC, x.id), '[]'::json)
                    FROM (SELECT b.name AS "bodyName", b.slug AS "bodySlug", m.number, mi.status::text AS status,
                                 mi."updatedAt", mi.id
                            FROM "Minutes" mi
                            JOIN "Meeting" m ON m.id = mi."meetingId" AND m."cooperativeId" = mi."cooperativeId"
                            JOIN "Body" b ON b.id = m."bodyId"
                           WHERE mi."cooperativeId" = ${cooperativeId}
                             AND mi.status::text = ANY(${statuses}::text[])
                           ORDER BY mi."updatedAt" DESC, mi.id
                           LIMIT 10) x)`
    : EMPTY;

  // The five latest published decisions, as the record orders them.
  const decisions = can(actor.roles, "decision.read")
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'bodyName', x."bodyName",
                                                             'decidedOn', ${ms(Prisma.sql`x."decidedOn"`)})
                                           ORDER BY x."decidedOn" DESC, x."createdAt" DESC, x.id DESC), '[]'::json)
                    FROM (SELECT d.id, d.title, b.name AS "bodyName", d."decidedOn", d."createdAt"
                            FROM "Decision" d JOIN "Body" b ON b.id = d."bodyId"
                           WHERE d."cooperativeId" = ${cooperativeId} AND d."publishedAt" IS NOT NULL
                           ORDER BY d."decidedOn" DESC, d."createdAt" DESC, d.id DESC
                           LIMIT 5) x)`
    : EMPTY;

  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${meeting} AS meeting,
           ${questions} AS questions,
           ${toReview} AS "toReview",
           ${decisions} AS decisions,
           (SELECT count(*)::int FROM "Idea"
             WHERE "cooperativeId" = ${cooperativeId} AND status::text = ANY(${OPEN}::text[])) AS "ideasToRead"`;
  const found = row!;
  return {
    meeting: found.meeting ? { ...found.meeting, startsAt: new Date(found.meeting.startsAt) } : null,
    questions: found.questions.map((q) => ({
      ...q,
      closesAt: q.closesAt === null ? null : new Date(q.closesAt),
    })),
    toReview: found.toReview,
    decisions: found.decisions.map((d) => ({ ...d, decidedOn: new Date(d.decidedOn) })),
    ideasToRead: found.ideasToRead,
  };
}
