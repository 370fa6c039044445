import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db";
import { portalSecret } from "@/lib/secret";

// Rate limits on PostgreSQL with rate-limiter-flexible: one INSERT … ON CONFLICT DO UPDATE
// counts and answers at once, so a burst cannot pass between a count and a write, and every
// instance of the portal shares the counters. A key is a keyed hash of what it counts (an
// address, an account): the table never holds one in clear. Expired rows are deleted by the job
// worker (lib/limits/purge.internal.ts), not by a timer in the web server.
export type Limit = {
  // Counts one more; false when over the limit (or blocked), true otherwise.
  take(key: string): Promise<boolean>;
  // Gives one back (a sign-in that succeeded does not count against its address).
  giveBack(key: string): Promise<void>;
  forget(key: string): Promise<void>;
  // Whether the key counted anything in its current window.
  seen(key: string): Promise<boolean>;
};

export function limit({
  name,
  points,
  seconds,
  blockSeconds = 0,
}: {
  name: string;
  points: number;
  seconds: number;
  blockSeconds?: number;
}): Limit {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "RateLimit",
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: name,
    points,
    duration: seconds,
    blockDuration: blockSeconds,
  });
  const keyed = (key: string) =>
    createHmac("sha256", portalSecret()).update(`${name}:${key}`).digest("base64url");
  return {
    async take(key) {
      try {
        await limiter.consume(keyed(key));
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
    async giveBack(key) {
      await limiter.reward(keyed(key), 1);
    },
    async forget(key) {
      await limiter.delete(keyed(key));
    },
    async seen(key) {
      return (await limiter.get(keyed(key))) !== null;
    },
  };
}
