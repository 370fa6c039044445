import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { categoryOn, previousCategory, spansOf } from "@/lib/members/category-history";
import { summarizeAttendance, type AttendanceSummary } from "@/lib/meetings/attendance-summary";
import type { AgendaItemKind, MeetingStatus } from "@/lib/generated/prisma/enums";

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
  agenda: { id: string; position: number; kind: AgendaItemKind; title: string; presenter: string | null; durationMinutes: number | null }[];
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

function toListItem(m: { id: string; number: number; startsAt: Date; place: string | null; status: MeetingStatus; body: { name: string; slug: string } }): MeetingListItem {
  return { id: m.id, bodyName: m.body.name, bodySlug: m.body.slug, number: m.number, startsAt: m.startsAt, place: m.place, status: m.status };
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

export async function getMeeting(actor: Actor, bodySlug: string, number: number): Promise<MeetingDetail | null> {
  authorize(actor, "meeting.read");
  const meeting = await db.meeting.findFirst({
    where: { cooperativeId: actor.cooperativeId, number, body: { slug: bodySlug, cooperativeId: actor.cooperativeId } },
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
    })),
    attendance: summarizeAttendance(lines, colleges.map((c) => c.name)),
  };
}
