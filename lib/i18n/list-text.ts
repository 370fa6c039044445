import "server-only";
import { IntlMessageFormat } from "intl-messageformat";

// A message with values that a list shows on each of its 25 entries (« réunion n° 60 »). next-intl's
// t() with values rebuilds its formats' options and hashes them (JSON.stringify) on every call to
// find the parsed message: the decision record's 25 links were 3 % of its server work (bench:ab,
// scale data, issue 21). Here the message is parsed once per process and locale, then formatted
// with each entry's values: the same ICU text, the same words. Give it `t.raw(key)` of the page's
// own translator; for plain arguments, plural and select (dates need the reader's time zone: use
// the page's formatter for them). Keyed by the catalogue's texts: bounded, and no reader's data.
const parsed = new Map<string, IntlMessageFormat>();

export function listText(
  locale: string,
  message: string,
): (values: Record<string, string | number>) => string {
  const key = `${locale}\u0000${message}`;
  let format = parsed.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    parsed.set(key, format);
  }
  const ready = format;
  return (values) => String(ready.format(values));
}
