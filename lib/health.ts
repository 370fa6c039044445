import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";

// For a load balancer or a monitor: PostgreSQL answers and every migration of this version is
// applied. No right needed, nothing of any cooperative told.
export async function health(): Promise<{ ok: boolean; database: boolean; migrations: boolean }> {
  try {
    const applied = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((m) => m.name));
    const folder = path.join(process.cwd(), "prisma", "migrations");
    const expected = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const migrations = expected.every((name) => done.has(name));
    return { ok: migrations, database: true, migrations };
  } catch {
    return { ok: false, database: false, migrations: false };
  }
}
