import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process; the global keeps them across hot reloads in development.
// Prisma goes through the pool; the ballot box's two statements use it directly (lib/votes/
// ballot-box.ts), the one place where a request's fixed cost is the product's speed target.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

// `npm start` always sets DATABASE_URL (embedded or external); nothing queries at build time.
export const pool: pg.Pool =
  globalForDb.pool ??
  new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? "",
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  });
export const db: PrismaClient =
  globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { prisma: db, pool });
