// `npm run db:backup -- [file]` and `npm run db:restore -- <file>`: a logical copy of the
// portal's database (every table of the public schema, row by row, as JSON lines, gzipped).
// pg_dump/pg_restore would be the usual tools, but the embedded PostgreSQL 17 ships without
// them and Debian 12's client (15) refuses a 17 server; with an external database, pg_dump works
// as well and this copy is not needed. The database is DATABASE_URL, or the embedded one in
// .data/postgres (started for the time of the copy when `npm start` is not running).
// The restore empties the tables and loads the copy in one transaction; the target must be at the
// same migrations as the copy (it is migrated first, then compared). The job queue (schema
// pgboss: queues, schedules, and jobs waiting, running or done) is copied too, so that a vote's
// close or a reminder queued before the backup still runs after a restore.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { adminUrl, embeddedPassword, startEmbeddedPostgres, type EmbeddedDb } from "./embedded-db";
import { migrateIfDue } from "./migrate";
import { isMain, runScript, ScriptError } from "./cli";
import { dataDir as settingsDataDir, runningPort } from "./settings";
import { jsonLinesReader, jsonLinesWriter, migrationsOf, quote } from "./json-lines";

const FORMAT = "portail-scic-backup";
const BATCH = 500;

// Version 1 had no job queue; version 2 adds jobVersion and the pgboss.* tables after the others.
type Header = {
  format: string;
  version: 1 | 2;
  createdAt: string;
  migrations: string[];
  tables: string[];
  jobVersion?: number | null;
  ends?: boolean;
};

const JOB_SCHEMA = "pgboss";
// Parents first: a job names its queue. The job table is partitioned by queue; reading the
// parent reads every partition, and the restore creates each queue's partition before its jobs.
const JOB_TABLES = ["queue", "schedule", "job"] as const;
const qualified = (table: string) => `${JOB_SCHEMA}.${table}`;
const sqlName = (table: string) =>
  table.startsWith(`${JOB_SCHEMA}.`)
    ? `${JOB_SCHEMA}.${quote(table.slice(JOB_SCHEMA.length + 1))}`
    : quote(table);

async function jobVersionOf(client: pg.Client): Promise<number | null> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT to_regclass('${JOB_SCHEMA}.version') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return null;
  const { rows: version } = await client.query<{ version: number }>(
    `SELECT version FROM ${JOB_SCHEMA}.version`,
  );
  return version[0]?.version ?? null;
}

// pg-boss creates (or upgrades) its schema when it starts: the restore's target gets the queue's
// tables this way, at the version this portal runs.
async function ensureJobSchema(databaseUrl: string) {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export async function backupDatabase(
  databaseUrl: string,
  file: string,
  options: { passphrase?: string } = {},
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { write, close, abort } = jsonLinesWriter(file, options);
  const counts: Record<string, number> = {};
  try {
    // One snapshot for every table: the copy is consistent even while the portal runs.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const jobVersion = await jobVersionOf(client);
    const tables = [...(await tablesOf(client)), ...(jobVersion === null ? [] : JOB_TABLES.map(qualified))];
    await write({
      format: FORMAT,
      version: 2,
      createdAt: new Date().toISOString(),
      migrations: await migrationsOf(client),
      tables,
      jobVersion,
      // The file ends with its end line: a copy cut short is refused (scripts/json-lines.ts).
      ends: true,
    } satisfies Header);
    for (const table of tables) {
      counts[table] = 0;
      await client.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t) AS r FROM ${sqlName(table)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ r: unknown }>(`FETCH ${BATCH} FROM rows_cursor`);
        if (!rows.length) break;
        await write({ t: table, rows: rows.map((row) => row.r) });
        counts[table] += rows.length;
      }
      await client.query("CLOSE rows_cursor");
    }
    await client.query("COMMIT");
    await close();
  } catch (error) {
    // Nothing takes the file's name: the last good copy stays as it was.
    await abort();
    throw error;
  } finally {
    await client.end();
  }
  return counts;
}

async function openBackup(file: string, options: { passphrase?: string }) {
  const opened = await jsonLinesReader<Header>(file, options);
  if (opened.header?.format !== FORMAT) {
    opened.close();
    throw new ScriptError(`${file} : ce n'est pas une sauvegarde du portail / not a portal backup`);
  }
  return { ...opened, header: opened.header };
}

// What a backup file says of itself (its date, migrations and tables), or a refusal in words.
export async function backupHeader(file: string, options: { passphrase?: string } = {}): Promise<Header> {
  const { header, close } = await openBackup(file, options);
  close();
  return header;
}

export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { passphrase?: string } = {},
): Promise<{ counts: Record<string, number>; migrated: boolean }> {
  const { header, iterator } = await openBackup(file, options);
  const migrated = (await migrateIfDue(databaseUrl)).length > 0;
  const withJobs = header.version === 2 && header.jobVersion != null;
  if (withJobs) await ensureJobSchema(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    const migrations = await migrationsOf(client);
    // Same migrations on both sides: a copy from another version of the portal is restored with
    // that version, then upgraded by its migrations (which may fill new columns).
    if (migrations.join() !== header.migrations.join()) {
      throw new ScriptError(
        `Cette sauvegarde vient d'une autre version du portail (migrations ${header.migrations.at(-1) ?? "?"} ; ici ${migrations.at(-1) ?? "?"}) : restaurez-la avec cette version, puis mettez à jour. ` +
          `This backup comes from another version of the portal: restore it with that version, then upgrade.`,
      );
    }
    const jobVersion = withJobs ? await jobVersionOf(client) : null;
    if (withJobs && jobVersion !== header.jobVersion) {
      throw new ScriptError(
        `La file des tâches de cette sauvegarde est en version ${header.jobVersion}, celle d'ici en ${jobVersion} : restaurez-la avec la version du portail qui l'a faite. ` +
          `The backup's job queue is at version ${header.jobVersion}, this portal's at ${jobVersion}.`,
      );
    }
    const tables = [...(await tablesOf(client)), ...(withJobs ? JOB_TABLES.map(qualified) : [])];
    const insertable = new Map<string, string[]>();
    for (const table of tables) {
      const [schema, name] = table.startsWith(`${JOB_SCHEMA}.`)
        ? [JOB_SCHEMA, table.slice(JOB_SCHEMA.length + 1)]
        : ["public", table];
      const { rows } = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [schema, name],
      );
      insertable.set(
        table,
        rows.map((r) => r.name),
      );
    }
    await client.query("BEGIN");
    // Foreign keys are checked by the source database already; the rows come table by table.
    await client.query("SET LOCAL session_replication_role = replica");
    // Queues are kept (each has its partition of the job table) and updated row by row below.
    await client.query(
      `TRUNCATE ${tables
        .filter((t) => t !== qualified("queue"))
        .map(sqlName)
        .join(", ")} CASCADE`,
    );
    for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
      if (!line.value) continue;
      const { t, rows } = JSON.parse(line.value) as { t: string; rows: Record<string, unknown>[] };
      const columns = insertable.get(t);
      if (!columns) throw new ScriptError(`Table inconnue / unknown table ${t}`);
      if (t === qualified("queue")) {
        // Each queue's jobs live in a partition made by pg-boss's own create_queue, as it would
        // have on the source; the row's settings then replace the defaults.
        for (const row of rows) {
          await client.query(`SELECT ${JOB_SCHEMA}.create_queue($1, '{}'::json)`, [row.name]);
        }
        await client.query(`DELETE FROM ${JOB_SCHEMA}.queue WHERE name = ANY($1)`, [
          rows.map((row) => row.name),
        ]);
      }
      const list = columns.map(quote).join(", ");
      await client.query(
        `INSERT INTO ${sqlName(t)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sqlName(t)}, $1::json)`,
        [JSON.stringify(rows)],
      );
      counts[t] = (counts[t] ?? 0) + rows.length;
    }
    // Counters (identity and serial columns) carry on after the restored rows. The table's name
    // is given with its schema: PostgreSQL may call the function on a row before the schema's
    // filter, and an unqualified name of information_schema's own views (or pg-boss's tables)
    // then failed the restore (« relation "information_schema_catalog_name" does not exist »,
    // a CI run, 2026-12-02).
    const { rows: sequences } = await client.query<{ seq: string; tbl: string; col: string }>(
      `SELECT pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) AS seq, c.table_name AS tbl, c.column_name AS col
         FROM information_schema.columns c WHERE c.table_schema = 'public' AND pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const s of sequences) {
      await client.query(
        `SELECT setval($1, COALESCE((SELECT max(${quote(s.col)}) FROM ${quote(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { counts, migrated };
}

// The configured database: DATABASE_URL, or the embedded one `npm start` runs with the same
// settings (PORTAIL_DATA_DIR): the port it listens on is read from its postmaster.pid, so a
// portal started with another EMBEDDED_PG_PORT is still found; when it is not running, it is
// started for the time of the copy on EMBEDDED_PG_PORT.
export async function configuredDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = path.join(settingsDataDir(), "postgres");
  const password = embeddedPassword(dataDir);
  if (!password || !fs.existsSync(path.join(dataDir, "PG_VERSION")))
    throw new ScriptError(
      `Pas de base du portail dans ${dataDir} : lancez cette commande avec les mêmes réglages que npm start ` +
        `(PORTAIL_DATA_DIR, le dossier de données ; ou DATABASE_URL pour une base PostgreSQL à part). ` +
        `/ No portal database there: use the same PORTAIL_DATA_DIR (or DATABASE_URL) as npm start.`,
    );
  const running = runningPort(dataDir);
  if (running !== null) {
    const url = adminUrl({ port: running, password, database: "portail" });
    const probe = new pg.Client({ connectionString: url });
    const answers = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => undefined);
    if (answers) return { url, stop: async () => undefined };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  try {
    const embedded: EmbeddedDb = await startEmbeddedPostgres({
      dataDir,
      port,
      database: "portail",
      quiet: true,
    });
    return { url: embedded.url, stop: embedded.stop };
  } catch (error) {
    throw new ScriptError(
      `La base embarquée de ${dataDir} n'a pas démarré sur le port ${port} (${error instanceof Error ? error.message : error}) : ` +
        `choisissez un port libre avec EMBEDDED_PG_PORT, ou lancez le portail (npm start) et recommencez. / The embedded database did not start.`,
    );
  }
}

// The copy's passphrase, when backups are encrypted.
export function backupPassphrase(): string | undefined {
  return process.env.PORTAIL_BACKUP_PASSPHRASE || undefined;
}

// `prefix`: "portail" for a copy made by hand, "portail-nuit" for the worker's (only those are
// pruned).
export function defaultBackupName(
  now = new Date(),
  {
    encrypted = Boolean(backupPassphrase()),
    prefix = "portail",
  }: { encrypted?: boolean; prefix?: string } = {},
): string {
  return `${prefix}-${now.toISOString().replace(/[:.]/g, "-")}.jsonl.gz${encrypted ? ".age" : ""}`;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

if (isMain(import.meta.url)) {
  const [command, fileArgument] = process.argv.slice(2);
  await runScript(async () => {
    if (!(command === "backup" || (command === "restore" && fileArgument)))
      throw new ScriptError("Usage : npm run db:backup -- [fichier]   |   npm run db:restore -- <fichier>");
    const passphrase = backupPassphrase();
    // A file that is missing, foreign or locked is said before any database is started.
    if (command === "restore") await backupHeader(fileArgument!, { passphrase });
    const database = await configuredDatabase();
    try {
      if (command === "backup") {
        const file = fileArgument ?? defaultBackupName();
        const counts = await backupDatabase(database.url, file, { passphrase });
        console.log(
          `Sauvegarde écrite / backup written: ${file} (${total(counts)} lignes / rows, ${Object.keys(counts).length} tables, ${fs.statSync(file).size} octets / bytes${passphrase ? ", chiffrée / encrypted" : ""})`,
        );
      } else {
        const started = performance.now();
        const { counts, migrated } = await restoreDatabase(database.url, fileArgument!, { passphrase });
        console.log(
          `Restauré / restored: ${total(counts)} lignes / rows from ${fileArgument} en ${((performance.now() - started) / 1000).toFixed(1)} s${migrated ? "" : " (déjà à jour, sans migration / no migration needed)"}`,
        );
      }
    } finally {
      await database.stop();
    }
  });
}
