import "server-only";
import { db, readRows } from "@/lib/db";
import { cached } from "@/lib/cache";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isGuestAt } from "@/lib/meetings/guests";
import { categoryOn, previousCategory, spansOf } from "@/lib/members/category-history";
import { summarizeAttendance, type AttendanceSummary } from "@/lib/meetings/attendance-summary";
import { ensureIdeaBoxItem } from "@/lib/ideas/idea-box.internal";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { sendChangeNotice } from "@/lib/meetings/meeting-notices.internal";
import { listSelect, ownMeeting, toListItem } from "@/lib/meetings/meeting-access.internal";
import type { MeetingInput, NewMeetingInput } from "@/lib/meetings/schema";
import type {
  AgendaItemKind,
  AttendanceStatus,
  MeetingStatus,
  MinutesStatus,
} from "@/lib/generated/prisma/enums";
import { parseDateKey, TIME_ZONE } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetingDocument } from "@/lib/meetings/documents";

// The meetings themselves. Their agenda is in agenda.ts, their attendance sheet in
// attendance.ts, the invitations and the members' answers in invitations.ts.

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
  assemblyType: "ORDINARY" | "EXTRAORDINARY" | null;
  agenda: {
    id: string;
    position: number;
    kind: AgendaItemKind;
    title: string;
    presenter: string | null;
    durationMinutes: number | null;
    // The item's « précisions », as typed in the preparation.
    description: string | null;
    ideaBox: boolean;
  }[];
  attendance: AttendanceSummary;
  // Its documents, for a member (a guest of the meeting gets none), in the order they came.
  documents: MeetingDocument[];
  // Where its minutes stand (null: none yet); lib/minutes/service.ts says who may open them.
  minutesStatus: MinutesStatus | null;
};

export async function listMeetings(actor: Actor): Promise<MeetingListItem[]> {
  authorize(actor, "meeting.read");
  const meetings = await db.meeting.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { startsAt: "desc" },
    select: listSelect,
  });
  return meetings.map(toListItem);
}

// The cooperative's categories, in their order, by name (the attendance's colleges).
async function collegeNames(cooperativeId: string): Promise<{ name: string }[]> {
  const names = await cached("colleges", cooperativeId, () =>
    db.category.findMany({ where: { cooperativeId }, orderBy: { position: "asc" }, select: { name: true } }),
  );
  return names ?? [];
}

export async function getMeeting(
  actor: Actor,
  bodySlug: string,
  number: number,
): Promise<MeetingDetail | null> {
  // A guest of this meeting reads it too (lib/meetings/guests.ts).
  if (!can(actor.roles, "meeting.read") && !(await isGuestAt(actor, bodySlug, number)))
    throw new ForbiddenError("meeting.read");
  // The colleges' names do not change from one request to the next (lib/cache.ts), and are read
  // beside the meeting rather than after it. The meeting, its agenda and its attendance sheet
  // (each line's categories, and whether it chairs the body on that day) are one statement of
  // plain SQL: Prisma compiled this nested read anew on every page (README, Benchmarks), straight
  // on the pool (lib/db.ts, readRows). Its documents and its minutes' status come with it (each a
  // round trip of its own before).
  const documents = can(actor.roles, "meeting.read")
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object(
                           'id', d.id, 'filename', d.filename, 'sizeBytes', d."sizeBytes",
                           'agendaItemId', d."agendaItemId") ORDER BY d."createdAt", d.id), '[]')
                    FROM "Document" d
                   WHERE d."meetingId" = m.id AND d."cooperativeId" = m."cooperativeId")`
    : Prisma.sql`'[]'::json`;
  const [[meeting], colleges] = await Promise.all([
    readRows<MeetingRow>(Prisma.sql`
      SELECT m.id, m.number, m."startsAt" AT TIME ZONE 'UTC' AS "startsAt", m.place, m.status::text AS status, m."videoUrl",
             m."assemblyType"::text AS "assemblyType", b.name AS "bodyName", b.slug AS "bodySlug",
             (SELECT coalesce(json_agg(json_build_object(
                       'id', a.id, 'position', a.position, 'kind', a.kind, 'title', a.title,
                       'presenter', COALESCE(pm."displayName", pp.name, a."presenterName"),
                       'durationMinutes', a."durationMinutes", 'description', a.description,
                       'ideaBox', a."ideaBox") ORDER BY a.position), '[]')
                FROM "AgendaItem" a
                LEFT JOIN "Membership" pm ON pm.id = a."presenterId"
                LEFT JOIN "Person" pp ON pp.id = pm."personId"
               WHERE a."meetingId" = m.id) AS agenda,
             (SELECT coalesce(json_agg(json_build_object(
                       'status', at.status, 'guestName', at."guestName", 'guestRole', at."guestRole",
                       'member', ms.id IS NOT NULL, 'name', COALESCE(ms."displayName", ps.name),
                       'title', ms.title,
                       'categories', (SELECT coalesce(json_agg(json_build_object(
                                               'categoryId', ca."categoryId", 'name', c.name,
                                               'validFrom', ca."validFrom", 'validTo', ca."validTo")), '[]')
                                        FROM "CategoryAssignment" ca JOIN "Category" c ON c.id = ca."categoryId"
                                       WHERE ca."membershipId" = ms.id),
                       'isPresident', EXISTS (
                         SELECT 1 FROM "Mandate" md
                          WHERE md."membershipId" = ms.id AND md."bodyId" = m."bodyId" AND md.role = 'PRESIDENT'
                            AND md."startsOn" <= (m."startsAt" AT TIME ZONE 'UTC' AT TIME ZONE ${TIME_ZONE})::date
                            AND (md."endsOn" IS NULL OR md."endsOn" > (m."startsAt" AT TIME ZONE 'UTC' AT TIME ZONE ${TIME_ZONE})::date)))), '[]')
                FROM "Attendance" at
                LEFT JOIN "Membership" ms ON ms.id = at."membershipId"
                LEFT JOIN "Person" ps ON ps.id = ms."personId"
               WHERE at."meetingId" = m.id) AS attendances,
             ${documents} AS documents,
             (SELECT mi.status::text FROM "Minutes" mi
               WHERE mi."meetingId" = m.id AND mi."cooperativeId" = m."cooperativeId") AS "minutesStatus"
        FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId"
       WHERE m."cooperativeId" = ${actor.cooperativeId} AND m.number = ${number}
         AND b.slug = ${bodySlug} AND b."cooperativeId" = ${actor.cooperativeId}`),
    collegeNames(actor.cooperativeId),
  ]);
  if (!meeting) return null;

  const lines = meeting.attendances.map((a) => {
    // JSON carries the calendar days as text: back to the dates the category history reads.
    const spans = spansOf(
      a.categories.map((c) => ({
        categoryId: c.categoryId,
        category: { name: c.name },
        validFrom: parseDateKey(c.validFrom),
        validTo: c.validTo === null ? null : parseDateKey(c.validTo),
      })),
    );
    return {
      name: a.member ? (a.name ?? "") : (a.guestName ?? ""),
      status: a.status,
      category: categoryOn(spans, meeting.startsAt)?.categoryName ?? null,
      formerCategory: previousCategory(spans, meeting.startsAt)?.categoryName ?? null,
      isPresident: a.isPresident,
      guestRole: a.guestRole ?? a.title ?? null,
    };
  });

  return {
    id: meeting.id,
    bodyName: meeting.bodyName,
    bodySlug: meeting.bodySlug,
    number: meeting.number,
    startsAt: meeting.startsAt,
    place: meeting.place,
    status: meeting.status,
    videoUrl: meeting.videoUrl,
    assemblyType: meeting.assemblyType,
    agenda: meeting.agenda,
    attendance: summarizeAttendance(
      lines,
      colleges.map((c) => c.name),
    ),
    documents: meeting.documents,
    minutesStatus: meeting.minutesStatus,
  };
}

type MeetingRow = MeetingListItem & {
  documents: MeetingDocument[];
  minutesStatus: MinutesStatus | null;
  videoUrl: string | null;
  assemblyType: "ORDINARY" | "EXTRAORDINARY" | null;
  agenda: MeetingDetail["agenda"];
  attendances: {
    status: AttendanceStatus | null;
    guestName: string | null;
    guestRole: string | null;
    member: boolean;
    name: string | null;
    title: string | null;
    categories: { categoryId: string; name: string; validFrom: string; validTo: string | null }[];
    isPresident: boolean;
  }[];
};

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
export type MeetingResult<T = null> = Result<T, MeetingFailure>;

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
            assemblyType: body.kind === "GENERAL_ASSEMBLY" ? (input.assemblyType ?? "ORDINARY") : null,
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
        ...(meeting.assemblyType && input.assemblyType ? { assemblyType: input.assemblyType } : {}),
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
        include: { presenter: { select: { displayName: true, person: { select: { name: true } } } } },
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
