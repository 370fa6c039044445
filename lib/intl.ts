// Intl objects are costly to build (ICU loads the locale's data and the time zone: about 0.2 ms
// for a DateTimeFormat here) and cheap to use. Pages format and sort many values per request, so
// the formatters and the collator are made once per process and kept: a handful of locales ×
// option sets. (`a.localeCompare(b, "fr")` builds a collator on every comparison.)
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, formatter);
  }
  return formatter;
}

const french = new Intl.Collator("fr");
const frenchLoose = new Intl.Collator("fr", { sensitivity: "base" });

// Alphabetical order in French (accents after their letter, case second).
export function compareFrench(a: string, b: string): number {
  return french.compare(a, b);
}

// The same, with accents and case ignored (« Élise » and « elise » are equal).
export function compareFrenchLoose(a: string, b: string): number {
  return frenchLoose.compare(a, b);
}
