import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process; the global keeps them across hot reloads in development.
// Prisma goes through the pool; the ballot box's two statements use it directly (lib/votes/
// ballot-box.ts), the one place where a request's fixed cost is the product's speed target.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

// Prisma's adapter sends every statement unnamed, so PostgreSQL parses and plans it on each
// visit: 0.5–1 ms of planning for a page's statement, for well under that of execution, and under
// load that fills the core the web server needs (README, Benchmarks). A statement seen twice is
// sent named instead: each connection prepares it once, and PostgreSQL keeps its plan (a generic
// one after five runs, when it costs no more than planning each time). Statements whose text
// carries their values would each be new: only a second sighting names one, the process
// remembers at most SEEN texts, and a connection prepares at most PREPARED_PER_CONNECTION.
// DATABASE_PREPARED_STATEMENTS=off sends them all unnamed, the ballot box's too (for a pooler in
// transaction mode that does not carry prepared statements, such as PgBouncer before 1.21).
const SEEN = 5000;
const PREPARED_PER_CONNECTION = 500;
// Only what PostgreSQL plans; BEGIN, SET and the like stay unnamed.
const PLANNABLE = /^\s*(select|with|insert|update|delete)\b/i;
const ONCE = 0;
const names = new Map<string, string | typeof ONCE | false>();

export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (typeof known === "string") return known;
  if (known === false) return undefined;
  if (known === undefined) {
    if (names.size < SEEN) names.set(text, PLANNABLE.test(text) ? ONCE : false);
    return undefined;
  }
  const name = `p${createHash("sha1").update(text).digest("base64url")}`;
  names.set(text, name);
  return name;
}

// Each connection of the pool sends its statements through this: named when seen again (on), or
// all unnamed (off: the ballot box's own names dropped too).
export function nameStatements(prepare: boolean) {
  return (client: pg.PoolClient) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg's query() has a dozen overloads; only a config object with a text is touched.
    client.query = ((config: unknown, ...rest: unknown[]) => {
      if (typeof config !== "object" || config === null || !("text" in config)) return query(config, ...rest);
      if (!prepare) return query({ ...config, name: undefined }, ...rest);
      if (typeof config.text !== "string" || ("name" in config && config.name)) return query(config, ...rest);
      const name = statementName(config.text);
      if (!name || (!prepared.has(name) && prepared.size >= PREPARED_PER_CONNECTION))
        return query(config, ...rest);
      prepared.add(name);
      return query({ ...config, name }, ...rest);
    }) as typeof client.query;
  };
}

function createPool() {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? "",
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
    // pg closes a connection idle for 10 s by default: a lull between two bursts then costs new
    // connections (each one's SCRAM sign-in: 1 % of the web server's CPU profile in a bench run)
    // and the statements they had prepared. A minute keeps them across such lulls.
    idleTimeoutMillis: 60_000,
  });
  pool.on("connect", nameStatements(process.env.DATABASE_PREPARED_STATEMENTS !== "off"));
  return pool;
}

// `npm start` always sets DATABASE_URL (embedded or external); nothing queries at build time.
export const pool: pg.Pool = globalForDb.pool ?? createPool();
export const db: PrismaClient =
  globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { prisma: db, pool });
