import "server-only";
import { createFormatter } from "next-intl";
import { getLocale } from "next-intl/server";
import { TIME_ZONE } from "@/lib/dates";

// The pages' date and number formatter, one per locale for the whole process. next-intl's own
// getFormatter() builds its Intl formatters anew for every request (their cache lives as long as
// the request), and a DateTimeFormat costs about 0.1 ms to build: a page that shows dates paid
// that for each set of options, and a list hashed the options of each of its 25 dates (issue 21).
// A formatter holds no reader's data: its cache is keyed by locale and options, and the values
// are given at each call. Relative times (« il y a 3 jours ») would need `now`, which a
// process-wide formatter does not have: pass it to relativeTime() if one is ever shown.
const formatters = new Map<string, ReturnType<typeof createFormatter>>();

export async function getFormatter() {
  const locale = await getLocale();
  let format = formatters.get(locale);
  if (!format) {
    format = createFormatter({ locale, timeZone: TIME_ZONE });
    formatters.set(locale, format);
  }
  return format;
}

export type Formatter = Awaited<ReturnType<typeof getFormatter>>;
