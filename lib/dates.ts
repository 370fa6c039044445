// Dates of the register (categories, mandates) are calendar days; meetings are instants.
// A rule compares them as calendar days in the cooperative's time zone.
export const TIME_ZONE = process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris";

export function dayKey(instant: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

// A @db.Date column arrives as midnight UTC.
export function dateKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseDateKey(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}
