import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

// A guest of a meeting (an incoming director, a partner): someone of the cooperative without a
// seat, put on that meeting's attendance as a guest. They open that meeting and, once published,
// its minutes; nothing else (the rights table gives a guest no meeting).
export async function isGuestOf(actor: Actor, meetingId: string): Promise<boolean> {
  const line = await db.attendance.findFirst({
    where: {
      meetingId,
      membershipId: actor.membershipId,
      status: "GUEST",
      cooperativeId: actor.cooperativeId,
    },
    select: { id: true },
  });
  return line !== null;
}

// The same, from a meeting's address (body and number).
export async function isGuestAt(actor: Actor, bodySlug: string, number: number): Promise<boolean> {
  const meeting = await db.meeting.findFirst({
    where: {
      cooperativeId: actor.cooperativeId,
      number,
      body: { slug: bodySlug, cooperativeId: actor.cooperativeId },
    },
    select: { id: true },
  });
  return meeting ? isGuestOf(actor, meeting.id) : false;
}
