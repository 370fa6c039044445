import { describe, expect, it } from "vitest";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import { negotiateLocale } from "@/lib/i18n/config";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("languages", () => {
  it("French is the default", () => {
    expect(negotiateLocale(null)).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9")).toBe("fr");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
  });

  it("English when the browser prefers it to French", () => {
    expect(negotiateLocale("en-US,en;q=0.9,fr;q=0.5")).toBe("en");
    expect(negotiateLocale("ar;q=1, en;q=0.7")).toBe("en");
  });

  it("every French text has its English text and no key has a dot", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const key of keys(fr)) expect(key.split(".").every((part) => part.length > 0)).toBe(true);
  });
});
