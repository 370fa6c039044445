import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedIfEmpty } from "../../scripts/seed";

// Every command of README ends with status 1 when it fails, with one line in words and no stack
// trace for what a person can fix; 0 when it did its work. cron and scripts rely on it (a backup
// that failed must not look like one that worked).

const server = inject("databaseServerUrl");
const copyName = `portail_scripts_${process.pid}`;
const copyUrl = Object.assign(new URL(server), { pathname: `/${copyName}` }).toString();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portail-scripts-"));
const file = (name: string) => path.join(tmp, name);

type Run = { status: number | null; stdout: string; stderr: string };

// `npm run <script> -- …`, as README says it, with the environment given (no inherited database).
// Each run starts npm, Node and tsx: several seconds on a busy machine, and a test here makes up
// to nine of them, so each has 240 s (beside the build and a busy loop, one took 67 s).
function npmRun(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !["DATABASE_URL", "PORTAIL_DATA_DIR", "EMBEDDED_PG_PORT", "PORTAIL_BACKUP_PASSPHRASE"].includes(key),
    ),
  ) as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      env: { ...base, PORTAIL_DATA_DIR: file("no-data"), ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// A failure: status 1, said in words on one line (French first), no stack trace.
function expectRefusal(run: Run, words: RegExp) {
  const said = run.stderr.trim();
  expect(run.status, said).toBe(1);
  expect(said).toMatch(words);
  expect(said, "a stack trace").not.toMatch(/^\s+at /m);
  expect(said.split("\n").length, said).toBe(1);
}

async function rowCount(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "Membership") + (SELECT count(*) FROM "Meeting") + (SELECT count(*) FROM "AuditEntry") AS n`,
  );
  await client.end();
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${copyName}" TEMPLATE "portail_test_template"`);
  await admin.end();
  await seedIfEmpty(copyUrl);
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${copyName}" WITH (FORCE)`);
  await admin.end();
});

describe("db:backup and db:restore", () => {
  it("succeed with status 0, the file for its owner only, and no migration when none is due", async () => {
    const backup = await npmRun("db:backup", [file("ok.jsonl.gz")], { DATABASE_URL: copyUrl });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Sauvegarde écrite/);
    expect(fs.statSync(file("ok.jsonl.gz")).mode & 0o777).toBe(0o600);
    const restore = await npmRun("db:restore", [file("ok.jsonl.gz")], { DATABASE_URL: copyUrl });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Restauré .*sans migration/);
  }, 240_000);

  it("say when the file is missing, not gzip, truncated or encrypted without its passphrase", async () => {
    const before = await rowCount(copyUrl);
    expectRefusal(
      await npmRun("db:restore", [file("absent.jsonl.gz")], { DATABASE_URL: copyUrl }),
      /^Fichier introuvable/,
    );
    fs.writeFileSync(file("texte.txt"), "ceci n'est pas une sauvegarde");
    expectRefusal(
      await npmRun("db:restore", [file("texte.txt")], { DATABASE_URL: copyUrl }),
      /n'est pas une sauvegarde du portail/,
    );
    fs.writeFileSync(file("autre.gz"), gzipSync('{"hello":1}\n'));
    expectRefusal(
      await npmRun("db:restore", [file("autre.gz")], { DATABASE_URL: copyUrl }),
      /n'est pas une sauvegarde du portail/,
    );
    const whole = fs.readFileSync(file("ok.jsonl.gz"));
    fs.writeFileSync(file("coupee.jsonl.gz"), whole.subarray(0, Math.floor(whole.length / 2)));
    expectRefusal(
      await npmRun("db:restore", [file("coupee.jsonl.gz")], { DATABASE_URL: copyUrl }),
      /incomplet \(tronqué\)/,
    );
    expect(await rowCount(copyUrl)).toBe(before);
    const locked = await npmRun("db:backup", [file("chiffree.jsonl.gz.age")], {
      DATABASE_URL: copyUrl,
      PORTAIL_BACKUP_PASSPHRASE: "une phrase assez longue",
    });
    expect(locked.status, locked.stderr).toBe(0);
    expectRefusal(
      await npmRun("db:restore", [file("chiffree.jsonl.gz.age")], { DATABASE_URL: copyUrl }),
      /chiffrée .*PORTAIL_BACKUP_PASSPHRASE/,
    );
    expectRefusal(
      await npmRun("db:restore", [file("chiffree.jsonl.gz.age")], {
        DATABASE_URL: copyUrl,
        PORTAIL_BACKUP_PASSPHRASE: "une autre phrase",
      }),
      /phrase de passe ne déchiffre pas/,
    );
    expect(await rowCount(copyUrl)).toBe(before);
  }, 240_000);

  it("say which setting to give when they find no database, or when it does not answer", async () => {
    expectRefusal(await npmRun("db:backup", []), /Pas de base du portail .*PORTAIL_DATA_DIR.*DATABASE_URL/);
    expectRefusal(await npmRun("db:restore", []), /^Usage/);
    const closed = Object.assign(new URL(copyUrl), { port: "1" }).toString();
    expectRefusal(await npmRun("db:backup", [file("x.gz")], { DATABASE_URL: closed }), /ne répond pas/);
    expectRefusal(
      await npmRun("db:backup", [file("pas-un-dossier/x.gz")], { DATABASE_URL: copyUrl }),
      /introuvable/,
    );
  }, 240_000);
});

// A database of its own on the test server, with no table; drop() removes it.
async function emptyDatabase(name: string) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  return {
    url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe("db:migrate", () => {
  // What `npm start` does at every start: Prisma's command only when a migration is due (even
  // with nothing to apply it takes 2 s).
  it("applies every migration to an empty database, then says none is due", async () => {
    const { url, drop } = await emptyDatabase(`portail_migrate_${process.pid}`);
    try {
      const migrations = fs
        .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      const first = await npmRun("db:migrate", [], { DATABASE_URL: url });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain(`Migrations appliquées / applied: ${migrations.join(", ")}.`);
      const applied = new pg.Client({ connectionString: url });
      await applied.connect();
      const { rows } = await applied.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      await applied.end();
      expect(rows[0]!.n).toBe(migrations.length);
      const again = await npmRun("db:migrate", [], { DATABASE_URL: url });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout.trim()).toBe("Aucune migration à appliquer / no migration due.");
    } finally {
      await drop();
    }
  }, 240_000);

  // scripts/prisma-timers.cjs lets the schema engine's 10 s lock timer not hold Prisma's CLI open
  // once its work is done; while another process holds the migration lock, the command must
  // still wait for it and then fail, having applied nothing.
  it("waits for the migration lock held elsewhere, then fails in words and applies nothing", async () => {
    const { url, drop } = await emptyDatabase(`portail_locked_${process.pid}`);
    const holder = new pg.Client({ connectionString: url });
    try {
      await holder.connect();
      // Prisma's advisory lock key for migrations (https://pris.ly/d/migrate-advisory-locking).
      await holder.query(`SELECT pg_advisory_lock(72707369)`);
      const started = Date.now();
      const locked = await npmRun("db:migrate", [], { DATABASE_URL: url });
      expectRefusal(locked, /^Une autre migration de cette base est en cours/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      const { rows } = await holder.query<{ present: boolean }>(
        `SELECT to_regclass('public."Cooperative"') IS NOT NULL AS present`,
      );
      expect(rows[0]!.present).toBe(false);
    } finally {
      await holder.end();
      await drop();
    }
  }, 240_000);
});

describe("the other commands", () => {
  it("end with status 1 and words on a failure", async () => {
    expectRefusal(await npmRun("db:migrate", []), /DATABASE_URL est requis/);
    expectRefusal(await npmRun("db:seed", []), /DATABASE_URL est requis/);
    const closed = Object.assign(new URL(copyUrl), { port: "1" }).toString();
    expectRefusal(await npmRun("db:seed", [], { DATABASE_URL: closed }), /ne répond pas/);
    expectRefusal(
      await npmRun("cooperative:import", [file("absent.jsonl.gz")], { DATABASE_URL: copyUrl }),
      /^Fichier introuvable/,
    );
    expectRefusal(await npmRun("cooperative:export", [], { DATABASE_URL: copyUrl }), /^Usage/);
    expectRefusal(await npmRun("cooperative:create", ["--name", "X"], { DATABASE_URL: copyUrl }), /^Usage/);
    expectRefusal(await npmRun("cooperative:create", ["--nom", "X"], { DATABASE_URL: copyUrl }), /--nom/);
    expectRefusal(await npmRun("operator:create", []), /^Usage/);
    expectRefusal(await npmRun("operator:create", ["--email", "a@b.fr", "--name", "A"]), /Pas de base/);
  }, 240_000);
});
