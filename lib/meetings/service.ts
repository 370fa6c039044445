import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { categoryOn, previousCategory, spansOf } from "@/lib/members/category-history";
import { summarizeAttendance, type AttendanceSummary } from "@/lib/meetings/attendance-summary";
import { ensureIdeaBoxItem } from "@/lib/ideas/service";
import { recordAudit } from "@/lib/audit/record";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { instantToLocalInput, localInputToInstant } from "@/lib/dates";
import { sendChangeNotice } from "@/lib/meetings/invitations";
import { carryOverProposals, type Proposal } from "@/lib/meetings/carry-over";
import { computeQuorum, isPresentAt, quorumThreshold, type QuorumResult } from "@/lib/meetings/quorum";
import type {
  AgendaItemInput,
  ATTENDANCE_STATUSES,
  MeetingInput,
  NewMeetingInput,
} from "@/lib/meetings/schema";
import type { Fraction } from "@/lib/statutes/fractions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgendaItemKind, AttendanceStatus, BodyKind, MeetingStatus } from "@/lib/generated/prisma/enums";

export type MeetingListItem = {
  id: string;
  bodyName: string;
  bodySlug: string;
  number: number;
  startsAt: Date;
  place: string | null;
  status: MeetingStatus;
};

export type MeetingDetail = MeetingListItem & {
  videoUrl: string | null;
  agenda: {
    id: string;
    position: number;
    kind: AgendaItemKind;
    title: string;
    presenter: string | null;
    durationMinutes: number | null;
    ideaBox: boolean;
  }[];
  attendance: AttendanceSummary;
};

const listSelect = {
  id: true,
  number: true,
  startsAt: true,
  place: true,
  status: true,
  body: { select: { name: true, slug: true } },
} as const;

function toListItem(m: {
  id: string;
  number: number;
  startsAt: Date;
  place: string | null;
  status: MeetingStatus;
  body: { name: string; slug: string };
}): MeetingListItem {
  return {
    id: m.id,
    bodyName: m.body.name,
    bodySlug: m.body.slug,
    number: m.number,
    startsAt: m.startsAt,
    place: m.place,
    status: m.status,
  };
}

export async function listMeetings(actor: Actor): Promise<MeetingListItem[]> {
  authorize(actor, "meeting.read");
  const meetings = await db.meeting.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { startsAt: "desc" },
    select: listSelect,
  });
  return meetings.map(toListItem);
}

export async function nextMeeting(actor: Actor, now = new Date()): Promise<MeetingListItem | null> {
  authorize(actor, "meeting.read");
  const meeting = await db.meeting.findFirst({
    where: { cooperativeId: actor.cooperativeId, startsAt: { gte: now }, status: { not: "CANCELLED" } },
    orderBy: { startsAt: "asc" },
    select: listSelect,
  });
  return meeting ? toListItem(meeting) : null;
}

export async function getMeeting(
  actor: Actor,
  bodySlug: string,
  number: number,
): Promise<MeetingDetail | null> {
  authorize(actor, "meeting.read");
  const meeting = await db.meeting.findFirst({
    where: {
      cooperativeId: actor.cooperativeId,
      number,
      body: { slug: bodySlug, cooperativeId: actor.cooperativeId },
    },
    include: {
      body: { select: { id: true, name: true, slug: true } },
      agendaItems: {
        orderBy: { position: "asc" },
        include: { presenter: { select: { person: { select: { name: true } } } } },
      },
      attendances: {
        include: {
          membership: {
            include: {
              person: { select: { name: true } },
              categoryAssignments: { include: { category: { select: { name: true } } } },
              mandates: true,
            },
          },
        },
      },
    },
  });
  if (!meeting) return null;

  const colleges = await db.category.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { position: "asc" },
    select: { name: true },
  });
  const lines = meeting.attendances.map((a) => {
    const spans = spansOf(a.membership?.categoryAssignments ?? []);
    const isPresident = (a.membership?.mandates ?? []).some(
      (m) => m.bodyId === meeting.bodyId && m.role === "PRESIDENT" && mandateIsCurrent(m, meeting.startsAt),
    );
    return {
      name: a.membership?.person.name ?? a.guestName ?? "",
      status: a.status,
      category: categoryOn(spans, meeting.startsAt)?.categoryName ?? null,
      formerCategory: previousCategory(spans, meeting.startsAt)?.categoryName ?? null,
      isPresident,
      guestRole: a.guestRole ?? a.membership?.title ?? null,
    };
  });

  return {
    ...toListItem(meeting),
    videoUrl: meeting.videoUrl,
    agenda: meeting.agendaItems.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      presenter: item.presenter?.person.name ?? item.presenterName,
      durationMinutes: item.durationMinutes,
      ideaBox: item.ideaBox,
    })),
    attendance: summarizeAttendance(
      lines,
      colleges.map((c) => c.name),
    ),
  };
}

// ───────────────────────────── Preparing and running a meeting (coordinator) ─────────────────────────────

export type MeetingFailure =
  | "notFound"
  | "bodyUnknown"
  | "presenterUnknown"
  | "notBodyMember"
  | "closed"
  | "cancelled"
  | "memberUnknown"
  | "timesInvalid";
export type MeetingResult<T = null> = { ok: true; data: T } | { ok: false; error: MeetingFailure };

async function ownMeeting(actor: Actor, meetingId: string) {
  return db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: { body: true },
  });
}

// The number follows the body's last one (n° 4 after n° 3); two coordinators creating at the
// same moment cannot get the same number (unique per body; the loser retries).
export async function createMeeting(
  actor: Actor,
  input: NewMeetingInput,
): Promise<MeetingResult<{ bodySlug: string; number: number }>> {
  authorize(actor, "meeting.manage");
  const body = await db.body.findFirst({ where: { id: input.bodyId, cooperativeId: actor.cooperativeId } });
  if (!body) return { ok: false, error: "bodyUnknown" };
  for (let attempt = 0; ; attempt++) {
    try {
      const meeting = await db.$transaction(async (tx) => {
        const last = await tx.meeting.aggregate({ where: { bodyId: body.id }, _max: { number: true } });
        const created = await tx.meeting.create({
          data: {
            cooperativeId: actor.cooperativeId,
            bodyId: body.id,
            number: (last._max.number ?? 0) + 1,
            startsAt: input.startsAt,
            place: input.place,
            videoUrl: input.videoUrl,
            title: input.title,
            assemblyType: body.kind === "GENERAL_ASSEMBLY" ? "ORDINARY" : null,
          },
        });
        await recordAudit(tx, {
          cooperativeId: actor.cooperativeId,
          actorId: actor.personId,
          action: "meeting.created",
          entityType: "Meeting",
          entityId: created.id,
          after: { number: created.number, startsAt: created.startsAt.toISOString() },
        });
        return created;
      });
      if (body.kind === "COUNCIL") await ensureIdeaBoxItem(actor.cooperativeId);
      return { ok: true, data: { bodySlug: body.slug, number: meeting.number } };
    } catch (error) {
      if (attempt < 3 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

export async function updateMeeting(
  actor: Actor,
  meetingId: string,
  input: MeetingInput,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.status === "CANCELLED") return { ok: false, error: "cancelled" };
  const dateChanged = meeting.startsAt.getTime() !== input.startsAt.getTime();
  await db.$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id: meetingId },
      // A new date raises the calendar SEQUENCE, so calendars replace the old invitation.
      data: {
        startsAt: input.startsAt,
        place: input.place,
        videoUrl: input.videoUrl,
        title: input.title,
        ...(dateChanged ? { icsSequence: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "meeting.updated",
      entityType: "Meeting",
      entityId: meetingId,
      before: { startsAt: meeting.startsAt.toISOString(), place: meeting.place, videoUrl: meeting.videoUrl },
      after: { startsAt: input.startsAt.toISOString(), place: input.place, videoUrl: input.videoUrl },
    });
  });
  // Invitations already out: calendars get the new date (same UID, higher SEQUENCE).
  if (dateChanged && meeting.status === "INVITED") await sendChangeNotice(actor, meetingId, "update");
  return { ok: true, data: null };
}

const NEXT_STATUS: Record<MeetingStatus, MeetingStatus[]> = {
  PLANNED: ["INVITED", "HELD", "CANCELLED"],
  INVITED: ["HELD", "CANCELLED"],
  HELD: ["CLOSED"],
  CLOSED: [],
  CANCELLED: [],
};

export function nextStatuses(status: MeetingStatus): MeetingStatus[] {
  return NEXT_STATUS[status];
}

export async function setMeetingStatus(
  actor: Actor,
  meetingId: string,
  status: MeetingStatus,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (!NEXT_STATUS[meeting.status].includes(status))
    return { ok: false, error: meeting.status === "CANCELLED" ? "cancelled" : "closed" };
  await db.$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status, ...(status === "CANCELLED" ? { icsSequence: { increment: 1 } } : {}) },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "meeting.status",
      entityType: "Meeting",
      entityId: meetingId,
      before: { status: meeting.status },
      after: { status },
    });
  });
  if (status === "CANCELLED" && meeting.status === "INVITED")
    await sendChangeNotice(actor, meetingId, "cancellation");
  return { ok: true, data: null };
}

// A member of the body says in advance whether they will come; the coordinator sees it on the
// attendance sheet. It is an answer, not the attendance itself.
export async function answerInvitation(
  actor: Actor,
  meetingId: string,
  answer: "PRESENT" | "EXCUSED",
  note: string | null,
): Promise<MeetingResult> {
  authorize(actor, "meeting.read");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.status !== "PLANNED" && meeting.status !== "INVITED") return { ok: false, error: "closed" };
  const members = await bodyMembersOn(meeting.body, meeting.startsAt);
  if (!members.some((m) => m.membershipId === actor.membershipId))
    return { ok: false, error: "notBodyMember" };
  await db.attendance.upsert({
    where: { meetingId_membershipId: { meetingId, membershipId: actor.membershipId } },
    create: {
      cooperativeId: actor.cooperativeId,
      meetingId,
      membershipId: actor.membershipId,
      rsvp: answer,
      rsvpNote: note,
    },
    update: { rsvp: answer, rsvpNote: note },
  });
  return { ok: true, data: null };
}

export async function myInvitation(actor: Actor, meetingId: string) {
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting || (meeting.status !== "PLANNED" && meeting.status !== "INVITED")) return null;
  const members = await bodyMembersOn(meeting.body, meeting.startsAt);
  if (!members.some((m) => m.membershipId === actor.membershipId)) return null;
  const line = await db.attendance.findUnique({
    where: { meetingId_membershipId: { meetingId, membershipId: actor.membershipId } },
  });
  return { answer: line?.rsvp ?? null, note: line?.rsvpNote ?? null };
}

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

export async function updateAgendaItem(
  actor: Actor,
  itemId: string,
  input: AgendaItemInput,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const item = await db.agendaItem.findFirst({
    where: { id: itemId, cooperativeId: actor.cooperativeId },
    include: { meeting: true },
  });
  if (!item) return { ok: false, error: "notFound" };
  if (item.meeting.status === "CLOSED") return { ok: false, error: "closed" };
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
  const item = await db.agendaItem.findFirst({
    where: { id: itemId, cooperativeId: actor.cooperativeId },
    include: { meeting: true },
  });
  if (!item) return { ok: false, error: "notFound" };
  if (item.meeting.status === "CLOSED") return { ok: false, error: "closed" };
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
  const item = await db.agendaItem.findFirst({
    where: { id: itemId, cooperativeId: actor.cooperativeId },
    include: { meeting: true },
  });
  if (!item) return { ok: false, error: "notFound" };
  if (item.meeting.status === "CLOSED") return { ok: false, error: "closed" };
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

export type AttendanceRow = {
  membershipId: string | null;
  attendanceId: string | null;
  name: string;
  category: string | null;
  isPresident: boolean;
  isBodyMember: boolean;
  status: AttendanceStatus | null;
  rsvp: "PRESENT" | "EXCUSED" | null;
  rsvpNote: string | null;
  arrivedAt: Date | null;
  leftAt: Date | null;
  guestRole: string | null;
};

export type AttendanceSheet = {
  meeting: MeetingListItem & { id: string; bodyKind: BodyKind };
  rows: AttendanceRow[];
  quorum: QuorumResult & { threshold: Fraction };
  instant: Date;
};

// Every seated member of the body that day, then the guests; quorum at `at`, by default "now in
// the room": now, but not before the start, nor before the last arrival or departure recorded.
export async function attendanceSheet(
  actor: Actor,
  meetingId: string,
  at?: Date,
): Promise<AttendanceSheet | null> {
  authorize(actor, "meeting.manage");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: {
      body: true,
      attendances: {
        include: {
          membership: {
            include: {
              person: { select: { name: true } },
              categoryAssignments: { include: { category: true } },
            },
          },
        },
      },
    },
  });
  if (!meeting) return null;
  const day = meeting.startsAt;
  const [seated, colleges, statutes] = await Promise.all([
    bodyMembersOn(meeting.body, day),
    db.college.findMany({
      where: { cooperativeId: actor.cooperativeId },
      select: { id: true, weightBp: true },
    }),
    db.statuteSettings.findUnique({ where: { cooperativeId: actor.cooperativeId } }),
  ]);
  const byMember = new Map(
    meeting.attendances.filter((a) => a.membershipId).map((a) => [a.membershipId!, a]),
  );
  const rows: AttendanceRow[] = seated.map((s) => {
    const a = byMember.get(s.membershipId);
    return {
      membershipId: s.membershipId,
      attendanceId: a?.id ?? null,
      name: s.name,
      category: s.categoryName,
      isPresident: s.isPresident,
      isBodyMember: true,
      status: a?.status ?? null,
      rsvp: a?.rsvp ?? null,
      rsvpNote: a?.rsvpNote ?? null,
      arrivedAt: a?.arrivedAt ?? null,
      leftAt: a?.leftAt ?? null,
      guestRole: null,
    };
  });
  const seatedIds = new Set(seated.map((s) => s.membershipId));
  for (const a of meeting.attendances.filter(
    (a) => a.status === "GUEST" || (a.membershipId && !seatedIds.has(a.membershipId)),
  )) {
    rows.push({
      membershipId: a.membershipId,
      attendanceId: a.id,
      name: a.membership?.person.name ?? a.guestName ?? "",
      category: a.membership
        ? (categoryOn(spansOf(a.membership.categoryAssignments), day)?.categoryName ?? null)
        : null,
      isPresident: false,
      isBodyMember: false,
      status: a.status,
      rsvp: a.rsvp,
      rsvpNote: a.rsvpNote,
      arrivedAt: a.arrivedAt,
      leftAt: a.leftAt,
      guestRole: a.guestRole ?? a.membership?.title ?? null,
    });
  }
  const threshold = quorumThreshold(
    meeting.body,
    meeting,
    statutes ?? {
      agoQuorumFirstNum: 1,
      agoQuorumFirstDen: 5,
      agoQuorumSecondNum: 0,
      agoQuorumSecondDen: 1,
      ageQuorumFirstNum: 1,
      ageQuorumFirstDen: 4,
      ageQuorumSecondNum: 1,
      ageQuorumSecondDen: 5,
    },
  );
  const moments = [
    Date.now(),
    meeting.startsAt.getTime(),
    ...rows.flatMap((r) => [r.arrivedAt?.getTime() ?? 0, r.leftAt?.getTime() ?? 0]),
  ];
  const instant = at ?? new Date(Math.max(...moments));
  const presentIds = new Set(
    rows
      .filter(
        (r) =>
          r.isBodyMember &&
          r.membershipId &&
          isPresentAt(
            { memberId: r.membershipId, status: r.status, arrivedAt: r.arrivedAt, leftAt: r.leftAt },
            instant,
          ),
      )
      .map((r) => r.membershipId!),
  );
  const quorum = computeQuorum({
    members: seated.map((s) => ({ id: s.membershipId, collegeId: s.collegeId })),
    presentIds,
    threshold,
    basis: meeting.body.kind === "GENERAL_ASSEMBLY" ? (statutes?.quorumBasis ?? "HEADS") : "HEADS",
    colleges,
  });
  return {
    meeting: { ...toListItem(meeting), id: meeting.id, bodyKind: meeting.body.kind },
    rows,
    quorum: { ...quorum, threshold },
    instant,
  };
}

const MEETING_HOURS_MS = 6 * 60 * 60 * 1000;

async function auditIfClosed(
  tx: Prisma.TransactionClient,
  actor: Actor,
  meeting: { id: string; status: MeetingStatus },
  before: unknown,
  after: unknown,
) {
  // Corrections after the meeting is closed are the coordinator's, and leave a trace.
  if (meeting.status !== "CLOSED") return;
  await recordAudit(tx, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "attendance.corrected",
    entityType: "Meeting",
    entityId: meeting.id,
    before: before as never,
    after: after as never,
  });
}

export async function markAttendance(
  actor: Actor,
  meetingId: string,
  membershipId: string,
  status: (typeof ATTENDANCE_STATUSES)[number],
  at = new Date(),
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.status === "CANCELLED") return { ok: false, error: "cancelled" };
  const seated = await bodyMembersOn(meeting.body, meeting.startsAt);
  // Only the body's members are recorded as members; anyone else comes in as a guest.
  if (!seated.some((s) => s.membershipId === membershipId)) return { ok: false, error: "notBodyMember" };
  const existing = await db.attendance.findUnique({
    where: { meetingId_membershipId: { meetingId, membershipId } },
  });
  // Marked present while the meeting is under way: arrived now. Before the start, or when the
  // sheet is filled in afterwards: from the start (the time can be corrected by hand).
  const underWay = at > meeting.startsAt && at.getTime() - meeting.startsAt.getTime() < MEETING_HOURS_MS;
  const arrivedAt =
    status === "PRESENT"
      ? existing?.status === "PRESENT"
        ? existing.arrivedAt
        : underWay
          ? at
          : meeting.startsAt
      : null;
  await db.$transaction(async (tx) => {
    await tx.attendance.upsert({
      where: { meetingId_membershipId: { meetingId, membershipId } },
      create: { cooperativeId: actor.cooperativeId, meetingId, membershipId, status, arrivedAt },
      update: { status, arrivedAt, leftAt: status === "PRESENT" ? (existing?.leftAt ?? null) : null },
    });
    await auditIfClosed(
      tx,
      actor,
      meeting,
      { membershipId, status: existing?.status ?? null },
      { membershipId, status },
    );
  });
  return { ok: true, data: null };
}

export async function setDeparture(
  actor: Actor,
  meetingId: string,
  membershipId: string,
  leftAt: Date | null,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  const existing = await db.attendance.findUnique({
    where: { meetingId_membershipId: { meetingId, membershipId } },
  });
  if (!existing || existing.status !== "PRESENT") return { ok: false, error: "memberUnknown" };
  const departure =
    leftAt && existing.arrivedAt && leftAt <= existing.arrivedAt
      ? new Date(existing.arrivedAt.getTime() + 60_000)
      : leftAt;
  await db.$transaction(async (tx) => {
    await tx.attendance.update({ where: { id: existing.id }, data: { leftAt: departure } });
    await auditIfClosed(
      tx,
      actor,
      meeting,
      { membershipId, leftAt: existing.leftAt },
      { membershipId, leftAt: departure },
    );
  });
  return { ok: true, data: null };
}

export async function addGuest(
  actor: Actor,
  meetingId: string,
  guest: { membershipId: string | null; guestName: string | null; guestRole: string | null },
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (
    guest.membershipId &&
    (await db.membership.count({ where: { id: guest.membershipId, cooperativeId: actor.cooperativeId } })) ===
      0
  )
    return { ok: false, error: "memberUnknown" };
  await db.$transaction(async (tx) => {
    if (guest.membershipId) {
      await tx.attendance.upsert({
        where: { meetingId_membershipId: { meetingId, membershipId: guest.membershipId } },
        create: {
          cooperativeId: actor.cooperativeId,
          meetingId,
          membershipId: guest.membershipId,
          status: "GUEST",
          guestRole: guest.guestRole,
        },
        update: { status: "GUEST", guestRole: guest.guestRole, arrivedAt: null, leftAt: null },
      });
    } else {
      await tx.attendance.create({
        data: {
          cooperativeId: actor.cooperativeId,
          meetingId,
          guestName: guest.guestName,
          guestRole: guest.guestRole,
          status: "GUEST",
        },
      });
    }
    await auditIfClosed(tx, actor, meeting, null, guest);
  });
  return { ok: true, data: null };
}

export async function removeGuest(actor: Actor, attendanceId: string): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const line = await db.attendance.findFirst({
    where: { id: attendanceId, cooperativeId: actor.cooperativeId, status: "GUEST" },
    include: { meeting: true },
  });
  if (!line) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.attendance.delete({ where: { id: attendanceId } });
    await auditIfClosed(tx, actor, line.meeting, { guest: line.guestName ?? line.membershipId }, null);
  });
  return { ok: true, data: null };
}

export async function meetingForEdit(actor: Actor, bodySlug: string, number: number) {
  authorize(actor, "meeting.manage");
  return db.meeting.findFirst({
    where: {
      cooperativeId: actor.cooperativeId,
      number,
      body: { slug: bodySlug, cooperativeId: actor.cooperativeId },
    },
    include: {
      body: true,
      agendaItems: {
        orderBy: { position: "asc" },
        include: { presenter: { select: { person: { select: { name: true } } } } },
      },
    },
  });
}

export async function bodiesForMeetings(actor: Actor) {
  authorize(actor, "meeting.manage");
  return db.body.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true },
  });
}

export async function presenterChoices(actor: Actor) {
  authorize(actor, "meeting.manage");
  const members = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE" },
    include: { person: { select: { name: true } } },
    orderBy: { person: { name: "asc" } },
  });
  return members.map((m) => ({ id: m.id, name: m.person.name }));
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
  return carryOverProposals({
    bodyName: meeting.body.name,
    previous: previous
      ? {
          number: previous.number,
          minutesApproved:
            previous.minutes?.status === "APPROVED" || previous.minutes?.status === "PUBLISHED",
        }
      : null,
    openActions: (previous?.actionItems ?? []).map((a) => ({
      title: a.title,
      owners: a.owners.map((o) => o.membership.person.name),
      dueOn: a.dueOn ? new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC" }).format(a.dueOn) : null,
    })),
    waitingIdeas,
    nextMeetingNotes: previous?.minutes?.sections[0]?.body ?? "",
    agendaTitles: meeting.agendaItems.map((i) => i.title),
  });
}

// Adds a proposal by its key, recomputed here: the page sends no title of its own.
export async function addProposal(actor: Actor, meetingId: string, key: string): Promise<MeetingResult> {
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

// Times typed by hand ("19:45"), on the meeting's day: for attendance taken after the fact,
// or a late arrival noted afterwards. Departure empty means still there.
export async function setAttendanceTimes(
  actor: Actor,
  meetingId: string,
  membershipId: string,
  arrived: string,
  left: string | null,
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  const existing = await db.attendance.findUnique({
    where: { meetingId_membershipId: { meetingId, membershipId } },
  });
  if (!existing || existing.status !== "PRESENT") return { ok: false, error: "memberUnknown" };
  const day = instantToLocalInput(meeting.startsAt).slice(0, 10);
  const arrivedAt = localInputToInstant(`${day}T${arrived}`);
  const leftAt = left ? localInputToInstant(`${day}T${left}`) : null;
  if (!arrivedAt || (left && !leftAt) || (leftAt && leftAt <= arrivedAt))
    return { ok: false, error: "timesInvalid" };
  await db.$transaction(async (tx) => {
    await tx.attendance.update({ where: { id: existing.id }, data: { arrivedAt, leftAt } });
    await auditIfClosed(
      tx,
      actor,
      meeting,
      { membershipId, arrivedAt: existing.arrivedAt, leftAt: existing.leftAt },
      { membershipId, arrivedAt, leftAt },
    );
  });
  return { ok: true, data: null };
}
