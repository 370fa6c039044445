import "server-only";
import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

// next-auth's session cookie, read the way next-auth's own `decode` reads it (next-auth/jwt: a
// JWE, « dir » + A256GCM, its key derived from the secret by HKDF-SHA256, 15 s of clock
// tolerance), with the key derived once per secret instead of at every request: the derivation
// and the key object were a third of a page's session check.
const INFO = "NextAuth.js Generated Encryption Key";
const keys = new Map<string, KeyObject>();

function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", INFO, 32)));
    keys.set(secret, key);
  }
  return key;
}

// The token's claims, or null for anything that is not a live session token of this secret
// (tampered, expired, another secret, another algorithm, garbage).
export async function readSessionToken(raw: string, secret: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(raw, keyFor(secret), {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    return payload;
  } catch {
    return null;
  }
}
