// The file format of db:backup and cooperative:export: gzipped JSON lines, a header first, then
// { t: table, rows: [...] } lines; and the migrations a database is at, which both compare.
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { once } from "node:events";
import type pg from "pg";

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function migrationsOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export function jsonLinesWriter(file: string) {
  const gzip = createGzip();
  // Password hashes, addresses and e-mails are in it: for its owner's eyes only.
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  return {
    async write(value: unknown) {
      if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
    },
    async close() {
      gzip.end();
      await once(out, "finish");
    },
  };
}

// The lines of a file, the header parsed.
export async function jsonLinesReader<H>(file: string) {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? null : JSON.parse(first.value)) as H | null;
  return { header, iterator };
}
