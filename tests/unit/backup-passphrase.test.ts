import { describe, expect, it } from "vitest";
import { SCRYPT_LOG_N, scryptLogN } from "../../scripts/json-lines";

// A backup's passphrase costs an attacker age's full work factor; only the tests lower it.
describe("the passphrase's scrypt work factor", () => {
  it("is age's own 2^18 outside the tests, whatever the environment says", () => {
    expect(SCRYPT_LOG_N).toBe(18);
    expect(scryptLogN({ NODE_ENV: "production" })).toBe(18);
    expect(scryptLogN({ NODE_ENV: "production", PORTAIL_TEST_SCRYPT_LOG_N: "10" })).toBe(18);
    expect(scryptLogN({ PORTAIL_TEST_SCRYPT_LOG_N: "10" })).toBe(18);
  });

  it("is lowered in the tests only by a whole number below 18", () => {
    expect(scryptLogN({ NODE_ENV: "test", PORTAIL_TEST_SCRYPT_LOG_N: "10" })).toBe(10);
    for (const wrong of ["", "0", "-3", "18", "25", "10.5", "dix"])
      expect(scryptLogN({ NODE_ENV: "test", PORTAIL_TEST_SCRYPT_LOG_N: wrong }), wrong).toBe(18);
    expect(scryptLogN({ NODE_ENV: "test" })).toBe(18);
  });
});
