import { createHmac, timingSafeEqual } from "node:crypto";
import { portalSecret } from "@/lib/secret";

// The signed unsubscribe link: `<recipient id>.<HMAC of it with the portal's secret>`. Whoever
// holds it may unsubscribe that recipient, without signing in; nobody can make one for another.

function signature(recipientId: string): string {
  return createHmac("sha256", portalSecret())
    .update(`unsubscribe:${recipientId}`)
    .digest("base64url")
    .slice(0, 32);
}

export function unsubscribeToken(recipientId: string): string {
  return `${recipientId}.${signature(recipientId)}`;
}

export function verifyUnsubscribeToken(token: string): string | null {
  if (token.length > 100) return null;
  const [id, sig] = token.split(".");
  if (!id || !sig) return null;
  const expected = Buffer.from(signature(id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
