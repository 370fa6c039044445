import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { sitsIn } from "@/lib/meetings/body-members";
import { meetingIcs, type CalendarMeeting } from "@/lib/meetings/calendar";
import { scheduleMeetingReminder } from "@/lib/jobs/queue";
import { ownMeeting } from "@/lib/meetings/meeting-access.internal";
import {
  calendarMeeting,
  loadMeeting,
  meetingWords,
  notify,
  organizerOf,
} from "@/lib/meetings/meeting-notices.internal";
import { localeOf, mailTranslator } from "@/lib/i18n/translator";
import type { MeetingResult } from "@/lib/meetings/service";
import { keyedToken, tokenId, tokenMatches } from "@/lib/links/keyed-token";

// Invitations to a meeting and the members' answers, and the meetings in calendars (one
// meeting's .ics, a member's feed).

export async function sendInvitations(
  actor: Actor,
  meetingId: string,
): Promise<Result<number, "notFound" | "closed">> {
  authorize(actor, "meeting.manage");
  const meeting = await loadMeeting(meetingId);
  if (!meeting || meeting.cooperativeId !== actor.cooperativeId) return { ok: false, error: "notFound" };
  if (meeting.status !== "PLANNED" && meeting.status !== "INVITED") return { ok: false, error: "closed" };
  const sent = await notify(meeting, "invitation", { organizer: organizerOf(actor) });
  await db.$transaction(async (tx) => {
    if (meeting.status === "PLANNED")
      await tx.meeting.update({ where: { id: meetingId }, data: { status: "INVITED" } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "meeting.invited",
      entityType: "Meeting",
      entityId: meetingId,
      after: { sent },
    });
  });
  await scheduleMeetingReminder({
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
    sequence: meeting.icsSequence,
  });
  return { ok: true, data: sent };
}

// A member of the body says in advance whether they will come; the coordinator sees it on the
// attendance sheet. It is an answer, not the attendance itself.
export async function answerInvitation(
  actor: Actor,
  { meetingId, answer, note }: { meetingId: string; answer: "PRESENT" | "EXCUSED"; note: string | null },
): Promise<MeetingResult> {
  authorize(actor, "meeting.read");
  const meeting = await ownMeeting(actor, meetingId);
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.status !== "PLANNED" && meeting.status !== "INVITED") return { ok: false, error: "closed" };
  if (!(await sitsIn(meeting.body, { membershipId: actor.membershipId, at: meeting.startsAt })))
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

// This member's answer so far, while the meeting is still to come and they sit in its body: the
// meeting and their own line in one read, the seat only for a meeting to come.
export async function myInvitation(actor: Actor, meetingId: string) {
  authorize(actor, "meeting.read");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId, status: { in: ["PLANNED", "INVITED"] } },
    select: {
      startsAt: true,
      body: { select: { id: true, kind: true, cooperativeId: true } },
      attendances: { where: { membershipId: actor.membershipId }, select: { rsvp: true, rsvpNote: true } },
    },
  });
  if (!meeting) return null;
  if (!(await sitsIn(meeting.body, { membershipId: actor.membershipId, at: meeting.startsAt }))) return null;
  const line = meeting.attendances[0];
  return { answer: line?.rsvp ?? null, note: line?.rsvpNote ?? null };
}

export async function meetingIcsFor(
  actor: Actor,
  bodySlug: string,
  number: number,
): Promise<{ filename: string; ics: string } | null> {
  authorize(actor, "meeting.read");
  const found = await db.meeting.findFirst({
    where: {
      cooperativeId: actor.cooperativeId,
      number,
      body: { slug: bodySlug, cooperativeId: actor.cooperativeId },
    },
    select: { id: true },
  });
  const meeting = found ? await loadMeeting(found.id) : null;
  if (!meeting) return null;
  return {
    filename: `reunion-${bodySlug}-${number}.ics`,
    ics: meetingIcs(calendarMeeting(meeting, meetingWords(localeOf(actor.locale))), null, "PUBLISH"),
  };
}

// A member's calendar feed, reached by its secret token alone (calendar programs send no
// session): the meetings of the bodies they sit in, and the assemblies for an associé·e.
export async function feedForToken(
  token: string,
): Promise<{ name: string; meetings: CalendarMeeting[] } | null> {
  const id = tokenId(token);
  const membership = id
    ? await db.membership.findUnique({
        where: { id },
        include: { person: true, cooperative: true, mandates: true },
      })
    : null;
  if (!membership || membership.status !== "ACTIVE") return null;
  if (!tokenMatches("calendar", token, { id: membership.id, seed: membership.calendarSeed })) return null;
  const meetings = await db.meeting.findMany({
    where: {
      cooperativeId: membership.cooperativeId,
      OR: [
        { bodyId: { in: membership.mandates.map((m) => m.bodyId) } },
        ...(membership.kind === "ASSOCIATE" ? [{ body: { kind: "GENERAL_ASSEMBLY" as const } }] : []),
      ],
      startsAt: { gte: new Date(Date.now() - 365 * 24 * 60 * 60 * 1000) },
    },
    include: {
      body: true,
      cooperative: true,
      agendaItems: {
        orderBy: { position: "asc" },
        include: { presenter: { select: { displayName: true, person: { select: { name: true } } } } },
      },
      attendances: true,
    },
    orderBy: { startsAt: "asc" },
  });
  // A seat counts only for the meetings held while it was current.
  const seated = meetings.filter(
    (m) =>
      m.body.kind === "GENERAL_ASSEMBLY" ||
      membership.mandates.some(
        (x) => x.bodyId === m.bodyId && x.startsOn <= m.startsAt && (!x.endsOn || x.endsOn > m.startsAt),
      ),
  );
  // In the member's own language, as their e-mails are.
  const locale = localeOf(membership.person.locale);
  const words = meetingWords(locale);
  return {
    name: mailTranslator(locale)("meeting.feed", {
      cooperative: membership.cooperative.shortName ?? membership.cooperative.name,
    }),
    meetings: seated.map((m) => calendarMeeting(m, words)),
  };
}

export async function calendarTokenOf(actor: Actor): Promise<string> {
  authorize(actor, "home.view");
  const membership = await db.membership.findUniqueOrThrow({
    where: { id: actor.membershipId },
    select: { id: true, calendarSeed: true },
  });
  return keyedToken("calendar", { id: membership.id, seed: membership.calendarSeed });
}
