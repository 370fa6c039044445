import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { EncryptJWT } from "jose";
import { readSessionToken } from "@/lib/auth/session-token";

// The session cookie as next-auth writes it, read by the portal's own reader (a key derived once
// per secret): the same claims for a good token, nothing for any other.
const secret = "secret-des-tests";

describe("reading next-auth's session cookie", () => {
  it("reads what next-auth wrote, again and again, with its claims", async () => {
    const token = await encode({ token: { sub: "person-1", sv: 3 }, secret });
    for (let i = 0; i < 3; i++) {
      const payload = await readSessionToken(token, secret);
      expect(payload).toMatchObject({ sub: "person-1", sv: 3 });
      expect(typeof payload!.exp).toBe("number");
    }
  });

  it("keeps each secret's key apart: a token of one secret is nothing under another", async () => {
    const ours = await encode({ token: { sub: "person-1" }, secret });
    const theirs = await encode({ token: { sub: "person-2" }, secret: "another-portal's-secret" });
    expect(await readSessionToken(theirs, secret)).toBeNull();
    expect(await readSessionToken(ours, "another-portal's-secret")).toBeNull();
    expect(await readSessionToken(theirs, "another-portal's-secret")).toMatchObject({ sub: "person-2" });
    expect(await readSessionToken(ours, secret)).toMatchObject({ sub: "person-1" });
  });

  it("refuses an expired token, a tampered one and garbage", async () => {
    const expired = await encode({ token: { sub: "person-1" }, secret, maxAge: -60 });
    expect(await readSessionToken(expired, secret)).toBeNull();
    // Within next-auth's 15 s of clock tolerance, still a session.
    const justNow = await encode({ token: { sub: "person-1" }, secret, maxAge: -5 });
    expect(await readSessionToken(justNow, secret)).toMatchObject({ sub: "person-1" });

    const good = await encode({ token: { sub: "person-1" }, secret });
    const parts = good.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(await readSessionToken([...parts.slice(0, 3), flipped, parts[4]].join("."), secret)).toBeNull();
    for (const garbage of ["", "abc", "a.b.c.d.e", `${good}x`, "eyJhbGciOiJub25lIn0.e30."])
      expect(await readSessionToken(garbage, secret), garbage).toBeNull();
  });

  it("refuses another algorithm, even with a key the attacker could guess", async () => {
    // A token « encrypted » under another content algorithm with a 16-byte key: not next-auth's.
    const other = await new EncryptJWT({ sub: "coordination" })
      .setProtectedHeader({ alg: "dir", enc: "A128GCM" })
      .setExpirationTime("1h")
      .encrypt(new Uint8Array(16));
    expect(await readSessionToken(other, secret)).toBeNull();
  });
});
