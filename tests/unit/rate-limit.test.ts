import { describe, expect, it } from "vitest";
import { isBlocked, SIGN_IN_MAX_FAILURES, signInKeys, windowStart } from "@/lib/auth/rate-limit";

describe("sign-in rate limit", () => {
  it("blocks from the tenth failure in the window", () => {
    expect(SIGN_IN_MAX_FAILURES).toBe(10);
    expect(isBlocked(9)).toBe(false);
    expect(isBlocked(10)).toBe(true);
  });

  it("counts per account (case-insensitive) and per address", () => {
    expect(signInKeys(" Clara@Exemple.ORG ", "203.0.113.4")).toEqual([
      "email:clara@exemple.org",
      "ip:203.0.113.4",
    ]);
    expect(signInKeys("clara@exemple.org", null)).toEqual(["email:clara@exemple.org"]);
  });

  it("looks 15 minutes back", () => {
    expect(windowStart(new Date("2026-11-23T10:15:00Z")).toISOString()).toBe("2026-11-23T10:00:00.000Z");
  });
});
