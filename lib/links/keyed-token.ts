import { createHmac, timingSafeEqual } from "node:crypto";
import { portalSecret } from "@/lib/secret";

// A bearer link that no copy of the database gives away: `<row id>.<HMAC-SHA256 of the row's
// seed, keyed with the portal's secret>` (256 bits). The database holds only the seed, which is
// not the link; without the secret file nobody can compute one. Renewing the seed ends the old
// link. Used for the calendar feed and an idea's follow link; the sign-in, reset and invitation
// links are stored as hashes (lib/auth), the unsubscribe link is keyed the same way.
export type TokenPurpose = "calendar" | "follow" | "contact" | "event";

function mac(purpose: TokenPurpose, id: string, seed: string): string {
  return createHmac("sha256", portalSecret()).update(`${purpose}:${id}:${seed}`).digest("base64url");
}

export function keyedToken(purpose: TokenPurpose, { id, seed }: { id: string; seed: string }): string {
  return `${id}.${mac(purpose, id, seed)}`;
}

// The row id a token names, if it has the shape of one (before any database lookup).
export function tokenId(token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? match[1]! : null;
}

export function tokenMatches(
  purpose: TokenPurpose,
  token: string,
  row: { id: string; seed: string } | null,
): boolean {
  if (!row) return false;
  const expected = Buffer.from(keyedToken(purpose, row));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
