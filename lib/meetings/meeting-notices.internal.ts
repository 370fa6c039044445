import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { TIME_ZONE } from "@/lib/dates";
import { dateTimeFormat } from "@/lib/intl";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { meetingIcs, type CalendarMeeting } from "@/lib/meetings/calendar";
import { scheduleMeetingReminder } from "@/lib/jobs/queue";
import { shownName } from "@/lib/members/names";
import type { Locale } from "@/lib/i18n/config";
import { intlLocale, localeOf, mailTranslator } from "@/lib/i18n/translator";

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
// The words around the cooperative's data, from the message files: French by default (the
// minutes are French); an e-mail, a download or a feed passes its reader's.
export type MeetingWords = {
  presentedBy: (name: string) => string;
  minutes: (count: number) => string;
  title: (body: string, number: number) => string;
  agenda: string;
  video: (url: string) => string;
};

export function meetingWords(locale: Locale): MeetingWords {
  const t = mailTranslator(locale);
  return {
    presentedBy: (name) => t("meeting.presentedBy", { name }),
    minutes: (count) => t("meeting.minutes", { count }),
    title: (body, number) => t("meeting.title", { body, number: String(number) }),
    agenda: t("meeting.agenda"),
    video: (url) => t("meeting.video", { url }),
  };
}
const FRENCH: MeetingWords = meetingWords("fr");

export function agendaLine(
  item: {
    title: string;
    presenterName?: string | null;
    presenter?: { displayName: string | null; person: { name: string } } | null;
    durationMinutes: number | null;
    description: string | null;
  },
  words: Pick<MeetingWords, "presentedBy" | "minutes"> = FRENCH,
): string {
  const presenter = item.presenter ? shownName(item.presenter) : (item.presenterName ?? null);
  const notes = [
    presenter ? words.presentedBy(presenter) : "",
    item.durationMinutes ? words.minutes(item.durationMinutes) : "",
  ]
    .filter(Boolean)
    .join(", ");
  const description = item.description?.trim();
  return `${item.title}${notes ? ` (${notes})` : ""}${description ? `\n   ${description.replace(/\n/g, "\n   ")}` : ""}`;
}

export function calendarMeeting(meeting: LoadedMeeting, words: MeetingWords = FRENCH): CalendarMeeting {
  return {
    id: meeting.id,
    title: words.title(meeting.body.name, meeting.number),
    words: { agenda: words.agenda, video: words.video },
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    videoUrl: meeting.videoUrl,
    cancelled: meeting.status === "CANCELLED",
    sequence: meeting.icsSequence,
    agenda: meeting.agendaItems.map((item) => agendaLine(item, words)),
    agendaMinutes: meeting.agendaItems.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0),
    url: `${siteUrl()}/reunions/${meeting.body.slug}/${meeting.number}`,
  };
}

function when(date: Date, locale: Locale = "fr") {
  return dateTimeFormat(intlLocale(locale), {
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
// never « demain » for a meeting of the same day. In the reader's language.
export function relativeDay(date: Date, now = new Date(), locale: Locale = "fr"): string {
  const t = mailTranslator(locale);
  const day = (d: Date) => dateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(d);
  const today = day(now);
  const tomorrow = day(new Date(now.getTime() + 86_400_000));
  if (day(date) === today) return t("meeting.today");
  if (day(date) === tomorrow) return t("meeting.tomorrow");
  return t("meeting.onDay", {
    day: dateTimeFormat(intlLocale(locale), {
      timeZone: TIME_ZONE,
      weekday: "long",
      day: "numeric",
      month: "long",
    }).format(date),
  });
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
  // Each in their own language (the person's, as chosen in the portal): words, dates, the .ics.
  const localeRows = await db.membership.findMany({
    where: { id: { in: members.map((m) => m.membershipId) } },
    select: { id: true, person: { select: { locale: true } } },
  });
  const localeOfMember = new Map(localeRows.map((r) => [r.id, localeOf(r.person.locale)]));
  const method = notice === "cancellation" ? "CANCEL" : "REQUEST";
  const byLocale = new Map<Locale, { cal: CalendarMeeting; ics: string }>();
  const inLocale = (locale: Locale) => {
    if (!byLocale.has(locale)) {
      const cal = calendarMeeting(meeting, meetingWords(locale));
      byLocale.set(locale, { cal, ics: meetingIcs(cal, organizer, method) });
    }
    return byLocale.get(locale)!;
  };
  const excused = new Set(meeting.attendances.filter((a) => a.rsvp === "EXCUSED").map((a) => a.membershipId));
  const cooperative = meeting.cooperative.shortName ?? meeting.cooperative.name;
  let sent = 0;
  for (const member of members) {
    if (!member.email) continue;
    if (notice === "reminder" && excused.has(member.membershipId)) continue;
    const locale = localeOfMember.get(member.membershipId) ?? "fr";
    const t = mailTranslator(locale);
    const { cal, ics } = inLocale(locale);
    const at = { meeting: cal.title, when: when(meeting.startsAt, locale) };
    const lines = [
      t("meeting.hello", { name: member.name }),
      "",
      notice === "cancellation"
        ? t("meeting.cancelled", at)
        : notice === "update"
          ? t("meeting.moved", at)
          : notice === "reminder"
            ? t("meeting.reminder", { ...at, day: relativeDay(meeting.startsAt, now, locale) })
            : guestSet.has(member.membershipId)
              ? t("meeting.guest", at)
              : t("meeting.convened", at),
      meeting.place ? t("meeting.place", { place: meeting.place }) : "",
      meeting.videoUrl ? t("meeting.video", { url: meeting.videoUrl }) : "",
      "",
      ...(notice === "cancellation"
        ? []
        : [t("meeting.agenda"), ...cal.agenda.map((item, i) => `${i + 1}. ${item}`), ""]),
      notice === "cancellation" ? "" : t("meeting.answer", { url: cal.url }),
      "",
      t("meeting.ics"),
    ];
    await sendEmail({
      cooperativeId: meeting.cooperativeId,
      to: member.email,
      subject: t(`meeting.subject.${notice}`, {
        meeting: cal.title,
        cooperative,
        day: relativeDay(meeting.startsAt, now, locale),
      }),
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
