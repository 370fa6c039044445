// `npm run db:new-migration -- <name>`: writes the SQL that brings the migrations up to
// prisma/schema.prisma into a new migration folder, with Prisma's own diff. It needs a server
// for the shadow database: DATABASE_URL, or a throwaway embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "./embedded-db";
import { runScript, ScriptError } from "./cli";

await runScript(async () => {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) throw new ScriptError("Usage: npm run db:new-migration -- <name>");

  const tmp = path.join(os.tmpdir(), `portail-migration-pg-${process.pid}`);
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: tmp,
        port: Number(process.env.MIGRATION_PG_PORT) || (await freePort()),
        database: "portail_diff",
        quiet: true,
      });
  try {
    const result = spawnSync(
      path.join("node_modules", ".bin", "prisma"),
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? embedded!.url }, encoding: "utf8" },
    );
    if (result.status !== 0)
      throw new ScriptError(
        `prisma migrate diff a échoué / failed: ${(result.stderr || result.stdout).trim()}`,
      );
    // Prisma reads the generated search columns (tsvector, see the minutes_workflow_search
    // migration) as columns with a default it does not know, and would drop it: not ours to drop.
    const sql = result.stdout
      .split(/\n\n/)
      .filter((statement) => !/ALTER COLUMN "search" DROP DEFAULT;/.test(statement))
      .join("\n\n")
      .trim();
    if (!sql || sql === "-- This is an empty migration." || !/^[A-Z]/m.test(sql)) {
      console.log("Le schéma et les migrations sont déjà en accord / nothing to migrate.");
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
      console.log(`Écrit / written: ${dir}/migration.sql — relisez-le avant de le valider / review it.`);
    }
  } finally {
    if (embedded) {
      await embedded.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
});
