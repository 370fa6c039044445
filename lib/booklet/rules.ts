// The partners' booklet's rules, pure: themes, opening hours as people write them, « ouvert
// maintenant », when an entry is old, languages as typed.

import { BOOKLET_THEMES } from "@/lib/form-errors";
import { dateTimeFormat } from "@/lib/intl";

export { BOOKLET_THEMES };
export type BookletTheme = (typeof BOOKLET_THEMES)[number];

// One opening: a day (0 Sunday … 6 Saturday) and minutes since midnight, from → to.
export type Slot = { day: number; from: number; to: number };

const DAYS: Record<string, number> = {
  dim: 0,
  dimanche: 0,
  lun: 1,
  lundi: 1,
  mar: 2,
  mardi: 2,
  mer: 3,
  mercredi: 3,
  jeu: 4,
  jeudi: 4,
  ven: 5,
  vendredi: 5,
  sam: 6,
  samedi: 6,
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

// A day's number from its name: the table's own keys only (never « constructor » and the like).
function dayOf(name: string): number | null {
  return Object.hasOwn(DAYS, name) ? DAYS[name]! : null;
}

const plain = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

// « 9h », « 9h30 », « 9:30 », « 09.30 », « 14 h » → minutes since midnight.
function time(text: string): number | null {
  const m = /^(\d{1,2})\s*(?:h|:|\.)?\s*(\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

// « lun-ven », « lundi, mercredi », « sam », « tous les jours », « lun au ven ».
function days(text: string): number[] | null {
  const t = plain(text).replace(/\s+/g, " ").trim();
  if (/^(tous les jours|everyday|every day|7j\/7|7 jours sur 7)$/.test(t)) return [0, 1, 2, 3, 4, 5, 6];
  const out = new Set<number>();
  for (const part of t.split(/\s*(?:,|\bet\b|\band\b|\+)\s*/).filter(Boolean)) {
    const range = /^([a-z]+)\.?(?:\s*[-–]\s*|\s+(?:au|a|to)\s+)([a-z]+)\.?$/.exec(part);
    if (range) {
      const from = dayOf(range[1]!);
      const to = dayOf(range[2]!);
      if (from === null || to === null) return null;
      // At most a week: « ven-lun » wraps over the weekend, and stops.
      for (let d = from, steps = 0; steps < 7; d = (d + 1) % 7, steps++) {
        out.add(d);
        if (d === to) break;
      }
      continue;
    }
    const day = dayOf(part.replace(/\.$/, ""));
    if (day === null) return null;
    out.add(day);
  }
  return out.size ? [...out].sort() : null;
}

// Opening hours as a coordinator types them: groups separated by « ; » or new lines, each « days
// times », times as ranges (« 9h-12h 14h-17h », « 9h à 12h et 14h à 17h »). Null when a part
// cannot be read: the text is still shown, « ouvert maintenant » cannot say.
export function parseHours(text: string | null | undefined): Slot[] | null {
  if (!text?.trim()) return null;
  const slots: Slot[] = [];
  for (const group of text
    .split(/[;\n]+/)
    .map((g) => g.trim())
    .filter(Boolean)) {
    const firstTime = group.search(/\d/);
    if (firstTime <= 0) return null;
    const dayList = days(group.slice(0, firstTime).replace(/[:,]\s*$/, ""));
    if (!dayList) return null;
    const ranges = group
      .slice(firstTime)
      .replace(/\s+(?:à|a|to)\s+|\s*[-–]\s*/g, "-")
      .split(/\s*(?:,|\bet\b|\band\b|\/|\s(?=\d))\s*/)
      .map((r) => r.trim())
      .filter(Boolean);
    if (!ranges.length) return null;
    for (const range of ranges) {
      const m = /^(.+?)-(.+)$/.exec(range);
      const from = m ? time(m[1]!) : null;
      const to = m ? time(m[2]!) : null;
      if (from === null || to === null || to <= from) return null;
      for (const day of dayList) slots.push({ day, from, to });
    }
  }
  return slots.length ? slots : null;
}

// The day and the minute of `now` on the cooperative's clock.
function clock(now: Date, timeZone: string): { day: number; minute: number } {
  const parts = dateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return { day, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

// Open at `now`: true or false when the hours were read, null when they were not.
export function isOpenAt(slots: Slot[] | null, now: Date, timeZone: string): boolean | null {
  if (!slots) return null;
  const { day, minute } = clock(now, timeZone);
  return slots.some((s) => s.day === day && s.from <= minute && minute < s.to);
}

// Old once not checked for `months` months: marked on screen and in print, its keeper reminded.
export function isStale(verifiedAt: Date, months: number, now: Date): boolean {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return verifiedAt < limit;
}

// « arabe, anglais / tamoul » → ["arabe", "anglais", "tamoul"], each once, as typed (lower case).
export function languagesOf(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;/\n]|\bet\b/)) {
    const word = part.trim().toLowerCase();
    if (word && word.length <= 40) seen.add(word);
  }
  return [...seen].slice(0, 20);
}

// For search: accents and case aside.
export function searchable(text: string): string {
  return plain(text);
}
