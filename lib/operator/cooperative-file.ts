import "server-only";
// (server-only: the operator's export route and the CLI, run with the server-only loader, use it.)
// One cooperative as a file, to move it to another portal: `npm run cooperative:export -- <slug>
// [file]` writes every row it holds (the rows of each table scoped by its cooperativeId, the
// accounts of its members, the supports of its ideas and the deliveries of its newsletters) as
// gzipped JSON lines, in one consistent snapshot; `npm run cooperative:import -- <file>` loads it
// into a portal at the same migrations that does not hold it yet. A person whose e-mail the
// target portal already knows keeps that account (their rows are joined to it); counters
// (the journal's ids) carry on from the target's.
import pg from "pg";
import { migrateIfDue } from "@/scripts/migrate";
import { scheduleMeetingReminder, scheduleVoteJobs, senderBossFor } from "@/lib/jobs/queue";
import { jsonLinesReader, jsonLinesWriter, migrationsOf, quote } from "@/scripts/json-lines";
import { isMain } from "@/scripts/cli";

const FORMAT = "portail-scic-cooperative";

type Header = {
  format: string;
  version: 1;
  createdAt: string;
  migrations: string[];
  cooperative: { id: string; slug: string; name: string };
  ends?: boolean;
};

async function scopedTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.table_name AS name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name = 'cooperativeId' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

// What the cooperative holds, table by table (the SQL that selects it, with $1 its id).
async function selections(client: pg.Client): Promise<[string, string][]> {
  return [
    ["Cooperative", `SELECT * FROM "Cooperative" WHERE id = $1`],
    [
      "Person",
      `SELECT p.id, p.email, p."emailVerifiedAt", p.name, p."passwordHash", p.locale, p."sessionVersion", false AS "isOperator", p."createdAt", p."updatedAt"
         FROM "Person" p WHERE p.id IN (SELECT "personId" FROM "Membership" WHERE "cooperativeId" = $1)`,
    ],
    ...(await scopedTables(client)).map((t): [string, string] => [
      t,
      `SELECT * FROM ${quote(t)} WHERE "cooperativeId" = $1`,
    ]),
    [
      "IdeaSupport",
      `SELECT s.* FROM "IdeaSupport" s JOIN "Idea" i ON i.id = s."ideaId" WHERE i."cooperativeId" = $1`,
    ],
    [
      "NewsletterDelivery",
      `SELECT d.* FROM "NewsletterDelivery" d JOIN "NewsletterIssue" n ON n.id = d."issueId" WHERE n."cooperativeId" = $1`,
    ],
  ];
}

export async function exportCooperative(databaseUrl: string, slugOrId: string, file: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { write, close, abort } = jsonLinesWriter(file);
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: found } = await client.query<{ id: string; slug: string; name: string }>(
      `SELECT id, slug, name FROM "Cooperative" WHERE id = $1 OR slug = $1`,
      [slugOrId],
    );
    const cooperative = found[0];
    if (!cooperative) throw new Error(`Coopérative inconnue / unknown cooperative: ${slugOrId}`);
    await write({
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: await migrationsOf(client),
      cooperative,
      ends: true,
    } satisfies Header);
    for (const [table, sql] of await selections(client)) {
      const { rows } = await client.query(`SELECT row_to_json(t) AS r FROM (${sql}) t`, [cooperative.id]);
      counts[table] = rows.length;
      for (let i = 0; i < rows.length; i += 500)
        await write({ t: table, rows: rows.slice(i, i + 500).map((row) => (row as { r: unknown }).r) });
    }
    await client.query("COMMIT");
    await close();
  } catch (error) {
    await abort();
    throw error;
  } finally {
    await client.end();
  }
  return counts;
}

export async function importCooperative(databaseUrl: string, file: string) {
  const { header, iterator } = await jsonLinesReader<Header>(file);
  if (header?.format !== FORMAT)
    throw new Error(`${file} : ce n'est pas l'export d'une coopérative / not a cooperative export`);
  await migrateIfDue(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  // Imported person id → the account the target already has for that e-mail.
  const known = new Map<string, string>();
  try {
    if ((await migrationsOf(client)).join() !== header.migrations.join())
      throw new Error(
        "Cet export vient d'une autre version du portail : importez-le avec la même version. / This export comes from another version of the portal.",
      );
    const taken = await client.query(`SELECT 1 FROM "Cooperative" WHERE id = $1 OR slug = $2`, [
      header.cooperative.id,
      header.cooperative.slug,
    ]);
    if (taken.rowCount)
      throw new Error(
        `Ce portail a déjà une coopérative « ${header.cooperative.slug} » : rien n'a été importé. / This portal already holds it.`,
      );
    // Columns: those one may write, without the counters (the journal's id), which the target gives.
    // The table named with its schema, whatever rows PostgreSQL calls the function on (backup.ts).
    const { rows: columnRows } = await client.query<{ table: string; column: string; serial: boolean }>(
      `SELECT table_name AS "table", column_name AS "column",
              pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) IS NOT NULL AS serial
         FROM information_schema.columns WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    );
    const columns = new Map<string, string[]>();
    for (const c of columnRows)
      if (!c.serial) columns.set(c.table, [...(columns.get(c.table) ?? []), c.column]);
    // Which columns point at a person: remapped when the target knows the e-mail already.
    const { rows: personRefs } = await client.query<{ table: string; column: string }>(
      `SELECT tc.table_name AS "table", kcu.column_name AS "column"
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'Person' AND tc.table_schema = 'public'`,
    );
    const personColumns = new Map<string, string[]>();
    for (const r of personRefs) personColumns.set(r.table, [...(personColumns.get(r.table) ?? []), r.column]);

    const scoped = new Set(await scopedTables(client));
    const ownIds = new Map<string, Set<string>>([
      ["Idea", new Set()],
      ["NewsletterIssue", new Set()],
    ]);
    const refused = (why: string): never => {
      throw new Error(`Fichier refusé : ${why}. Rien n'a été importé. / File refused: nothing imported.`);
    };
    const admit = (table: string, rows: Record<string, unknown>[]) => {
      for (const row of rows) {
        if (table === "Cooperative") {
          if (row.id !== header.cooperative.id || row.slug !== header.cooperative.slug)
            refused("une autre coopérative que celle de l'en-tête");
        } else if (scoped.has(table)) {
          if (row.cooperativeId !== header.cooperative.id)
            refused(`une ligne de ${table} d'une autre coopérative`);
          ownIds.get(table)?.add(String(row.id));
        } else if (table === "IdeaSupport") {
          if (!ownIds.get("Idea")!.has(String(row.ideaId))) refused("un soutien à une idée d'ailleurs");
        } else if (table === "NewsletterDelivery") {
          if (!ownIds.get("NewsletterIssue")!.has(String(row.issueId)))
            refused("un envoi d'une autre lettre");
        } else if (table !== "Person") refused(`la table ${table}`);
      }
    };

    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
      if (!line.value) continue;
      const { t, rows } = JSON.parse(line.value) as { t: string; rows: Record<string, unknown>[] };
      const list = columns.get(t);
      if (!list) throw new Error(`Table inconnue / unknown table ${t}`);
      // The file is trusted for nothing but this one cooperative's rows (lib/operator: a file
      // from elsewhere must not reach another cooperative, nor make an operator).
      admit(t, rows);
      let batch: Record<string, unknown>[] =
        t === "Person" ? rows.map((p) => ({ ...p, isOperator: false })) : rows;
      if (t === "Person") {
        const emails = rows.map((p) => p.email).filter((e): e is string => typeof e === "string");
        const { rows: existing } = await client.query<{ id: string; email: string }>(
          `SELECT id, email FROM "Person" WHERE email = ANY($1)`,
          [emails],
        );
        const byEmail = new Map(existing.map((p) => [p.email, p.id]));
        batch = batch.filter((p) => {
          const same = typeof p.email === "string" ? byEmail.get(p.email) : undefined;
          if (same) known.set(String(p.id), same);
          return !same;
        });
      }
      const refs = personColumns.get(t) ?? [];
      if (refs.length && known.size)
        batch = batch.map((row) => {
          const copy = { ...row };
          for (const column of refs) {
            const value = copy[column];
            if (typeof value === "string" && known.has(value)) copy[column] = known.get(value);
          }
          return copy;
        });
      if (batch.length) {
        const names = list.map(quote).join(", ");
        await client.query(
          `INSERT INTO ${quote(t)} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${quote(t)}, $1::json)`,
          [JSON.stringify(batch)],
        );
      }
      counts[t] = (counts[t] ?? 0) + rows.length;
    }
    await client.query("COMMIT");
    await requeueJobs(client, databaseUrl, header.cooperative.id);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { cooperative: header.cooperative, counts, accountsJoined: known.size };
}

// The jobs the cooperative had on its old portal are not in the file (the queue is the portal's):
// its open written consultations get their close and reminder again, its convened meetings their
// reminder, as when they were opened or convened.
async function requeueJobs(client: pg.Client, databaseUrl: string, cooperativeId: string) {
  const { rows: questions } = await client.query<{ id: string; closesAt: Date }>(
    `SELECT id, "closesAt" FROM "VoteQuestion" WHERE "cooperativeId" = $1 AND status = 'OPEN' AND "closesAt" IS NOT NULL`,
    [cooperativeId],
  );
  const { rows: meetings } = await client.query<{ id: string; startsAt: Date; icsSequence: number }>(
    `SELECT id, "startsAt", "icsSequence" FROM "Meeting" WHERE "cooperativeId" = $1 AND status = 'INVITED' AND "startsAt" > now()`,
    [cooperativeId],
  );
  if (!questions.length && !meetings.length) return;
  const boss = await senderBossFor(databaseUrl);
  try {
    for (const q of questions)
      await scheduleVoteJobs({ questionId: q.id, closesAt: q.closesAt }, { sender: boss });
    for (const m of meetings)
      await scheduleMeetingReminder({ meetingId: m.id, startsAt: m.startsAt, sequence: m.icsSequence }, boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

if (isMain(import.meta.url)) {
  const { embeddedDatabaseUrl } = await import("@/scripts/settings");
  const { runScript, ScriptError } = await import("@/scripts/cli");
  const [command, first, second] = process.argv.slice(2);
  await runScript(async () => {
    const url = process.env.DATABASE_URL || embeddedDatabaseUrl();
    if (!url)
      throw new ScriptError(
        "Pas de base : définissez DATABASE_URL, ou lancez d'abord npm start (mêmes PORTAIL_DATA_DIR et EMBEDDED_PG_PORT). / No database.",
      );
    if (command === "export" && first) {
      const file = second ?? `cooperative-${first}-${new Date().toISOString().slice(0, 10)}.jsonl.gz`;
      const counts = await exportCooperative(url, first, file);
      console.log(`Exportée dans ${file} : ${JSON.stringify(counts)}`);
    } else if (command === "import" && first) {
      const { cooperative, counts, accountsJoined } = await importCooperative(url, first);
      console.log(
        `Importée : ${cooperative.name} (/i/${cooperative.slug}) — ${JSON.stringify(counts)} ; comptes déjà connus rejoints : ${accountsJoined}`,
      );
    } else {
      throw new ScriptError(
        "Usage : npm run cooperative:export -- <adresse-courte> [fichier] | npm run cooperative:import -- <fichier>",
      );
    }
  });
}
