import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import { recordAudit } from "@/lib/audit/record";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { instantToLocalInput, localInputToInstant } from "@/lib/dates";
import { computeQuorum, isPresentAt, quorumThreshold, type QuorumResult } from "@/lib/meetings/quorum";
import { ownMeeting, toListItem } from "@/lib/meetings/meeting-access.internal";
import { inviteGuest } from "@/lib/meetings/meeting-notices.internal";
import type { ATTENDANCE_STATUSES } from "@/lib/meetings/schema";
import type { MeetingListItem, MeetingResult } from "@/lib/meetings/service";
import type { Fraction } from "@/lib/statutes/fractions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceStatus, BodyKind, MeetingStatus } from "@/lib/generated/prisma/enums";
import { shownName } from "@/lib/members/names";

// The attendance sheet of a meeting (coordinator): who is there, from when to when, the guests,
// and the quorum that follows.

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
      name: a.membership ? shownName(a.membership) : (a.guestName ?? ""),
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

async function auditAttendance(
  tx: Prisma.TransactionClient,
  actor: Actor,
  {
    meeting,
    before,
    after,
  }: { meeting: { id: string; status: MeetingStatus }; before: unknown; after: unknown },
) {
  // Every change of attendance leaves a trace (it decides the quorum and who may vote); one made
  // after the meeting is closed is a correction.
  await recordAudit(tx, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: meeting.status === "CLOSED" ? "attendance.corrected" : "attendance.changed",
    entityType: "Meeting",
    entityId: meeting.id,
    before: before as never,
    after: after as never,
  });
}

export async function markAttendance(
  actor: Actor,
  {
    meetingId,
    membershipId,
    status,
  }: { meetingId: string; membershipId: string; status: (typeof ATTENDANCE_STATUSES)[number] },
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
    await auditAttendance(tx, actor, {
      meeting,
      before: { membershipId, status: existing?.status ?? null },
      after: { membershipId, status },
    });
  });
  return { ok: true, data: null };
}

// The attendance line of someone marked present at a meeting of this cooperative, or why not.
async function presentLine(
  actor: Actor,
  { meetingId, membershipId }: { meetingId: string; membershipId: string },
) {
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false as const, error: "notFound" as const };
  const existing = await db.attendance.findUnique({
    where: { meetingId_membershipId: { meetingId, membershipId } },
  });
  if (!existing || existing.status !== "PRESENT")
    return { ok: false as const, error: "memberUnknown" as const };
  return { ok: true as const, meeting, existing };
}

export async function setDeparture(
  actor: Actor,
  { meetingId, membershipId, leftAt }: { meetingId: string; membershipId: string; leftAt: Date | null },
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const present = await presentLine(actor, { meetingId, membershipId });
  if (!present.ok) return { ok: false, error: present.error };
  const { meeting, existing } = present;
  const departure =
    leftAt && existing.arrivedAt && leftAt <= existing.arrivedAt
      ? new Date(existing.arrivedAt.getTime() + 60_000)
      : leftAt;
  await db.$transaction(async (tx) => {
    await tx.attendance.update({ where: { id: existing.id }, data: { leftAt: departure } });
    await auditAttendance(tx, actor, {
      meeting,
      before: { membershipId, leftAt: existing.leftAt },
      after: { membershipId, leftAt: departure },
    });
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
    await auditAttendance(tx, actor, { meeting, before: null, after: guest });
  });
  // Invitations already out: the guest gets theirs, with the .ics.
  if (guest.membershipId) await inviteGuest(actor, meetingId, guest.membershipId);
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
    await auditAttendance(tx, actor, {
      meeting: line.meeting,
      before: { guest: line.guestName ?? line.membershipId },
      after: null,
    });
  });
  return { ok: true, data: null };
}

// Times typed by hand ("19:45"), on the meeting's day: for attendance taken after the fact,
// or a late arrival noted afterwards. Departure empty means still there.
export async function setAttendanceTimes(
  actor: Actor,
  {
    meetingId,
    membershipId,
    arrived,
    left,
  }: { meetingId: string; membershipId: string; arrived: string; left: string | null },
): Promise<MeetingResult> {
  authorize(actor, "meeting.manage");
  const present = await presentLine(actor, { meetingId, membershipId });
  if (!present.ok) return { ok: false, error: present.error };
  const { meeting, existing } = present;
  const day = instantToLocalInput(meeting.startsAt).slice(0, 10);
  const arrivedAt = localInputToInstant(`${day}T${arrived}`);
  const leftAt = left ? localInputToInstant(`${day}T${left}`) : null;
  if (!arrivedAt || (left && !leftAt) || (leftAt && leftAt <= arrivedAt))
    return { ok: false, error: "timesInvalid" };
  await db.$transaction(async (tx) => {
    await tx.attendance.update({ where: { id: existing.id }, data: { arrivedAt, leftAt } });
    await auditAttendance(tx, actor, {
      meeting,
      before: { membershipId, arrivedAt: existing.arrivedAt, leftAt: existing.leftAt },
      after: { membershipId, arrivedAt, leftAt },
    });
  });
  return { ok: true, data: null };
}
