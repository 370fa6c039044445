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
  // Words said before the agenda (an event's description).
  description?: string;
  // The agenda's durations added up, in minutes (0 when none is given).
  agendaMinutes?: number;
  url: string;
  // The labels of the description, in the reader's language (French when not given).
  words?: { agenda: string; video: (url: string) => string };
};

const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

// When the meeting ends: its set end, else when its agenda does, else two hours after the start.
export function endOf(meeting: Pick<CalendarMeeting, "startsAt" | "endsAt" | "agendaMinutes">): Date {
  if (meeting.endsAt) return meeting.endsAt;
  const minutes = meeting.agendaMinutes ?? 0;
  return new Date(meeting.startsAt.getTime() + (minutes > 0 ? minutes * 60_000 : DEFAULT_DURATION_MS));
}

// RFC 5545 §3.1: content lines longer than 75 octets are folded (CRLF then one space), never
// inside a UTF-8 character. The library folds by characters; accented names and « » make
// lines of more than 75 octets, which strict calendar programs refuse.
export function foldIcs(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const folded = unfolded.map((line) => {
    if (Buffer.byteLength(line, "utf8") <= 75) return line;
    const parts: string[] = [];
    let current = "";
    let size = 0;
    let limit = 75;
    for (const char of line) {
      const bytes = Buffer.byteLength(char, "utf8");
      if (size + bytes > limit) {
        parts.push(current);
        current = "";
        size = 0;
        limit = 74; // the leading space of a continuation line counts
      }
      current += char;
      size += bytes;
    }
    parts.push(current);
    return parts.join("\r\n ");
  });
  return folded.join("\r\n");
}

function event(meeting: CalendarMeeting, organizer: { name: string; email: string } | null): EventAttributes {
  const words = meeting.words ?? {
    agenda: "Ordre du jour :",
    video: (url: string) => `Visioconférence : ${url}`,
  };
  const description = [
    meeting.description ?? "",
    "",
    meeting.agenda.length ? words.agenda : "",
    ...meeting.agenda.map((item, i) => `${i + 1}. ${item}`),
    "",
    meeting.videoUrl ? words.video(meeting.videoUrl) : "",
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
    end: endOf(meeting).getTime(),
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
  return foldIcs(value);
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
