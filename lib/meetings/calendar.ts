// Calendar files (.ics) for meetings: the invitation, its updates and cancellation, and each
// member's feed. Built with the ics library; nothing here reads the database.
import { createEvents, type EventAttributes } from "ics";

export type CalendarMeeting = {
  id: string;
  title: string; // "Conseil coopératif n° 4"
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  videoUrl: string | null;
  cancelled: boolean;
  sequence: number;
  agenda: string[];
  url: string;
};

const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

function event(meeting: CalendarMeeting, organizer: { name: string; email: string } | null): EventAttributes {
  const description = [
    meeting.agenda.length ? "Ordre du jour :" : "",
    ...meeting.agenda.map((item, i) => `${i + 1}. ${item}`),
    "",
    meeting.videoUrl ? `Visioconférence : ${meeting.videoUrl}` : "",
    meeting.url,
  ]
    .filter((line, i, all) => line !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n")
    .trim();
  return {
    uid: `${meeting.id}@portail-scic`,
    sequence: meeting.sequence,
    title: meeting.title,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: (meeting.endsAt ?? new Date(meeting.startsAt.getTime() + DEFAULT_DURATION_MS)).getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: meeting.place ?? meeting.videoUrl ?? undefined,
    description,
    url: meeting.url,
    status: meeting.cancelled ? "CANCELLED" : "CONFIRMED",
    ...(organizer ? { organizer } : {}),
    productId: "portail-scic",
  };
}

function build(
  events: EventAttributes[],
  method: "REQUEST" | "CANCEL" | "PUBLISH",
  calName?: string,
): string {
  const { error, value } = createEvents(events, { method, productId: "portail-scic", calName });
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

// One meeting, as an e-mail attachment (REQUEST, or CANCEL once cancelled) or a download.
export function meetingIcs(
  meeting: CalendarMeeting,
  organizer: { name: string; email: string } | null,
  method: "REQUEST" | "CANCEL" | "PUBLISH",
): string {
  return build([event(meeting, organizer)], method);
}

// A member's feed: every meeting of the bodies they sit in.
export function feedIcs(meetings: CalendarMeeting[], calName: string): string {
  if (meetings.length === 0) {
    // The library refuses an empty list; an empty calendar is still a valid answer.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:portail-scic",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${calName}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  return build(
    meetings.map((m) => event(m, null)),
    "PUBLISH",
    calName,
  );
}
