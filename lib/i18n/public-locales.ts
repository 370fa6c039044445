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

// One text per dotted key (« ideas.publicTitle »), as a coordinator corrects them.
function flatten(tree: Tree, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (!prefix && key === "_meta") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else flatten(value, path, out);
  }
  return out;
}

function unflatten(flat: Record<string, string>): Tree {
  const out: Tree = {};
  for (const [path, text] of Object.entries(flat)) {
    const parts = path.split(".");
    if (parts.some((part) => part === "__proto__" || part === "constructor" || part === "prototype"))
      continue;
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Tree;
    at[parts.at(-1)!] = text;
  }
  return out;
}

// The texts of a language's file, by key (what it translates of the public path).
export function flatTexts(locale: PublicLocale): Record<string, string> {
  return flatten(FILES[locale] as unknown as Tree);
}

let french: Record<string, string> | null = null;
export function frenchTexts(): Record<string, string> {
  return (french ??= flatten(fr as unknown as Tree));
}

// The language's texts over the French ones (a text not yet translated reads in French), then a
// cooperative's own corrections (lib/ideas/translations.ts), by dotted key.
export function publicMessages(locale: PublicLocale, corrections: Record<string, string> = {}): typeof fr {
  const base =
    locale === "fr"
      ? (fr as unknown as Tree)
      : merge(fr as unknown as Tree, FILES[locale] as unknown as Tree);
  const fixed = Object.keys(corrections).length ? merge(base, unflatten(corrections)) : base;
  return fixed as unknown as typeof fr;
}

// A language's texts for one cooperative (with its corrections), read once per request.
export type PublicWords = { locale: PublicLocale; messages: ReturnType<typeof publicMessages> };

export function machineTranslated(locale: PublicLocale): boolean {
  const meta = (FILES[locale] as { _meta?: { machineTranslated?: boolean } })._meta;
  return meta?.machineTranslated === true;
}

// The languages whose texts a coordinator may correct: those that started as machine translations.
export function correctableLocales(): PublicLocale[] {
  return PUBLIC_LOCALES.filter(machineTranslated);
}
