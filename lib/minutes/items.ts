import "server-only";
import { db } from "@/lib/db";
import { ensureIdeaBoxItem } from "@/lib/ideas/idea-box.internal";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Result } from "@/lib/form-result";
import { recordAudit } from "@/lib/audit/record";
import { dayKey, parseDateKey } from "@/lib/dates";
import { EDITABLE } from "@/lib/minutes/service";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { createNextMeeting } from "@/lib/meetings/next-meeting.internal";
import { createDecision, deleteDecision, placeVoteDecision } from "@/lib/decisions/record.internal";
import type { MinutesStatus } from "@/lib/generated/prisma/enums";
import type { ActionItemInput, DecisionInput, FollowUpInput, NextMeetingInput } from "@/lib/minutes/schema";
import { shownName } from "@/lib/members/names";
import { recordWords } from "@/lib/i18n/record-words";
import { compareFrench } from "@/lib/intl";

// What sits inside a section of the minutes besides its text: the things to do (with owners
// and a due date), the decisions taken, and, in the last section, the next meeting.

export type ItemFailure =
  | "notFound"
  | "locked"
  | "ownerUnknown"
  | "citedUnknown"
  | "voteQuestionUnknown"
  | "voteQuestionUsed"
  | "voteNotClosed"
  | "nextMeetingExists"
  | "nextMeetingBeforeThis";
export type ItemResult<T = null> = Result<T, ItemFailure>;

async function editableSection(
  actor: Actor,
  sectionId: string,
): Promise<{ error: "notFound" | "locked" } | { section: EditableSection }> {
  authorize(actor, "minutes.draft");
  const section = await db.minutesSection.findFirst({
    where: { id: sectionId, cooperativeId: actor.cooperativeId },
    include: {
      minutes: { include: { meeting: { select: { id: true, bodyId: true, number: true, startsAt: true } } } },
    },
  });
  if (!section) return { error: "notFound" };
  if (!EDITABLE.includes(section.minutes.status)) return { error: "locked" };
  return { section };
}
type EditableSection = {
  id: string;
  minutes: { status: MinutesStatus; meeting: { id: string; bodyId: string; number: number; startsAt: Date } };
};

export async function addActionItem(
  actor: Actor,
  sectionId: string,
  input: ActionItemInput,
): Promise<ItemResult> {
  const found = await editableSection(actor, sectionId);
  if ("error" in found) return { ok: false, error: found.error };
  const owners = [...new Set(input.owners)];
  const known = await db.membership.count({
    where: { id: { in: owners }, cooperativeId: actor.cooperativeId, status: "ACTIVE" },
  });
  if (known !== owners.length) return { ok: false, error: "ownerUnknown" };
  await db.$transaction(async (tx) => {
    const item = await tx.actionItem.create({
      data: {
        cooperativeId: actor.cooperativeId,
        meetingId: found.section.minutes.meeting.id,
        sectionId,
        title: input.title,
        outsideOwners: input.outsideOwners,
        dueOn: input.dueOn ? parseDateKey(input.dueOn) : null,
        owners: {
          create: owners.map((membershipId) => ({ cooperativeId: actor.cooperativeId, membershipId })),
        },
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "actionItem.created",
      entityType: "ActionItem",
      entityId: item.id,
      after: { title: input.title, owners, outsideOwners: input.outsideOwners, dueOn: input.dueOn },
    });
  });
  return { ok: true, data: null };
}

export async function removeActionItem(actor: Actor, actionItemId: string): Promise<ItemResult> {
  authorize(actor, "minutes.draft");
  const item = await db.actionItem.findFirst({
    where: { id: actionItemId, cooperativeId: actor.cooperativeId },
    include: { section: { include: { minutes: { select: { status: true } } } } },
  });
  if (!item?.section) return { ok: false, error: "notFound" };
  if (!EDITABLE.includes(item.section.minutes.status)) return { ok: false, error: "locked" };
  await db.$transaction(async (tx) => {
    await tx.actionItem.delete({ where: { id: item.id } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "actionItem.removed",
      entityType: "ActionItem",
      entityId: item.id,
      before: { title: item.title },
    });
  });
  return { ok: true, data: null };
}

// Done or open again: the owners and the coordinator keep "Choses à faire" true.
export async function setActionItemDone(
  actor: Actor,
  actionItemId: string,
  done: boolean,
): Promise<ItemResult> {
  authorize(actor, "meeting.read");
  const item = await db.actionItem.findFirst({
    where: { id: actionItemId, cooperativeId: actor.cooperativeId },
    include: { owners: { select: { membershipId: true } } },
  });
  if (!item) return { ok: false, error: "notFound" };
  if (!item.owners.some((o) => o.membershipId === actor.membershipId)) authorize(actor, "meeting.manage");
  await db.$transaction(async (tx) => {
    await tx.actionItem.update({
      where: { id: item.id },
      data: { status: done ? "DONE" : "OPEN", completedAt: done ? new Date() : null },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: done ? "actionItem.done" : "actionItem.reopened",
      entityType: "ActionItem",
      entityId: item.id,
    });
  });
  return { ok: true, data: null };
}

// A decision of the body, taken at this meeting: by a vote of the votes module (linked), or
// recorded with how it was taken. It reaches the decision record when the minutes are published.
export async function addDecision(
  actor: Actor,
  sectionId: string,
  input: DecisionInput,
): Promise<ItemResult> {
  const found = await editableSection(actor, sectionId);
  if ("error" in found) return { ok: false, error: found.error };
  const { meeting } = found.section.minutes;
  if (input.citesId) {
    const cited = await db.decision.count({
      where: { id: input.citesId, cooperativeId: actor.cooperativeId, publishedAt: { not: null } },
    });
    if (!cited) return { ok: false, error: "citedUnknown" };
  }
  if (input.voteQuestionId) {
    const question = await db.voteQuestion.findFirst({
      where: { id: input.voteQuestionId, cooperativeId: actor.cooperativeId, meetingId: meeting.id },
      include: { decision: { select: { id: true, sectionId: true } } },
    });
    if (!question) return { ok: false, error: "voteQuestionUnknown" };
    // The vote's decision is made at its close, with its title, figures and outcome: the minutes
    // place it in this section; a vote still open has none yet.
    if (question.status !== "CLOSED" || !question.decision) return { ok: false, error: "voteNotClosed" };
    if (question.decision.sectionId) return { ok: false, error: "voteQuestionUsed" };
    const decisionId = question.decision.id;
    await db.$transaction(async (tx) => {
      await placeVoteDecision(tx, { id: decisionId, sectionId });
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "decision.recorded",
        entityType: "Decision",
        entityId: decisionId,
        after: { title: input.title, voteQuestionId: question.id },
      });
    });
    return { ok: true, data: null };
  }
  await db.$transaction(async (tx) => {
    const decision = await createDecision(tx, {
      cooperativeId: actor.cooperativeId,
      bodyId: meeting.bodyId,
      meetingId: meeting.id,
      sectionId,
      title: input.title,
      text: input.text,
      method: input.method,
      outcome: input.outcome,
      decidedOn: parseDateKey(dayKey(meeting.startsAt)),
      citesId: input.citesId,
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "decision.recorded",
      entityType: "Decision",
      entityId: decision.id,
      after: { title: input.title, method: input.method, outcome: input.outcome, citesId: input.citesId },
    });
  });
  return { ok: true, data: null };
}

export async function removeDecision(actor: Actor, decisionId: string): Promise<ItemResult> {
  authorize(actor, "minutes.draft");
  const decision = await db.decision.findFirst({
    where: { id: decisionId, cooperativeId: actor.cooperativeId },
    include: { section: { include: { minutes: { select: { status: true } } } } },
  });
  if (!decision?.section) return { ok: false, error: "notFound" };
  if (!EDITABLE.includes(decision.section.minutes.status)) return { ok: false, error: "locked" };
  await db.$transaction(async (tx) => {
    // A vote's decision stays in the record (it is the vote's); it only leaves this section.
    if (decision.voteQuestionId) await placeVoteDecision(tx, { id: decision.id, sectionId: null });
    else await deleteDecision(tx, { id: decision.id });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "decision.removed",
      entityType: "Decision",
      entityId: decision.id,
      before: { title: decision.title },
    });
  });
  return { ok: true, data: null };
}

// The decisions of the record a new one can cite: every body's, newest first.
export async function citableDecisions(actor: Actor) {
  authorize(actor, "minutes.draft");
  const rows = await db.decision.findMany({
    where: { cooperativeId: actor.cooperativeId, publishedAt: { not: null } },
    orderBy: [{ decidedOn: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, title: true, decidedOn: true, body: { select: { name: true } } },
  });
  return rows.map((d) => ({ id: d.id, title: d.title, decidedOn: d.decidedOn, bodyName: d.body.name }));
}

// A point to follow: written in a section, carried to the next agendas until it is closed.
export async function addFollowUp(
  actor: Actor,
  sectionId: string,
  input: FollowUpInput,
): Promise<ItemResult> {
  const found = await editableSection(actor, sectionId);
  if ("error" in found) return { ok: false, error: found.error };
  await db.$transaction(async (tx) => {
    const point = await tx.followUp.create({
      data: {
        cooperativeId: actor.cooperativeId,
        meetingId: found.section.minutes.meeting.id,
        sectionId,
        text: input.text,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "followUp.created",
      entityType: "FollowUp",
      entityId: point.id,
      after: { text: input.text },
    });
  });
  return { ok: true, data: null };
}

export async function removeFollowUp(actor: Actor, followUpId: string): Promise<ItemResult> {
  authorize(actor, "minutes.draft");
  const point = await db.followUp.findFirst({
    where: { id: followUpId, cooperativeId: actor.cooperativeId },
    include: { section: { include: { minutes: { select: { status: true } } } } },
  });
  if (!point?.section) return { ok: false, error: "notFound" };
  if (!EDITABLE.includes(point.section.minutes.status)) return { ok: false, error: "locked" };
  await db.$transaction(async (tx) => {
    await tx.followUp.delete({ where: { id: point.id } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "followUp.removed",
      entityType: "FollowUp",
      entityId: point.id,
      before: { text: point.text },
    });
  });
  return { ok: true, data: null };
}

// Closed when the body says it needs no more following; open again if it does.
export async function setFollowUpClosed(
  actor: Actor,
  followUpId: string,
  closed: boolean,
): Promise<ItemResult> {
  authorize(actor, "meeting.manage");
  const point = await db.followUp.findFirst({
    where: { id: followUpId, cooperativeId: actor.cooperativeId },
  });
  if (!point) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.followUp.update({
      where: { id: point.id },
      data: { status: closed ? "CLOSED" : "OPEN", closedAt: closed ? new Date() : null },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: closed ? "followUp.closed" : "followUp.reopened",
      entityType: "FollowUp",
      entityId: point.id,
    });
  });
  return { ok: true, data: null };
}

// The vote questions of this meeting that a decision can still point to.
export async function linkableQuestions(actor: Actor, meetingId: string) {
  authorize(actor, "minutes.draft");
  return db.voteQuestion.findMany({
    where: { cooperativeId: actor.cooperativeId, meetingId, status: "CLOSED", decision: { sectionId: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
}

// The last section sets the next meeting: it creates it (planned) with its first agenda items,
// numbered after the body's last meeting. When the statutes have the next meeting approve the
// minutes, that approval is its first item.
export async function setNextMeeting(
  actor: Actor,
  minutesId: string,
  input: NextMeetingInput,
): Promise<ItemResult<{ number: number }>> {
  authorize(actor, "minutes.draft");
  authorize(actor, "meeting.manage");
  const minutes = await db.minutes.findFirst({
    where: { id: minutesId, cooperativeId: actor.cooperativeId },
    include: { meeting: { include: { body: true } } },
  });
  if (!minutes) return { ok: false, error: "notFound" };
  if (!EDITABLE.includes(minutes.status)) return { ok: false, error: "locked" };
  if (minutes.nextMeetingId) return { ok: false, error: "nextMeetingExists" };
  if (input.startsAt <= minutes.meeting.startsAt) return { ok: false, error: "nextMeetingBeforeThis" };
  const statutes = await db.statuteSettings.findUnique({
    where: { cooperativeId: actor.cooperativeId },
    select: { minutesApprovedBy: true },
  });
  const items = [
    ...(statutes?.minutesApprovedBy !== "PRESIDENT"
      ? [
          {
            kind: "DECISION" as const,
            title: recordWords("approvalShort", { number: String(minutes.meeting.number) }),
          },
        ]
      : []),
    ...input.items.map((title) => ({ kind: "DISCUSSION" as const, title })),
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      const number = await db.$transaction(async (tx) => {
        // Locks the minutes row: two clicks create one meeting.
        const [row] = await tx.$queryRaw<
          { nextMeetingId: string | null }[]
        >`SELECT "nextMeetingId" FROM "Minutes" WHERE id = ${minutes.id} FOR UPDATE`;
        if (row?.nextMeetingId) return null;
        const created = await createNextMeeting(tx, {
          cooperativeId: actor.cooperativeId,
          bodyId: minutes.meeting.bodyId,
          startsAt: input.startsAt,
          place: input.place ?? minutes.meeting.place,
          assemblyType: minutes.meeting.body.kind === "GENERAL_ASSEMBLY" ? "ORDINARY" : null,
          items,
        });
        await tx.minutes.update({ where: { id: minutes.id }, data: { nextMeetingId: created.id } });
        await recordAudit(tx, {
          cooperativeId: actor.cooperativeId,
          actorId: actor.personId,
          action: "meeting.created",
          entityType: "Meeting",
          entityId: created.id,
          after: {
            number: created.number,
            startsAt: created.startsAt.toISOString(),
            fromMinutes: minutes.id,
          },
        });
        return created.number;
      });
      if (number === null) return { ok: false, error: "nextMeetingExists" };
      if (minutes.meeting.body.kind === "COUNCIL") await ensureIdeaBoxItem(actor.cooperativeId);
      return { ok: true, data: { number } };
    } catch (error) {
      if (attempt < 3 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

// Who can own a thing to do: the members of the body that day, and members who attended.
export async function ownerChoices(actor: Actor, meetingId: string): Promise<{ id: string; name: string }[]> {
  authorize(actor, "minutes.draft");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: {
      body: true,
      attendances: {
        where: { membershipId: { not: null }, status: { in: ["PRESENT", "GUEST"] } },
        select: {
          membership: {
            select: { id: true, status: true, displayName: true, person: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!meeting) return [];
  const members = await bodyMembersOn(meeting.body, meeting.startsAt);
  const choices = new Map(members.map((m) => [m.membershipId, m.name]));
  for (const a of meeting.attendances)
    if (a.membership?.status === "ACTIVE") choices.set(a.membership.id, shownName(a.membership));
  return [...choices].map(([id, name]) => ({ id, name })).sort((a, b) => compareFrench(a.name, b.name));
}
