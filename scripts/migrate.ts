// Applies the migrations with Prisma's own command (through prisma.config.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isMain, runScript, ScriptError } from "./cli";

export function migrateDeploy(databaseUrl: string) {
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new ScriptError(`prisma migrate deploy a échoué / failed:\n${result.stdout}\n${result.stderr}`);
  }
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

// Prisma's command only when a migration is due; the names of those applied. With nothing to
// apply the command still took 12 s here: done in 2, it then waits out a 10 s timer its schema
// engine leaves armed (the advisory lock's timeout), and `npm start` ran it at every start.
export async function migrateIfDue(databaseUrl: string, before?: (due: string[]) => void): Promise<string[]> {
  const due = await pendingMigrations(databaseUrl);
  if (due.length) {
    before?.(due);
    migrateDeploy(databaseUrl);
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
