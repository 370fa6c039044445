import { describe, expect, it } from "vitest";
import { compareFrench, compareFrenchLoose, dateTimeFormat, numberFormat } from "@/lib/intl";
import { dayKey } from "@/lib/dates";

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
