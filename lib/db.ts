import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";

// One pool and one client per process; the global keeps them across hot reloads in development.
// Prisma goes through the pool. Where a request's fixed cost is the product's speed target, the
// pool is used directly: the ballot box's two statements (lib/votes/cast.ts) and the reads every
// page makes (readRows, below).
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

// Prisma's adapter sends every statement unnamed, so PostgreSQL parses and plans it on each
// visit: 0.5–1 ms of planning for a page's statement, for well under that of execution, and under
// load that fills the core the web server needs (README, Benchmarks). A statement seen twice is
// sent named instead: each connection prepares it once, and PostgreSQL keeps its plan (a generic
// one after five runs, when it costs no more than planning each time).
// What bounds it: texts that carry their values, or lists of any length (Prisma writes `IN` as
// $1…$n), would each be new; only a second sighting names one, long texts and long lists are
// never named, the process remembers texts up to a budget in bytes, a connection prepares at most
// PREPARED_PER_CONNECTION and lives at most half an hour (PostgreSQL frees its plans with it).
// A statement prepared before a migration changed what it returns fails once on that connection
// (« cached plan must not change result type »): it is sent unnamed from then on, and run again
// so at once when it ran outside a transaction.
// DATABASE_PREPARED_STATEMENTS=off sends them all unnamed, the ballot box's too (for a pooler that
// does not carry prepared statements: PgBouncer before 1.22, or with max_prepared_statements = 0).
const REMEMBERED_BYTES = 4_000_000;
const LONGEST_TEXT = 16_000;
const MOST_PARAMETERS = 64;
const PREPARED_PER_CONNECTION = 200;
// Only what PostgreSQL plans; BEGIN, SET and the like stay unnamed.
const PLANNABLE = /^\s*(select|with|insert|update|delete)\b/i;
const ONCE = 0;
const names = new Map<string, string | typeof ONCE>();
let rememberedBytes = 0;

const TOO_MANY_PARAMETERS = new RegExp(`\\$${MOST_PARAMETERS + 1}\\b`);
function worthNaming(text: string): boolean {
  return text.length <= LONGEST_TEXT && PLANNABLE.test(text) && !TOO_MANY_PARAMETERS.test(text);
}

export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined && known !== ONCE) return known;
  if (known === undefined) {
    // What is never named is not remembered either: it does not spend the budget.
    if (!worthNaming(text) || rememberedBytes + text.length > REMEMBERED_BYTES) return undefined;
    rememberedBytes += text.length;
    names.set(text, ONCE);
    return undefined;
  }
  const name = `p${createHash("sha1").update(text).digest("base64url")}`;
  names.set(text, name);
  return name;
}

// PostgreSQL's answers to a prepared statement that no longer fits the schema (its result type
// changed) or that the connection no longer holds.
const STALE = new Set(["0A000", "26000"]);
const isStale = (error: unknown) =>
  typeof error === "object" && error !== null && STALE.has((error as { code?: string }).code ?? "");

// Each connection of the pool sends its statements through this: named when seen again (on), or
// all unnamed (off: the ballot box's own names dropped too).
export function nameStatements(prepare: boolean) {
  return (client: pg.PoolClient) => {
    const prepared = new Set<string>();
    const stale = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg's query() has a dozen overloads; only a plain config object with a text is touched
    // (a Query, cursor or stream object, with its own submit(), is passed as it is).
    client.query = ((config: unknown, ...rest: unknown[]) => {
      if (
        typeof config !== "object" ||
        config === null ||
        !("text" in config) ||
        typeof (config as { submit?: unknown }).submit === "function"
      )
        return query(config, ...rest);
      if (!prepare) return query({ ...config, name: undefined }, ...rest);
      if (typeof config.text !== "string" || ("name" in config && config.name)) return query(config, ...rest);
      const name = statementName(config.text);
      if (!name || stale.has(name) || (!prepared.has(name) && prepared.size >= PREPARED_PER_CONNECTION))
        return query(config, ...rest);
      prepared.add(name);
      // Stale (see above): sent unnamed from now on. pg-pool's query (outside a transaction)
      // passes a callback, and the statement is run again, unnamed; a transaction's own calls
      // wait for a promise, and as PostgreSQL has already failed the transaction, the error
      // goes back to it.
      const forget = () => {
        stale.add(name);
        prepared.delete(name);
      };
      const callback = rest.at(-1);
      if (typeof callback === "function") {
        const args = rest.slice(0, -1);
        return query({ ...config, name }, ...args, (error: unknown, result: unknown) => {
          if (!isStale(error)) return callback(error, result);
          forget();
          query(config, ...args, callback);
        });
      }
      return (query({ ...config, name }, ...rest) as Promise<unknown>).catch((error: unknown) => {
        if (isStale(error)) forget();
        throw error;
      });
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
    // A connection is closed after half an hour (when next released): PostgreSQL frees the plans
    // it prepared, and a statement prepared before a migration goes with it.
    maxLifetimeSeconds: 1800,
  });
  pool.on("connect", nameStatements(process.env.DATABASE_PREPARED_STATEMENTS !== "off"));
  return pool;
}

// `npm start` always sets DATABASE_URL (embedded or external); nothing queries at build time.
export const pool: pg.Pool = globalForDb.pool ?? createPool();
export const db: PrismaClient =
  globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
if (process.env.NODE_ENV !== "production") Object.assign(globalForDb, { prisma: db, pool });

// Plain reads straight on the pool, for the statements every page makes (who is acting, the
// meeting, the decision record, the idea board): Prisma's $queryRaw spends 0.1–0.2 ms more CPU
// than pg per statement (its query compiler plans even raw SQL), some 2 % of a page (README,
// Benchmarks). Written with Prisma.sql as for $queryRaw (or a text with its $1… values).
// Columns come back as pg reads them, which is what Prisma gives for text, int4, booleans, text
// arrays, JSON and timestamptz. Where the two differ, the column is refused, with what to select
// instead: a timestamp or date without zone (pg reads it in the process's own zone, Prisma in
// UTC: select it `AT TIME ZONE 'UTC'`), a bigint or numeric (a string for pg, BigInt or Decimal
// for Prisma: cast it ::int or ::text). Dates sent, also inside arrays, are sent as UTC.
// A statement for it: Prisma.sql, for the places that do not import Prisma (tests).
export const sql = Prisma.sql;
const { builtins } = pg.types;
const REFUSED = new Map<number, string>([
  [builtins.TIMESTAMP, "AT TIME ZONE 'UTC' (a time without zone)"],
  [builtins.DATE, "::timestamp AT TIME ZONE 'UTC' (a day without zone)"],
  [1115, "as timestamptz[] (times without zone)"],
  [1182, "as text (days without zone)"],
  [builtins.INT8, "::int or ::text (a bigint)"],
  [builtins.NUMERIC, "::text (a numeric)"],
  [1016, "::int[] (bigints)"],
  [1231, "::text[] (numerics)"],
]);

const sent = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(sent) : value;

export async function readRows<T extends pg.QueryResultRow>(query: {
  readonly text: string;
  readonly values: readonly unknown[];
}): Promise<T[]> {
  const result = await pool.query<T>({ text: query.text, values: query.values.map(sent) });
  for (const field of result.fields) {
    const instead = REFUSED.get(field.dataTypeID);
    if (instead) throw new Error(`readRows: select "${field.name}" ${instead}`);
  }
  return result.rows;
}
