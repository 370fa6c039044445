import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { parseDateKey } from "@/lib/dates";
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

function published(actor: Actor, filter: DecisionFilter) {
  return {
    cooperativeId: actor.cooperativeId,
    publishedAt: { not: null },
    ...(filter.bodyId ? { bodyId: filter.bodyId } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to
      ? {
          decidedOn: {
            ...(filter.from ? { gte: parseDateKey(filter.from) } : {}),
            ...(filter.to ? { lte: parseDateKey(filter.to) } : {}),
          },
        }
      : {}),
  };
}

// The decision record (relevé de décisions): every published decision of every body, newest first.
export async function listDecisions(
  actor: Actor,
  filter: DecisionFilter = {},
  { take = 500, skip = 0 }: { take?: number; skip?: number } = {},
): Promise<DecisionListItem[]> {
  authorize(actor, "decision.read");
  const decisions = await db.decision.findMany({
    where: published(actor, filter),
    orderBy: [{ decidedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take,
    skip,
    include: {
      body: { select: { name: true, kind: true } },
      meeting: { select: { number: true, body: { select: { slug: true } } } },
      cites: { select: { id: true, title: true, body: { select: { name: true } } } },
      sharedText: { select: { id: true, title: true } },
      voteQuestion: { select: { sharedText: { select: { id: true, title: true } } } },
    },
  });
  return decisions.map((d) => ({
    id: d.id,
    title: d.title,
    text: d.text,
    bodyName: d.body.name,
    bodyKind: d.body.kind,
    decidedOn: d.decidedOn,
    outcome: d.outcome,
    method: d.method,
    meeting: d.meeting ? { bodySlug: d.meeting.body.slug, number: d.meeting.number } : null,
    sectionId: d.sectionId,
    voteQuestionId: d.voteQuestionId,
    cites: d.cites ? { id: d.cites.id, title: d.cites.title, bodyName: d.cites.body.name } : null,
    sharedText: d.sharedText ?? d.voteQuestion?.sharedText ?? null,
  }));
}

// One page of the record, and how many decisions the filter finds in all.
export async function decisionRecord(
  actor: Actor,
  filter: DecisionFilter,
  { page, size = PAGE_SIZE }: { page: number; size?: number },
): Promise<{ decisions: DecisionListItem[]; total: number }> {
  authorize(actor, "decision.read");
  const [decisions, total] = await Promise.all([
    listDecisions(actor, filter, { take: size, skip: (page - 1) * size }),
    db.decision.count({ where: published(actor, filter) }),
  ]);
  return { decisions, total };
}

export async function latestDecisions(actor: Actor, take = 5) {
  return listDecisions(actor, {}, { take });
}

export async function decisionBodies(actor: Actor) {
  authorize(actor, "decision.read");
  return db.body.findMany({
    where: { cooperativeId: actor.cooperativeId, decisions: { some: { publishedAt: { not: null } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
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
