import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import ar from "@/lib/i18n/messages/ar.json";
import es from "@/lib/i18n/messages/es.json";

// The languages of the public idea path (the idea page, its thanks and follow pages, the answer
// e-mail): the portal's two, and languages of the neighbourhoods. A language is one messages
// file (lib/i18n/messages/<code>.json, the public path's texts; anything missing is read in
// French) and one line below. Files marked `_meta.machineTranslated` started as machine
// translations and say so on the page.
const FILES = { fr, en, ar, es } as const;

export type PublicLocale = keyof typeof FILES;
export const PUBLIC_LOCALES = Object.keys(FILES) as PublicLocale[];

// Each language named in itself, and its direction.
export const LANGUAGE_NAMES: Record<PublicLocale, string> = {
  fr: "Français",
  en: "English",
  ar: "العربية",
  es: "Español",
};
const RIGHT_TO_LEFT = new Set<string>(["ar"]);

export function isPublicLocale(value: unknown): value is PublicLocale {
  return typeof value === "string" && (PUBLIC_LOCALES as string[]).includes(value);
}

export function directionOf(locale: PublicLocale): "rtl" | "ltr" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

type Tree = { [key: string]: string | Tree };
function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] =
      typeof value === "object" && typeof base[key] === "object" ? merge(base[key] as Tree, value) : value;
  return out;
}

// The language's texts over the French ones: a text not yet translated reads in French.
export function publicMessages(locale: PublicLocale): typeof fr {
  return (locale === "fr" ? fr : merge(fr as unknown as Tree, FILES[locale] as unknown as Tree)) as typeof fr;
}

export function machineTranslated(locale: PublicLocale): boolean {
  const meta = (FILES[locale] as { _meta?: { machineTranslated?: boolean } })._meta;
  return meta?.machineTranslated === true;
}
