import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
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
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE ((table_schema = 'public' AND table_name <> '_prisma_migrations') OR (table_schema = 'pgboss' AND table_name IN ('queue', 'schedule', 'job')))
          AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      // The queue's created_on/updated_on are pg-boss's own bookkeeping; its settings are compared.
      const row =
        name === "pgboss.queue" ? "(t.name, t.policy, t.retry_limit, t.dead_letter, t.partition_name)" : "t";
      const { rows } = await client.query<{ n: number; sum: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)) AS sum FROM ${name} t`,
      );
      result[name] = `${rows[0]!.n}:${rows[0]!.sum ?? ""}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

// The jobs the portal queues, as its web process would (a vote's close next week, a reminder
// due now): after a restore they are still there for the worker.
async function queueJobs(url: string) {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false });
  await boss.start();
  for (const name of ["vote-close", "meeting-reminder"]) await boss.createQueue(name);
  await boss.send(
    "vote-close",
    { questionId: "q-backup" },
    { startAfter: new Date(Date.now() + 7 * 86_400_000), singletonKey: "close:q-backup" },
  );
  await boss.send("meeting-reminder", { meetingId: "m-backup", sequence: 0 });
  await boss.stop({ graceful: false, wait: true });
}

async function jobIds(url: string, queue: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = $1`, [queue]);
  await client.end();
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  await queueJobs(process.env.DATABASE_URL!);
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
    expect(written["pgboss.job"]).toBe(2);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    // Password hashes and addresses are in it: the file is its owner's only.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

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

    // The restored queue works: a worker on the copy takes the reminder that was due, and the
    // vote's close waits for its date with its singleton key.
    const boss = new PgBoss({
      connectionString: copyUrl,
      schema: "pgboss",
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      const [due] = await boss.fetch<{ meetingId: string }>("meeting-reminder");
      expect(due?.data.meetingId).toBe("m-backup");
      expect(await boss.fetch("vote-close")).toEqual([]);
      const waiting = await boss.getJobById("vote-close", (await jobIds(copyUrl, "vote-close"))[0]!);
      expect(waiting).toMatchObject({
        state: "created",
        singletonKey: "close:q-backup",
        data: { questionId: "q-backup" },
      });
      expect(waiting!.startAfter.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("refuses a file that is not a backup", async () => {
    const other = path.join(os.tmpdir(), `not-a-backup-${process.pid}.gz`);
    fs.writeFileSync(other, (await import("node:zlib")).gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(copyUrl, other)).rejects.toThrow(/not a portal backup/);
    fs.rmSync(other);
  });
});
