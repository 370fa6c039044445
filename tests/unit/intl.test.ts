import { describe, expect, it } from "vitest";
import { compareFrench, compareFrenchLoose, dateTimeFormat, numberFormat } from "@/lib/intl";
import { dayKey } from "@/lib/dates";
import { createTranslator } from "next-intl";
import { listText } from "@/lib/i18n/list-text";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";

describe("formatters kept per process", () => {
  it("gives the same formatter for the same locale and options, another for other options", () => {
    const a = dateTimeFormat("en-CA", { timeZone: "Europe/Paris", day: "2-digit" });
    expect(dateTimeFormat("en-CA", { timeZone: "Europe/Paris", day: "2-digit" })).toBe(a);
    expect(dateTimeFormat("en-CA", { timeZone: "America/Cayenne", day: "2-digit" })).not.toBe(a);
    expect(dateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit" })).not.toBe(a);
    expect(numberFormat("fr-FR", { maximumFractionDigits: 1 })).toBe(
      numberFormat("fr-FR", { maximumFractionDigits: 1 }),
    );
  });

  it("keeps each time zone's own day (a kept formatter is not shared across zones)", () => {
    const instant = new Date("2026-12-01T02:30:00Z");
    expect(dayKey(instant, "Europe/Paris")).toBe("2026-12-01");
    expect(dayKey(instant, "America/Cayenne")).toBe("2026-11-30");
    expect(dayKey(instant, "Europe/Paris")).toBe("2026-12-01");
  });
});

describe("French order", () => {
  const names = ["Zoé", "émile", "Eddy", "Élise", "fanny", "Agathe", "Éric", "eric"];

  it("sorts as localeCompare in French does", () => {
    expect([...names].sort(compareFrench)).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    expect([...names].sort(compareFrench)[0]).toBe("Agathe");
    expect([...names].sort(compareFrench).at(-1)).toBe("Zoé");
  });

  it("ignores accents and case when asked", () => {
    expect(compareFrenchLoose("Éric", "eric")).toBe(0);
    expect(compareFrench("Éric", "eric")).not.toBe(0);
  });
});

describe("a list's message parsed once (lib/i18n/list-text.ts)", () => {
  it("gives the same words as next-intl's t() with the same values, in French and English", () => {
    for (const [locale, messages] of [
      ["fr", fr],
      ["en", en],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: "decisions" });
      for (const number of [1, 60, 1234]) {
        expect(listText(locale, t.raw("meetingLink") as string)({ number })).toBe(
          t("meetingLink", { number }),
        );
      }
      for (const count of [0, 1, 2, 1500]) {
        expect(listText(locale, t.raw("count") as string)({ count })).toBe(t("count", { count }));
      }
      const cites = { title: "L'accueil « du soir »", body: "Conseil coopératif" };
      expect(listText(locale, t.raw("cites") as string)(cites)).toBe(t("cites", cites));
    }
  });

  it("keeps each locale's own words for the same text", () => {
    const message = "{count, plural, one {# décision} other {# décisions}}";
    expect(listText("fr", message)({ count: 1500 })).toBe("1\u202f500 décisions");
    expect(listText("en", message)({ count: 1500 })).toBe("1,500 décisions");
  });
});
