import { describe, expect, it } from "vitest";
import { isoDate, optionalEmail } from "@/lib/form-schema";

describe("the shared form fields", () => {
  it("a date must exist: « 2026-02-30 » is refused, not read as 2 March", () => {
    expect(isoDate.safeParse("2026-03-02").success).toBe(true);
    expect(isoDate.safeParse("2028-02-29").success).toBe(true);
    for (const wrong of ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-11-23T25:61", ""])
      expect(isoDate.safeParse(wrong).error?.issues[0]?.message, wrong).toBe("dateInvalid");
  });

  it("an e-mail is lower-cased, an empty one is null, a wrong one refused in words", () => {
    expect(optionalEmail.parse(" Lina@Exemple.org ")).toBe("lina@exemple.org");
    expect(optionalEmail.parse("")).toBeNull();
    expect(optionalEmail.safeParse("pas une adresse").error?.issues[0]?.message).toBe("emailInvalid");
  });
});
