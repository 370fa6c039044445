import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { carryOverProposals, type Proposal } from "@/lib/meetings/carry-over";
import { ownMeeting } from "@/lib/meetings/meeting-access.internal";
import { dateTimeFormat } from "@/lib/intl";
import type { AgendaItemInput } from "@/lib/meetings/schema";
import type { MeetingResult } from "@/lib/meetings/service";
import { shownName } from "@/lib/members/names";

// A meeting's agenda (coordinator): its items, their order, and the items proposed from the
// last meeting and the idea box.

async function presenterIsOwn(actor: Actor, presenterId: string | null) {
  return (
    !presenterId ||
    (await db.membership.count({ where: { id: presenterId, cooperativeId: actor.cooperativeId } })) === 1
  );
}

export async function addAgendaItem(
  actor: Actor,
  meetingId: string,
  input: AgendaItemInput,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.status === "CLOSED") return { ok: false, error: "closed" };
  if (!(await presenterIsOwn(actor, input.presenterId))) return { ok: false, error: "presenterUnknown" };
  await db.$transaction(async (tx) => {
    const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
    const item = await tx.agendaItem.create({
      data: {
        cooperativeId: actor.cooperativeId,
        meetingId,
        position: (last._max.position ?? -1) + 1,
        ...input,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "agenda.added",
      entityType: "AgendaItem",
      entityId: item.id,
      after: input,
    });
  });
  return { ok: true, data: null };
}

// An item of this cooperative whose meeting is not closed yet, or why not.
async function editableItem(actor: Actor, itemId: string) {
  const item = await db.agendaItem.findFirst({
    where: { id: itemId, cooperativeId: actor.cooperativeId },
    include: { meeting: true },
  });
  if (!item) return { error: "notFound" as const };
  if (item.meeting.status === "CLOSED") return { error: "closed" as const };
  return item;
}

export async function updateAgendaItem(
  actor: Actor,
  itemId: string,
  input: AgendaItemInput,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const item = await editableItem(actor, itemId);
  if ("error" in item) return { ok: false, error: item.error };
  if (!(await presenterIsOwn(actor, input.presenterId))) return { ok: false, error: "presenterUnknown" };
  await db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: itemId }, data: input });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "agenda.updated",
      entityType: "AgendaItem",
      entityId: itemId,
      before: { title: item.title, kind: item.kind },
      after: input,
    });
  });
  return { ok: true, data: null };
}

export async function removeAgendaItem(actor: Actor, itemId: string): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const item = await editableItem(actor, itemId);
  if ("error" in item) return { ok: false, error: item.error };
  await db.$transaction(async (tx) => {
    await tx.agendaItem.delete({ where: { id: itemId } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "agenda.removed",
      entityType: "AgendaItem",
      entityId: itemId,
      before: { title: item.title, kind: item.kind },
    });
  });
  return { ok: true, data: null };
}

// Moves an item one place up or down; positions are renumbered 0..n-1.
export async function moveAgendaItem(
  actor: Actor,
  itemId: string,
  direction: "up" | "down",
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const item = await editableItem(actor, itemId);
  if ("error" in item) return { ok: false, error: item.error };
  await db.$transaction(async (tx) => {
    const items = await tx.agendaItem.findMany({
      where: { meetingId: item.meetingId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const index = items.findIndex((i) => i.id === itemId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= items.length) return;
    [items[index], items[target]] = [items[target]!, items[index]!];
    for (const [position, { id }] of items.entries())
      await tx.agendaItem.update({ where: { id }, data: { position } });
  });
  return { ok: true, data: null };
}

export async function presenterChoices(actor: Actor) {
  authorize(actor, "meeting.manage");
  const members = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE" },
    include: { person: { select: { name: true } } },
    orderBy: { person: { name: "asc" } },
  });
  return members.map((m) => ({ id: m.id, name: shownName(m) }));
}

export async function proposalsFor(actor: Actor, meetingId: string): Promise<Proposal[]> {
  authorize(actor, "meeting.manage");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: { body: true, agendaItems: { select: { title: true, ideaBox: true } } },
  });
  if (!meeting) return [];
  const previous = await db.meeting.findFirst({
    where: { bodyId: meeting.bodyId, number: { lt: meeting.number }, status: { not: "CANCELLED" } },
    orderBy: { number: "desc" },
    include: {
      minutes: {
        select: {
          status: true,
          sections: {
            where: { agendaItemId: null },
            orderBy: { position: "desc" },
            take: 1,
            select: { body: true },
          },
        },
      },
      actionItems: {
        where: { status: "OPEN" },
        include: { owners: { include: { membership: { include: { person: { select: { name: true } } } } } } },
      },
    },
  });
  // Once the « Boîte à idées » item is on the agenda, the ideas are read there.
  const waitingIdeas =
    meeting.body.kind === "COUNCIL" && !meeting.agendaItems.some((i) => i.ideaBox)
      ? await db.idea.findMany({
          where: { cooperativeId: actor.cooperativeId, status: { in: ["NEW", "TO_READ"] } },
          orderBy: { createdAt: "asc" },
          select: { text: true },
        })
      : [];
  // Points to follow stay on the agendas of the body until it closes them, whichever meeting raised them.
  const followUps = await db.followUp.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      status: "OPEN",
      meeting: { bodyId: meeting.bodyId, number: { lt: meeting.number } },
    },
    orderBy: { createdAt: "asc" },
    select: { text: true, meeting: { select: { number: true } } },
  });
  return carryOverProposals({
    bodyName: meeting.body.name,
    followUps: followUps.map((f) => ({ text: f.text, fromNumber: f.meeting?.number ?? null })),
    previous: previous
      ? {
          number: previous.number,
          minutesApproved:
            previous.minutes?.status === "APPROVED" || previous.minutes?.status === "PUBLISHED",
        }
      : null,
    openActions: (previous?.actionItems ?? []).map((a) => ({
      title: a.title,
      owners: [...a.owners.map((o) => shownName(o.membership)), ...a.outsideOwners],
      dueOn: a.dueOn ? dateTimeFormat("fr-FR", { timeZone: "UTC" }).format(a.dueOn) : null,
    })),
    waitingIdeas,
    nextMeetingNotes: previous?.minutes?.sections[0]?.body ?? "",
    agendaTitles: meeting.agendaItems.map((i) => i.title),
  });
}

// Adds a proposal by its key, recomputed here: the page sends no title of its own.
export async function addProposal(actor: Actor, meetingId: string, key: string): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const proposal = (await proposalsFor(actor, meetingId)).find((p) => p.key === key);
  if (!proposal) return { ok: false, error: "notFound" };
  return addAgendaItem(actor, meetingId, {
    kind: proposal.kind,
    title: proposal.title,
    description: proposal.description,
    presenterId: null,
    durationMinutes: null,
  });
}
