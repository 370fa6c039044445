import { describe, expect, it } from "vitest";
import { demoWanted } from "@/lib/demo";

describe("the demo only when asked", () => {
  it("is on with no configuration, off with DATABASE_URL unless PORTAIL_DEMO=true, off with PORTAIL_DEMO=false", () => {
    expect(demoWanted({})).toBe(true);
    expect(demoWanted({ DATABASE_URL: "postgresql://prod/portail" })).toBe(false);
    expect(demoWanted({ DATABASE_URL: "postgresql://prod/portail", PORTAIL_DEMO: "true" })).toBe(true);
    expect(demoWanted({ PORTAIL_DEMO: "false" })).toBe(false);
    expect(demoWanted({ PORTAIL_SEED: "false" })).toBe(false);
  });
});
