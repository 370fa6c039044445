import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";

// The language of the pages this request's reader sees (the one chosen, which sign-in sets from
// the account, else the browser's): files downloaded beside the pages (PDF, exports) speak it too.
export async function readerLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
}
