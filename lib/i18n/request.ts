import "server-only";
import { getRequestConfig } from "next-intl/server";
import { readerLocale } from "@/lib/i18n/reader-locale";

// The messages are parsed once per process, not on every request: next-intl keeps the parsed ICU
// messages (intl-messageformat) in a cache it makes anew for each request's translator unless the
// configuration gives one (use-intl's `_cache`, of this shape; next-intl 4.14). An entry's key is
// the message's text, the locale and the formats, all fixed per process, so one reader's page
// never gets another's words; the values are given at each formatting. (issue 21: about half a
// millisecond of a page's CPU.)
const parsedMessages = {
  dateTime: {},
  number: {},
  message: {},
  relativeTime: {},
  pluralRules: {},
  list: {},
  displayNames: {},
};

export default getRequestConfig(async () => {
  const locale = await readerLocale();
  return {
    locale,
    timeZone: process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris",
    messages: (await import(`./messages/${locale}.json`)).default,
    // Not in next-intl's type: passed through to use-intl's createTranslator.
    ...({ _cache: parsedMessages } as object),
  };
});
