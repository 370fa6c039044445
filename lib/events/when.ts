import { TIME_ZONE } from "@/lib/dates";
import { dateTimeFormat } from "@/lib/intl";

// An event's date in the reader's language, on the cooperative's clock: « samedi 12 décembre 2026,
// 10:00 – 12:00 ». Pure: the pages, the public page and the e-mails use it alike.
const INTL: Record<string, string> = { fr: "fr-FR", en: "en-GB", ar: "ar", es: "es-ES" };

export function eventWhen(
  { startsAt, endsAt }: { startsAt: Date; endsAt: Date | null },
  locale: string,
  timeZone = TIME_ZONE,
): string {
  const intl = INTL[locale] ?? "fr-FR";
  const day = dateTimeFormat(intl, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(startsAt);
  const time = (d: Date) => dateTimeFormat(intl, { timeZone, hour: "2-digit", minute: "2-digit" }).format(d);
  const sameDay = (a: Date, b: Date) =>
    dateTimeFormat("en-CA", { timeZone }).format(a) === dateTimeFormat("en-CA", { timeZone }).format(b);
  if (!endsAt) return `${day}, ${time(startsAt)}`;
  if (sameDay(startsAt, endsAt)) return `${day}, ${time(startsAt)} – ${time(endsAt)}`;
  const until = dateTimeFormat(intl, {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(endsAt);
  return `${day}, ${time(startsAt)} – ${until}, ${time(endsAt)}`;
}

// An event is over once it has ended (or, without an end, three hours after it started).
export function isOver({ startsAt, endsAt }: { startsAt: Date; endsAt: Date | null }, now: Date): boolean {
  return (endsAt ?? new Date(startsAt.getTime() + 3 * 3_600_000)) < now;
}
