import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { TIME_ZONE } from "@/lib/dates";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { meetingIcs, type CalendarMeeting } from "@/lib/meetings/calendar";
import { scheduleMeetingReminder } from "@/lib/jobs/queue";
import { shownName } from "@/lib/members/names";

// Internal to the server: no right is checked here. The e-mails about a meeting, sent by
// services that have checked the actor's right already (invitations.ts, service.ts when a
// date changes or a meeting is cancelled) and by the job worker (the reminder); never by a
// page or an action.

export type Notice = "invitation" | "update" | "cancellation" | "reminder";

export async function loadMeeting(meetingId: string) {
  return db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      body: true,
      cooperative: true,
      agendaItems: {
        orderBy: { position: "asc" },
        include: { presenter: { select: { displayName: true, person: { select: { name: true } } } } },
      },
      attendances: true,
    },
  });
}
export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

// One agenda item as the e-mail, the .ics and the minutes say it: its title, who presents it and
// for how long, then its « précisions ».
export function agendaLine(item: {
  title: string;
  presenterName?: string | null;
  presenter?: { displayName: string | null; person: { name: string } } | null;
  durationMinutes: number | null;
  description: string | null;
}): string {
  const presenter = item.presenter ? shownName(item.presenter) : (item.presenterName ?? null);
  const notes = [
    presenter ? `présenté par ${presenter}` : "",
    item.durationMinutes ? `${item.durationMinutes} min` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const description = item.description?.trim();
  return `${item.title}${notes ? ` (${notes})` : ""}${description ? `\n   ${description.replace(/\n/g, "\n   ")}` : ""}`;
}

export function calendarMeeting(meeting: LoadedMeeting): CalendarMeeting {
  return {
    id: meeting.id,
    title: `${meeting.body.name} n° ${meeting.number}`,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    videoUrl: meeting.videoUrl,
    cancelled: meeting.status === "CANCELLED",
    sequence: meeting.icsSequence,
    agenda: meeting.agendaItems.map(agendaLine),
    agendaMinutes: meeting.agendaItems.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0),
    url: `${siteUrl()}/reunions/${meeting.body.slug}/${meeting.number}`,
  };
}

const SUBJECT: Record<Notice, string> = {
  invitation: "Convocation",
  update: "Changement",
  cancellation: "Annulation",
  reminder: "Rappel",
};

function when(date: Date) {
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

// « aujourd'hui », « demain », or the day, as the calendar of the cooperative's time zone says:
// never « demain » for a meeting of the same day.
export function relativeDay(date: Date, now = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(d);
  const today = day(now);
  const tomorrow = day(new Date(now.getTime() + 86_400_000));
  if (day(date) === today) return "aujourd'hui";
  if (day(date) === tomorrow) return "demain";
  return `le ${new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long" }).format(date)}`;
}

// One e-mail per member of the body with an address, with the .ics (REQUEST, or CANCEL).
export async function notify(
  meeting: LoadedMeeting,
  notice: Notice,
  {
    organizer,
    now = new Date(),
    only = null,
  }: { organizer: { name: string; email: string } | null; now?: Date; only?: string | null },
) {
  // The body's members, and the meeting's guests who have an account (an incoming director):
  // they get the invitation and its changes too, and open that meeting (lib/meetings/guests.ts).
  const seated = await bodyMembersOn(meeting.body, meeting.startsAt);
  const guestIds = meeting.attendances
    .filter(
      (a) => a.status === "GUEST" && a.membershipId && !seated.some((m) => m.membershipId === a.membershipId),
    )
    .map((a) => a.membershipId!);
  const guests = guestIds.length
    ? await db.membership.findMany({
        where: { id: { in: guestIds }, status: "ACTIVE" },
        select: { id: true, displayName: true, person: { select: { name: true, email: true } } },
      })
    : [];
  const guestSet = new Set(guests.map((g) => g.id));
  const members = [
    ...seated,
    ...guests.map((g) => ({ membershipId: g.id, name: shownName(g), email: g.person.email })),
  ].filter((m) => only === null || m.membershipId === only);
  const cal = calendarMeeting(meeting);
  const method = notice === "cancellation" ? "CANCEL" : "REQUEST";
  const ics = meetingIcs(cal, organizer, method);
  const excused = new Set(meeting.attendances.filter((a) => a.rsvp === "EXCUSED").map((a) => a.membershipId));
  let sent = 0;
  for (const member of members) {
    if (!member.email) continue;
    if (notice === "reminder" && excused.has(member.membershipId)) continue;
    const lines = [
      `Bonjour ${member.name},`,
      "",
      notice === "cancellation"
        ? `La réunion ${cal.title} prévue le ${when(meeting.startsAt)} est annulée.`
        : notice === "update"
          ? `La réunion ${cal.title} a changé : elle aura lieu le ${when(meeting.startsAt)}.`
          : notice === "reminder"
            ? `Rappel : la réunion ${cal.title} a lieu ${relativeDay(meeting.startsAt, now)}, ${when(meeting.startsAt)}.`
            : guestSet.has(member.membershipId)
              ? `Vous êtes invité·e à la réunion ${cal.title}, le ${when(meeting.startsAt)}.`
              : `Vous êtes convoqué·e à la réunion ${cal.title}, le ${when(meeting.startsAt)}.`,
      meeting.place ? `Lieu : ${meeting.place}` : "",
      meeting.videoUrl ? `Visioconférence : ${meeting.videoUrl}` : "",
      "",
      ...(notice === "cancellation"
        ? []
        : ["Ordre du jour :", ...cal.agenda.map((item, i) => `${i + 1}. ${item}`), ""]),
      notice === "cancellation" ? "" : `Dites si vous serez présent·e ou excusé·e : ${cal.url}`,
      "",
      "Le fichier joint (.ics) ajoute la réunion à votre agenda.",
    ];
    await sendEmail({
      cooperativeId: meeting.cooperativeId,
      to: member.email,
      subject: `${notice === "reminder" ? `Rappel : ${relativeDay(meeting.startsAt, now)}` : SUBJECT[notice]} – ${cal.title} – ${meeting.cooperative.shortName ?? meeting.cooperative.name}`,
      text: lines.filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n"),
      attachments: [
        {
          filename: `reunion-${meeting.body.slug}-${meeting.number}.ics`,
          contentType: `text/calendar; charset=utf-8; method=${method}`,
          content: ics,
        },
      ],
    });
    sent++;
  }
  return sent;
}

export function organizerOf(actor: Actor) {
  return actor.email ? { name: actor.name, email: actor.email } : null;
}

// After a new date, or a cancellation, of a meeting whose invitation went out.
export async function sendChangeNotice(actor: Actor, meetingId: string, notice: "update" | "cancellation") {
  const meeting = await loadMeeting(meetingId);
  if (!meeting || meeting.cooperativeId !== actor.cooperativeId) return 0;
  const sent = await notify(meeting, notice, { organizer: organizerOf(actor) });
  if (notice === "update")
    await scheduleMeetingReminder({
      meetingId: meeting.id,
      startsAt: meeting.startsAt,
      sequence: meeting.icsSequence,
    });
  return sent;
}

// Run by the worker the day before; a reminder queued for an older date, or for a meeting no
// longer invited, does nothing.
// Once per meeting: the first job to claim it sends it (reminderSentAt), for the date it is
// still at, before it starts.
export async function sendReminder(meetingId: string, sequence: number, now = new Date()): Promise<number> {
  const { count } = await db.meeting.updateMany({
    where: {
      id: meetingId,
      status: "INVITED",
      icsSequence: sequence,
      reminderSentAt: null,
      startsAt: { gt: now },
    },
    data: { reminderSentAt: now },
  });
  if (count === 0) return 0;
  const meeting = await loadMeeting(meetingId);
  return meeting ? notify(meeting, "reminder", { organizer: null, now }) : 0;
}

// A guest added once the invitations are out gets theirs alone.
export async function inviteGuest(actor: Actor, meetingId: string, membershipId: string) {
  const meeting = await loadMeeting(meetingId);
  if (!meeting || meeting.cooperativeId !== actor.cooperativeId || meeting.status !== "INVITED") return 0;
  return notify(meeting, "invitation", { organizer: organizerOf(actor), only: membershipId });
}
