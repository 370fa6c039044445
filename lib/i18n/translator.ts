import { createTranslator } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { numberFormat } from "@/lib/intl";

// Texts written outside a request (e-mails, jobs), in a given person's language: the message
// files, as the pages use them.
const MESSAGES = { fr, en } as const;

export function localeOf(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "mail" });
}

// Dates in the language's own form (« jeudi 20 avril 2027 à 19:30 », « Thursday 20 April 2027 at 19:30 »).
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : "fr-FR";
}

// Every namespace, for texts that borrow the pages' words (a verdict: votes.verdicts.*).
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export function percentIn(locale: Locale, value: number): string {
  return numberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(value);
}
