import "server-only";
import { db } from "@/lib/db";
import { windowStart } from "@/lib/auth/rate-limit";

// Internal to the server: no right is checked here; the job worker runs it every hour.
// A failed sign-in row names an account and an address: it is kept only while the sign-in
// limit counts it (its window), then deleted.
export async function purgeSignInFailures(now = new Date()): Promise<number> {
  const { count } = await db.signInFailure.deleteMany({ where: { createdAt: { lt: windowStart(now) } } });
  return count;
}
