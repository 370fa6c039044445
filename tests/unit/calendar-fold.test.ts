import { describe, expect, it } from "vitest";
import { endOf, foldIcs, meetingIcs } from "@/lib/meetings/calendar";

// RFC 5545: lines of at most 75 octets, folded outside UTF-8 characters; the meeting ends when
// its agenda does.
const meeting = {
  id: "m1",
  title: "Conseil coopératif n° 4",
  startsAt: new Date("2026-12-17T17:30:00Z"),
  endsAt: null,
  place: "Salle « Les Tilleuls », rez-de-chaussée, entrée par la cour",
  videoUrl: null,
  cancelled: false,
  sequence: 0,
  agenda: [
    "Présentation des expérimentations Peps (paiement en équipe de professionnels de santé) et SecPa",
    "Carnet des partenaires : où apprendre le français ?",
  ],
  agendaMinutes: 95,
  url: "https://portail.example.org/reunions/conseil/4",
};

describe("calendar files", () => {
  it("fold every line to 75 octets, never inside a character, and unfold to the same text", () => {
    const ics = meetingIcs(meeting, null, "REQUEST");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics).not.toContain("\uFFFD");
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(
      "Présentation des expérimentations Peps (paiement en équipe de professionnels",
    );
    expect(foldIcs(ics)).toBe(ics);
  });

  it("end when the agenda does, or at the set end, or two hours after the start", () => {
    expect(endOf(meeting).toISOString()).toBe("2026-12-17T19:05:00.000Z");
    expect(meetingIcs(meeting, null, "REQUEST")).toContain("DTEND:20261217T190500Z");
    expect(endOf({ ...meeting, agendaMinutes: 0 }).toISOString()).toBe("2026-12-17T19:30:00.000Z");
    expect(endOf({ ...meeting, endsAt: new Date("2026-12-17T20:00:00Z") }).toISOString()).toBe(
      "2026-12-17T20:00:00.000Z",
    );
  });
});
