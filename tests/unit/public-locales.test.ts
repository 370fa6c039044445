import { describe, expect, it } from "vitest";
import { PUBLIC_LOCALES, flatTexts, frenchTexts, machineTranslated } from "@/lib/i18n/public-locales";

// A language of the public pages is one file: each of its texts translates a French one, with the
// same names between braces (a text with a missing {date} would show « {date} » or fail).
const argumentsOf = (text: string) =>
  [...new Set([...text.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]!))].sort();

describe("the public pages' language files", () => {
  const french = frenchTexts();
  for (const locale of PUBLIC_LOCALES.filter((l) => l !== "fr" && l !== "en")) {
    it(`${locale}: every text translates a French one and keeps its arguments; marked as machine-translated`, () => {
      const texts = flatTexts(locale);
      expect(Object.keys(texts).length).toBeGreaterThan(100);
      for (const [key, text] of Object.entries(texts)) {
        expect(Object.hasOwn(french, key), `${locale}: ${key} is not a French text`).toBe(true);
        expect(argumentsOf(text), `${locale}: ${key}`).toEqual(argumentsOf(french[key]!));
      }
      expect(machineTranslated(locale)).toBe(true);
    });
  }
});
