// Intl objects are costly to build (ICU loads the locale's data and the time zone: about 0.2 ms
// for a DateTimeFormat here) and cheap to use. Pages format and sort many values per request, so
// the formatters and the collator are made once per process and kept: a handful of locales ×
// option sets. (`a.localeCompare(b, "fr")` builds a collator on every comparison.)
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function kept<T>(store: Map<string, T>, key: string, make: () => T): T {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(
    dateTimeFormats,
    `${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(
    numberFormats,
    `${locale} ${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  );
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
