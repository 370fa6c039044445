import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../../scripts/backup";
import { seedIfEmpty } from "../../scripts/seed";

// db:backup then db:restore round-trips the demo data into another, empty database: every table
// keeps its row count and its content; a second restore over it gives the same again.

const file = path.join(os.tmpdir(), `portail-backup-${process.pid}.jsonl.gz`);
const server = inject("databaseServerUrl");
const copyName = `portail_restore_${process.pid}`;
const copyUrl = Object.assign(new URL(server), { pathname: `/${copyName}` }).toString();

async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number; sum: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.n}:${rows[0]!.sum ?? ""}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${copyName}" TEMPLATE "portail_test_template"`);
  await admin.end();
});

afterAll(async () => {
  fs.rmSync(file, { force: true });
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${copyName}" WITH (FORCE)`);
  await admin.end();
});

describe("backup and restore", () => {
  it("round-trips the demo data, table by table, and restores over existing rows", async () => {
    const source = await fingerprint(process.env.DATABASE_URL!);
    const written = await backupDatabase(process.env.DATABASE_URL!, file);
    expect(written.Membership).toBeGreaterThan(10);
    expect(written.Meeting).toBeGreaterThan(3);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const restored = await restoreDatabase(copyUrl, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(written).filter(([, n]) => n > 0)));
    expect(await fingerprint(copyUrl)).toEqual(source);
    // Again, over the rows now there: the same, not twice.
    await restoreDatabase(copyUrl, file);
    expect(await fingerprint(copyUrl)).toEqual(source);
    // The counters carry on: a new audit entry gets a fresh id.
    const client = new pg.Client({ connectionString: copyUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "AuditEntry" (action, "entityType", "entityId") VALUES ('test', 'Test', 'x') RETURNING id::text`,
    );
    const { rows: max } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "AuditEntry" WHERE id::text = $1`,
      [rows[0]!.id],
    );
    expect(max[0]!.n).toBe("1");
    await client.end();
  });

  it("refuses a file that is not a backup", async () => {
    const other = path.join(os.tmpdir(), `not-a-backup-${process.pid}.gz`);
    fs.writeFileSync(other, (await import("node:zlib")).gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(copyUrl, other)).rejects.toThrow(/not a portal backup/);
    fs.rmSync(other);
  });
});
