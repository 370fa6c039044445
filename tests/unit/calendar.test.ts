import { describe, expect, it } from "vitest";
import { feedIcs, meetingIcs, type CalendarMeeting } from "@/lib/meetings/calendar";

const meeting: CalendarMeeting = {
  id: "m4",
  title: "Conseil coopératif n° 4",
  startsAt: new Date("2026-12-17T18:30:00Z"),
  endsAt: null,
  place: "Centre de santé, 17 rue des Tilleuls",
  videoUrl: null,
  cancelled: false,
  sequence: 0,
  agenda: ["Approbation du compte rendu n° 3", "Rapport d'activité"],
  url: "http://localhost:3000/reunions/conseil/4",
};
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("calendar files", () => {
  it("describes the meeting as an invitation a calendar program can open", () => {
    const ics = unfold(
      meetingIcs(meeting, { name: "Clara Gautier", email: "coordination@exemple.org" }, "REQUEST"),
    );
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("UID:m4@portail-scic");
    expect(ics).toContain("SEQUENCE:0");
    expect(ics).toContain("DTSTART:20261217T183000Z");
    expect(ics).toContain("DTEND:20261217T203000Z");
    expect(ics).toContain("SUMMARY:Conseil coopératif n° 4");
    expect(ics).toContain("LOCATION:Centre de santé\\, 17 rue des Tilleuls");
    expect(ics).toContain("1. Approbation du compte rendu n° 3\\n2. Rapport d'activité");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toMatch(/ORGANIZER;CN="?Clara Gautier"?:mailto:coordination@exemple.org/i);
    expect(ics.trim().endsWith("END:VCALENDAR")).toBe(true);
  });

  it("an update keeps the UID with a higher SEQUENCE; a cancellation says CANCEL", () => {
    const moved = unfold(
      meetingIcs({ ...meeting, startsAt: new Date("2026-12-18T18:30:00Z"), sequence: 1 }, null, "REQUEST"),
    );
    expect(moved).toContain("UID:m4@portail-scic");
    expect(moved).toContain("SEQUENCE:1");
    expect(moved).toContain("DTSTART:20261218T183000Z");
    const cancelled = unfold(meetingIcs({ ...meeting, cancelled: true, sequence: 2 }, null, "CANCEL"));
    expect(cancelled).toContain("METHOD:CANCEL");
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SEQUENCE:2");
  });

  it("a member's feed lists every meeting, and is valid when empty", () => {
    const feed = unfold(
      feedIcs([meeting, { ...meeting, id: "m5", title: "Conseil coopératif n° 5" }], "Mes réunions"),
    );
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed).toContain("METHOD:PUBLISH");
    const empty = feedIcs([], "Mes réunions");
    expect(empty).toContain("BEGIN:VCALENDAR");
    expect(empty).toContain("END:VCALENDAR");
  });
});
