// Applies the migrations with Prisma's own command (through prisma.config.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isMain, runScript, ScriptError } from "./cli";

// Prisma's CLI with scripts/prisma-timers.cjs preloaded: its schema engine leaves a 10 s timer
// armed when its work is done (with the migration adapter's idle connections let go, it then
// ends in about 2 s, not 12).
const timers = path.join(process.cwd(), "scripts", "prisma-timers.cjs");

// The database is then read again: a command that said it succeeded and left a migration due
// (had it ended before its work) is a failure.
export async function migrateDeploy(databaseUrl: string) {
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(timers)}`]
    .filter(Boolean)
    .join(" ");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    // Another process is migrating this database (a second `npm start`, a deployment): Prisma
    // waited 10 s for its lock.
    if (/advisory lock/.test(`${result.stdout}${result.stderr}`))
      throw new ScriptError(
        "Une autre migration de cette base est en cours (verrou de Prisma, 10 s d'attente) : réessayez quand elle aura fini / another process is migrating this database: try again when it is done.",
      );
    throw new ScriptError(`prisma migrate deploy a échoué / failed:\n${result.stdout}\n${result.stderr}`);
  }
  const left = await pendingMigrations(databaseUrl);
  if (left.length) throw new ScriptError(`Migrations non appliquées / not applied: ${left.join(", ")}`);
}

// This version's migrations (prisma/migrations) that the database has not finished: all of them
// for a database Prisma never migrated.
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const folder = path.join(process.cwd(), "prisma", "migrations");
  const local = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: table } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`,
    );
    if (!table[0]?.present) return local;
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => r.name));
    return local.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

// Prisma's command only when a migration is due (`npm start` runs this at every start, and the
// command takes 2 s even with nothing to apply); the names of those applied.
export async function migrateIfDue(databaseUrl: string, before?: (due: string[]) => void): Promise<string[]> {
  const due = await pendingMigrations(databaseUrl);
  if (due.length) {
    before?.(due);
    await migrateDeploy(databaseUrl);
  }
  return due;
}

if (isMain(import.meta.url)) {
  await runScript(async () => {
    if (!process.env.DATABASE_URL) throw new ScriptError("DATABASE_URL est requis / is required");
    const applied = await migrateIfDue(process.env.DATABASE_URL);
    console.log(
      applied.length
        ? `Migrations appliquées / applied: ${applied.join(", ")}.`
        : "Aucune migration à appliquer / no migration due.",
    );
  });
}
