import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, backupHeader, restoreDatabase } from "../../scripts/backup";
import { ScriptError } from "../../scripts/cli";
import { jsonLinesWriter } from "../../scripts/json-lines";
import { lastBackups } from "@/lib/operator/backups";
import { pruneBackups, scheduledBackup } from "@/lib/operator/backups.internal";
import { db } from "@/lib/db";
import type { Operator } from "@/lib/operator/operator";
import { createIssue, runSend, startSend } from "@/lib/newsletter/service";
import { signInAs } from "@/tests/factories/people";
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
    // The copy was made from a database at this version's migrations: none to apply.
    expect(restored.migrated).toBe(false);
    expect(restored.counts).toEqual(Object.fromEntries(Object.entries(written).filter(([, n]) => n > 0)));
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

  // The plan PostgreSQL picks for a query of its catalog changes with its statistics. Without
  // nested loops (as a CI run's plan had it, 2026-12-02), looking for the counters by a table's
  // bare name failed on information_schema's own views: « relation
  // "information_schema_catalog_name" does not exist ».
  it("restores whatever plan PostgreSQL picks for its catalog queries", async () => {
    const source = await fingerprint(process.env.DATABASE_URL!);
    await backupDatabase(process.env.DATABASE_URL!, file);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${copyName}" SET enable_nestloop = off`);
    try {
      const restored = await restoreDatabase(copyUrl, file);
      expect(restored.counts.Membership).toBeGreaterThan(10);
      expect(await fingerprint(copyUrl)).toEqual(source);
    } finally {
      await admin.query(`ALTER DATABASE "${copyName}" RESET enable_nestloop`);
      await admin.end();
    }
  });

  it("refuses a file that is not a backup", async () => {
    const other = path.join(os.tmpdir(), `not-a-backup-${process.pid}.gz`);
    fs.writeFileSync(other, (await import("node:zlib")).gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(copyUrl, other)).rejects.toThrow(/not a portal backup/);
    fs.rmSync(other);
  });

  it("encrypts with a passphrase (age), and refuses to restore without it or with another", async () => {
    const locked = path.join(os.tmpdir(), `portail-backup-${process.pid}.jsonl.gz.age`);
    try {
      const source = await fingerprint(process.env.DATABASE_URL!);
      await backupDatabase(process.env.DATABASE_URL!, locked, { passphrase: "cheval agrafe pile" });
      const bytes = fs.readFileSync(locked);
      expect(bytes.subarray(0, 21).toString("latin1")).toBe("age-encryption.org/v1");
      // The tests' lowered work factor (vitest.config.ts), written in the header age reads back;
      // outside the tests it is 18 (tests/unit/backup-passphrase.test.ts).
      expect(bytes.subarray(0, 200).toString("latin1")).toMatch(/\n-> scrypt \S+ 10\n/);
      expect(fs.statSync(locked).mode & 0o777).toBe(0o600);
      // Nothing readable inside: not gzip, no address in clear.
      expect(bytes.includes("demo.portail-scic.fr")).toBe(false);
      await expect(backupHeader(locked)).rejects.toThrow(/chiffrée.*PORTAIL_BACKUP_PASSPHRASE/);
      await expect(restoreDatabase(copyUrl, locked, { passphrase: "autre chose" })).rejects.toThrow(
        ScriptError,
      );
      const restored = await restoreDatabase(copyUrl, locked, { passphrase: "cheval agrafe pile" });
      expect(restored.counts.Membership).toBeGreaterThan(10);
      expect(await fingerprint(copyUrl)).toEqual(source);
    } finally {
      fs.rmSync(locked, { force: true });
    }
  });

  it("refuses a truncated copy in words, with the database unchanged", async () => {
    const whole = path.join(os.tmpdir(), `portail-whole-${process.pid}.jsonl.gz`);
    const cut = path.join(os.tmpdir(), `portail-cut-${process.pid}.jsonl.gz`);
    try {
      await backupDatabase(process.env.DATABASE_URL!, whole);
      const bytes = fs.readFileSync(whole);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const before = await fingerprint(copyUrl);
      const refused = await restoreDatabase(copyUrl, cut).then(
        () => null,
        (error: unknown) => error,
      );
      expect((refused as { code?: string }).code).toBe("Z_BUF_ERROR");
      expect(await fingerprint(copyUrl)).toEqual(before);
    } finally {
      fs.rmSync(whole, { force: true });
      fs.rmSync(cut, { force: true });
    }
  });
});

// The drill an operator runs: a backup, then life goes on (a newsletter sent, a member added, an
// idea deleted), then the restore — the database is what it was at the backup, table by table.
describe("a copy cut short", () => {
  it("is refused when its end line is missing, with the database unchanged", async () => {
    const whole = path.join(os.tmpdir(), `portail-end-${process.pid}.jsonl.gz`);
    const cut = path.join(os.tmpdir(), `portail-noend-${process.pid}.jsonl.gz`);
    try {
      await backupDatabase(process.env.DATABASE_URL!, whole);
      const { gunzipSync, gzipSync } = await import("node:zlib");
      const lines = gunzipSync(fs.readFileSync(whole)).toString("utf8").trimEnd().split("\n");
      expect(lines.at(-1)).toBe('{"end":true}');
      // A whole gzip that stops after a few tables, as a backup that failed used to leave.
      fs.writeFileSync(cut, gzipSync(`${lines.slice(0, 4).join("\n")}\n`));
      const before = await fingerprint(copyUrl);
      await expect(restoreDatabase(copyUrl, cut)).rejects.toThrow(/incomplet/);
      expect(await fingerprint(copyUrl)).toEqual(before);
    } finally {
      fs.rmSync(whole, { force: true });
      fs.rmSync(cut, { force: true });
    }
  });

  it("never takes a file's name when the copy fails: the last good one stays", async () => {
    const target = path.join(os.tmpdir(), `portail-keep-${process.pid}.jsonl.gz`);
    fs.writeFileSync(target, "la copie d'hier");
    const writer = jsonLinesWriter(target);
    await writer.write({ format: "portail-scic-backup", ends: true });
    await writer.abort();
    expect(fs.readFileSync(target, "utf8")).toBe("la copie d'hier");
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    fs.rmSync(target, { force: true });
  });
});

describe("the restore drill", () => {
  it("backs up after a newsletter send, changes, restores, and compares", async () => {
    const url = process.env.DATABASE_URL!;
    const coordinator = await signInAs("coordination@demo.portail-scic.fr");
    await db.newsletterRecipient.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        email: "voisine.drill@voisins.test",
        consentAt: new Date("2026-01-01T00:00:00Z"),
        consentSource: "import",
      },
    });
    const created = await createIssue(coordinator, { subject: "Lettre de l'exercice", body: "Bonjour." });
    if (!created.ok) throw new Error(created.error);
    const started = await startSend(coordinator, created.data.id);
    expect(started.ok).toBe(true);
    expect(await runSend(created.data.id)).toBeGreaterThan(0);
    const drill = path.join(os.tmpdir(), `portail-drill-${process.pid}.jsonl.gz`);
    try {
      const atBackup = await fingerprint(url);
      await backupDatabase(url, drill);
      // Life goes on.
      await db.newsletterRecipient.deleteMany({ where: { email: "voisine.drill@voisins.test" } });
      await db.idea.deleteMany({ where: { cooperativeId: coordinator.cooperativeId } });
      await db.cooperative.update({ where: { id: coordinator.cooperativeId }, data: { city: "Ailleurs" } });
      expect(await fingerprint(url)).not.toEqual(atBackup);
      await restoreDatabase(url, drill);
      expect(await fingerprint(url)).toEqual(atBackup);
    } finally {
      fs.rmSync(drill, { force: true });
    }
  });
});

describe("the nightly backup", () => {
  const dir = path.join(os.tmpdir(), `portail-backups-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes a copy into the backups folder, keeps the last ones, and tells the operator", async () => {
    process.env.PORTAIL_BACKUP_DIR = dir;
    process.env.PORTAIL_BACKUP_KEEP = "2";
    try {
      fs.mkdirSync(dir, { recursive: true });
      // Someone else's file in the folder is never removed.
      fs.writeFileSync(path.join(dir, "notes.txt"), "à garder");
      const made: string[] = [];
      for (const day of ["2026-11-27", "2026-11-28", "2026-11-29"]) {
        const outcome = await scheduledBackup(new Date(`${day}T02:30:00Z`));
        expect(outcome.error).toBeNull();
        made.push(outcome.file!);
      }
      expect(fs.readdirSync(dir).sort()).toEqual([...made.slice(1), "notes.txt"].sort());
      expect(fs.statSync(path.join(dir, made[2]!)).mode & 0o777).toBe(0o600);
      const operator: Operator = {
        personId: "operator",
        name: "Exploitation",
        email: "ops@exemple.org",
        isOperator: true,
      };
      const shown = await lastBackups(operator);
      expect(shown.lastGood?.file).toBe(made[2]);
      expect(shown.lastGood?.bytes).toBe(fs.statSync(path.join(dir, made[2]!)).size);
      expect(shown.failed).toBeNull();
      expect(shown.keep).toBe(2);

      // A folder that cannot be written: the failure is kept and shown, in words.
      process.env.PORTAIL_BACKUP_DIR = path.join(dir, "notes.txt", "dessous");
      const failed = await scheduledBackup(new Date("2026-11-30T02:30:00Z"));
      expect(failed.error).toMatch(/^Un élément du chemin n.est pas un dossier/);
      const after = await lastBackups(operator);
      expect(after.failed?.error).toBe(failed.error);
      expect(after.lastGood?.file).toBe(made[2]);
      expect(pruneBackups(dir, 2)).toEqual([]);
    } finally {
      delete process.env.PORTAIL_BACKUP_DIR;
      delete process.env.PORTAIL_BACKUP_KEEP;
      await db.backupRun.deleteMany({});
    }
  });
});
