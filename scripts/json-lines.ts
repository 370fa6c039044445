// The file format of db:backup and cooperative:export: gzipped JSON lines, a header first, then
// { t: table, rows: [...] } lines; and the migrations a database is at, which both compare.
// With a passphrase the gzipped lines are encrypted with age (age-encryption.org/v1, scrypt
// passphrase), which the `age` command also reads: `age -d copie.jsonl.gz.age | gunzip`.
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip, createGzip } from "node:zlib";
import { once } from "node:events";
import type pg from "pg";
import { ScriptError } from "./cli";

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const AGE_MAGIC = "age-encryption.org/v1";
const GZIP_MAGIC = [0x1f, 0x8b];

export async function migrationsOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

// The passphrase's scrypt work factor, as a base-2 logarithm: 18, age's own (256 MB and seconds
// of CPU to try one passphrase). The tests lower it with PORTAIL_TEST_SCRYPT_LOG_N, read only when
// NODE_ENV is « test » (Vitest sets it): at 18 each of their encryptions and refused or accepted
// restores cost 3 to 13 s of CPU, and what they check (the format, the refusals, the round trip)
// does not depend on it. The factor is written in the copy's header, where age reads it back.
export const SCRYPT_LOG_N = 18;
export function scryptLogN(env: Record<string, string | undefined> = process.env): number {
  if (env.NODE_ENV !== "test") return SCRYPT_LOG_N;
  const lowered = Number(env.PORTAIL_TEST_SCRYPT_LOG_N);
  return Number.isInteger(lowered) && lowered >= 1 && lowered < SCRYPT_LOG_N ? lowered : SCRYPT_LOG_N;
}

async function encrypted(source: Readable, passphrase: string): Promise<Readable> {
  const { Encrypter } = await import("age-encryption");
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(scryptLogN());
  const web = Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
  return Readable.fromWeb((await encrypter.encrypt(web)) as unknown as WebReadableStream<Uint8Array>);
}

async function decrypted(source: Readable, passphrase: string): Promise<Readable> {
  const { Decrypter } = await import("age-encryption");
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const web = Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
  try {
    return Readable.fromWeb((await decrypter.decrypt(web)) as unknown as WebReadableStream<Uint8Array>);
  } catch {
    throw new ScriptError(
      "La phrase de passe ne déchiffre pas cette sauvegarde (PORTAIL_BACKUP_PASSPHRASE) / wrong passphrase.",
    );
  }
}

// The line that ends a whole file: a copy without it was cut short (a failed backup, a full disk)
// and is refused, whatever gzip says (a header with `ends: true` promises it).
const END = { end: true };

// Writes to `<file>.partial`, renamed to `file` only by close() once everything is written: a copy
// that failed midway never takes the name of a good one (nor replaces yesterday's). abort() drops it.
export function jsonLinesWriter(file: string, options: { passphrase?: string } = {}) {
  const gzip = createGzip();
  const partial = `${file}.partial`;
  // Password hashes, addresses and e-mails are in it: for its owner's eyes only.
  if (fs.existsSync(partial)) fs.rmSync(partial);
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const written = (async () => {
    const body = options.passphrase ? await encrypted(gzip, options.passphrase) : gzip;
    await pipeline(body, out);
  })();
  // Kept until close() reports it (a full disk, a folder that does not exist).
  let failure: unknown = null;
  written.catch((error: unknown) => {
    failure = error;
    gzip.destroy();
  });
  return {
    async write(value: unknown) {
      if (failure) throw failure;
      if (!gzip.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(gzip, "drain"), written]);
    },
    async close() {
      if (failure) throw failure;
      gzip.end(`${JSON.stringify(END)}\n`);
      await written;
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, file);
    },
    async abort() {
      gzip.destroy();
      await written.catch(() => undefined);
      fs.rmSync(partial, { force: true });
    },
  };
}

// The lines of a file, the header parsed. A missing, truncated, damaged, foreign or encrypted
// file without its passphrase is refused in words (ScriptError, or a zlib error cli.ts words),
// from the iterator when the damage is further in.
export async function jsonLinesReader<H>(file: string, options: { passphrase?: string } = {}) {
  if (!fs.existsSync(file)) throw new ScriptError(`Fichier introuvable / file not found: ${file}`);
  if (!fs.statSync(file).isFile()) throw new ScriptError(`Ce n'est pas un fichier / not a file: ${file}`);
  const start = Buffer.alloc(AGE_MAGIC.length);
  const handle = await fs.promises.open(file, "r");
  const { bytesRead } = await handle.read(start, 0, start.length, 0).finally(() => handle.close());
  let source: Readable = fs.createReadStream(file);
  if (start.subarray(0, bytesRead).toString("latin1") === AGE_MAGIC) {
    const passphrase = options.passphrase;
    if (!passphrase)
      throw new ScriptError(
        "Cette sauvegarde est chiffrée : donnez sa phrase de passe dans PORTAIL_BACKUP_PASSPHRASE / this backup is encrypted.",
      );
    source = await decrypted(source, passphrase);
  } else if (bytesRead < 2 || start[0] !== GZIP_MAGIC[0] || start[1] !== GZIP_MAGIC[1]) {
    source.destroy();
    throw new ScriptError(`Ce fichier n'est pas une sauvegarde du portail / not a portal backup: ${file}`);
  }
  const gunzip = createGunzip();
  // Errors of the file or of the decryption reach the lines' reader through the gunzip stream.
  pipeline(source, gunzip).catch(() => undefined);
  // Characters split between two chunks are put back together.
  gunzip.setEncoding("utf8");
  let header: H | null = null;
  async function* lines(): AsyncGenerator<string> {
    let rest = "";
    let ended = false;
    const endLine = JSON.stringify(END);
    for await (const chunk of gunzip) {
      const text = rest + (chunk as string);
      const parts = text.split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) {
        if (part === endLine) ended = true;
        else yield part;
      }
    }
    if (rest === endLine) ended = true;
    else if (rest) yield rest;
    if (!ended && (header as { ends?: boolean } | null)?.ends === true)
      throw new ScriptError(
        `Le fichier est incomplet (la copie s'est arrêtée avant la fin) : rien n'a été restauré / the file is incomplete: ${file}`,
      );
  }
  const iterator = lines();
  const first = await iterator.next();
  const close = () => {
    source.destroy();
    gunzip.destroy();
  };
  if (!first.done) {
    try {
      header = JSON.parse(first.value) as H;
    } catch {
      close();
      throw new ScriptError(`Ce fichier n'est pas une sauvegarde du portail / not a portal backup: ${file}`);
    }
  }
  return { header, iterator, close };
}
