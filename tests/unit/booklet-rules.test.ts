import { describe, expect, it } from "vitest";
import { isOpenAt, isStale, languagesOf, parseHours } from "@/lib/booklet/rules";

const PARIS = "Europe/Paris";
// Tuesday 1 December 2026, 10:30 in Paris (09:30 UTC).
const tuesdayMorning = new Date("2026-12-01T09:30:00Z");

describe("opening hours as people write them", () => {
  it("reads days, ranges of days and several openings a day", () => {
    expect(parseHours("lun-ven 9h-12h 14h-17h30; sam 9h à 12h")).toEqual([
      ...[1, 2, 3, 4, 5].map((day) => ({ day, from: 540, to: 720 })),
      ...[1, 2, 3, 4, 5].map((day) => ({ day, from: 840, to: 1050 })),
      { day: 6, from: 540, to: 720 },
    ]);
    expect(parseHours("Mardi et jeudi : 14:00 - 18:00")).toEqual([
      { day: 2, from: 840, to: 1080 },
      { day: 4, from: 840, to: 1080 },
    ]);
    expect(parseHours("tous les jours 8h-20h")).toHaveLength(7);
  });

  it("says nothing rather than guess", () => {
    expect(parseHours("sur rendez-vous")).toBeNull();
    expect(parseHours("lun 14h-9h")).toBeNull();
    expect(parseHours("lun 25h-26h")).toBeNull();
    expect(parseHours("")).toBeNull();
    // Names of the language's objects are no days (« lun-constructor » once looped for ever).
    expect(parseHours("lun-constructor 9h-12h")).toBeNull();
    expect(parseHours("constructor 9h-12h")).toBeNull();
    expect(parseHours("__proto__-toString 9h-12h")).toBeNull();
    expect(parseHours("ven-lun 9h-12h")?.map((s) => s.day)).toEqual([0, 1, 5, 6]);
    expect(isOpenAt(null, tuesdayMorning, PARIS)).toBeNull();
  });

  it("knows what is open now on the cooperative's clock", () => {
    const slots = parseHours("lun-ven 9h-12h 14h-17h")!;
    expect(isOpenAt(slots, tuesdayMorning, PARIS)).toBe(true);
    // 12:30 in Paris: closed for lunch.
    expect(isOpenAt(slots, new Date("2026-12-01T11:30:00Z"), PARIS)).toBe(false);
    // Sunday.
    expect(isOpenAt(slots, new Date("2026-12-06T09:30:00Z"), PARIS)).toBe(false);
    // Closing time is closed.
    expect(isOpenAt(slots, new Date("2026-12-01T16:00:00Z"), PARIS)).toBe(false);
  });
});

describe("an entry gets old", () => {
  it("after the months the cooperative set", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(isStale(new Date("2026-06-15T00:00:00Z"), 6, now)).toBe(false);
    expect(isStale(new Date("2026-05-15T00:00:00Z"), 6, now)).toBe(true);
    expect(isStale(new Date("2026-05-15T00:00:00Z"), 12, now)).toBe(false);
  });
});

describe("languages as typed", () => {
  it("splits, trims, lowers and keeps each once", () => {
    expect(languagesOf("Arabe, anglais / Tamoul; arabe et wolof")).toEqual([
      "arabe",
      "anglais",
      "tamoul",
      "wolof",
    ]);
  });
});
