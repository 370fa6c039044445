export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// French first: English only when the browser prefers it to French.
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return {
        lang: tag.toLowerCase().split("-")[0] ?? "",
        q: q ? Number(q.trim().slice(2)) || 0 : 1,
        index,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked.find((entry) => isLocale(entry.lang));
  return first && isLocale(first.lang) ? first.lang : DEFAULT_LOCALE;
}

// The cooperatives write in French: their data (minutes, texts, names, agendas) is marked as
// French inside a page in another language, so that screen readers read it with a French voice.
export const DATA_LANG = "fr";
