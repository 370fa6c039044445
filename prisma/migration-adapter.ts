// The driver adapter that prisma.config.ts hands to Prisma's CLI, so that migrations run
// through the WASM schema engine with no native engine download (../shared/notes/offline-stack.md).
// It mends three defects of @prisma/adapter-pg 6.19.3 met on that path only; the app's
// runtime client (lib/db.ts) uses the plain adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

type ResultSet = { columnTypes: number[]; rows: unknown[][] };

type Queryable = {
  queryRaw: (query: unknown) => Promise<ResultSet>;
  onError: (error: unknown) => never;
  performIO: (query: unknown) => Promise<pg.QueryResult>;
  startTransaction: (isolationLevel?: string) => Promise<Queryable>;
  executeScript: (script: string) => Promise<void>;
  underlyingDriver: () => pg.Pool;
};

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

// Columns of type "char" in each result, keyed by its rows array (queryRaw passes it on).
const charColumnsOf = new WeakMap<object, number[]>();

function discreteConfig(connectionString: string, database?: string): pg.PoolConfig {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    // Idle connections do not hold the CLI open once its work is done (pg's idle timeout is 10 s).
    allowExitOnIdle: true,
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

// prisma/prisma#27403: catalog columns of type "name" and "char" cannot be decoded. "name" is
// plain text; "char" (pg_constraint.contype…) must reach the schema engine as a Character,
// or its describer stops on "unreachable" at the first CHECK constraint.
function relabelCatalogTypes(queryable: Queryable): Queryable {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements (a migration run through executeRaw) gives one result each.
    for (const one of Array.isArray(result) ? (result as pg.QueryResult[]) : [result]) {
      const charColumns: number[] = [];
      (one.fields ?? []).forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) charColumns.push(index);
        if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      });
      if (charColumns.length && one.rows) charColumnsOf.set(one.rows, charColumns);
    }
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsOf.get(resultSet.rows) ?? [])
      resultSet.columnTypes[index] = CHARACTER_COLUMN;
    return resultSet;
  };
  return queryable;
}

function mend(adapter: Queryable): Queryable {
  relabelCatalogTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    relabelCatalogTypes(await startTransaction(isolationLevel));
  // The stock executeScript splits on every ";", breaking string literals and $$ bodies:
  // one simple-protocol query runs the whole script.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

export function migrationAdapter(connectionString: string) {
  const factory = new PrismaPg(discreteConfig(connectionString));
  return {
    provider: "postgres" as const,
    adapterName: factory.adapterName,
    async connect() {
      return mend((await factory.connect()) as unknown as Queryable) as never;
    },
    // The stock shadow database is the real one (its connectionString wins over database)
    // and is dropped while its pool is still open.
    async connectToShadowDb() {
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Pool(discreteConfig(connectionString));
      await admin.query(`CREATE DATABASE "${database}"`);
      const shadow = new PrismaPg(discreteConfig(connectionString, database));
      const adapter = mend((await shadow.connect()) as unknown as Queryable);
      const dispose = (adapter as unknown as { dispose: () => Promise<void> }).dispose.bind(adapter);
      (adapter as unknown as { dispose: () => Promise<void> }).dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter as never;
    },
  };
}
