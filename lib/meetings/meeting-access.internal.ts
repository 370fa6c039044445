import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { MeetingStatus } from "@/lib/generated/prisma/enums";

// Internal to the server: no right is checked here. Shared by the meeting services
// (service.ts, agenda.ts, attendance.ts, invitations.ts), which check the actor's right first;
// never imported by a page or an action.

// What a list of meetings shows; the services type it as MeetingListItem (lib/meetings/service.ts).
export const listSelect = {
  id: true,
  number: true,
  startsAt: true,
  place: true,
  status: true,
  body: { select: { name: true, slug: true } },
} as const;

export function toListItem(m: {
  id: string;
  number: number;
  startsAt: Date;
  place: string | null;
  status: MeetingStatus;
  body: { name: string; slug: string };
}) {
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

// The meeting, only if it belongs to the actor's cooperative.
export async function ownMeeting(actor: Actor, meetingId: string) {
  return db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: { body: true },
  });
}
