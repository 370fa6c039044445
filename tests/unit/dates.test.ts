import { describe, expect, it } from "vitest";
import { instantToLocalInput, localInputToInstant } from "@/lib/dates";

describe("times typed in Paris", () => {
  it("reads winter and summer times with their own offsets", () => {
    expect(localInputToInstant("2026-12-17T19:30")?.toISOString()).toBe("2026-12-17T18:30:00.000Z");
    expect(localInputToInstant("2026-06-18T19:30")?.toISOString()).toBe("2026-06-18T17:30:00.000Z");
  });

  it("round-trips with the field's value", () => {
    for (const text of ["2026-12-17T19:30", "2026-03-29T10:00", "2026-10-25T01:30", "2027-01-01T00:00"]) {
      expect(instantToLocalInput(localInputToInstant(text)!)).toBe(text);
    }
  });

  it("refuses what is not a time", () => {
    expect(localInputToInstant("2026-02-30T19:30")).toBeNull();
    expect(localInputToInstant("demain 19h")).toBeNull();
    expect(localInputToInstant("2026-12-17T25:00")).toBeNull();
  });
});
