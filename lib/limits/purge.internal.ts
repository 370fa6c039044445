import "server-only";
import { db } from "@/lib/db";

// Internal to the server: no right is checked here; the job worker runs it every hour. A counter
// that has expired counts nothing any more: it is deleted.
export async function purgeExpiredLimits(now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } });
  return count;
}
