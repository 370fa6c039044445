// Dates of the register (categories, mandates) are calendar days; meetings are instants.
// A rule compares them as calendar days in the cooperative's time zone.
import { dateTimeFormat } from "@/lib/intl";

export const TIME_ZONE = process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris";

export function dayKey(instant: Date, timeZone = TIME_ZONE): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

// A @db.Date column arrives as midnight UTC.
export function dateKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseDateKey(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}

// "2026-12-17T19:30" typed in a datetime-local field means that wall-clock time in the
// cooperative's time zone; returns the instant, or null if the text is not such a time.
export function localInputToInstant(text: string, timeZone = TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (guess.getUTCMonth() !== mo - 1 || guess.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The zone's offset at that moment (twice, to settle around a change of hour).
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const shown = instantToLocalInput(instant, timeZone);
    const shownUtc = Date.UTC(
      Number(shown.slice(0, 4)),
      Number(shown.slice(5, 7)) - 1,
      Number(shown.slice(8, 10)),
      Number(shown.slice(11, 13)),
      Number(shown.slice(14, 16)),
    );
    instant = new Date(instant.getTime() - (shownUtc - guess.getTime()));
  }
  return instant;
}

export function instantToLocalInput(instant: Date, timeZone = TIME_ZONE): string {
  const parts = Object.fromEntries(
    dateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
