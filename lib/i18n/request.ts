import "server-only";
import { getRequestConfig } from "next-intl/server";
import { readerLocale } from "@/lib/i18n/reader-locale";

export default getRequestConfig(async () => {
  const locale = await readerLocale();
  return {
    locale,
    timeZone: process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
