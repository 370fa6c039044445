import "server-only";
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a fixed hash when the account is unknown keeps the answer time the same,
// so the timing does not tell whether an e-mail has an account.
let unknownAccountHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  unknownAccountHash ??= hash("no account has this password");
  try {
    const ok = await verify(passwordHash ?? (await unknownAccountHash), password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
