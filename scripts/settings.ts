// What every process of the portal reads the same way, whoever starts it: the data folder, the
// one secret, and the database. `npm start` passes them on to the web server and the worker;
// a worker started alone (`node --import tsx scripts/worker.ts`, on another machine or after
// a crash) finds the same ones, so that no process ever runs without its secret.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { adminUrl, embeddedPassword } from "./embedded-db";

export function dataDir(): string {
  return path.resolve(process.env.PORTAIL_DATA_DIR ?? ".data");
}

// NEXTAUTH_SECRET if set; otherwise the one generated on the first start into
// .data/nextauth-secret (mode 0600), the same for every process.
export function persistentSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir(), "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// DATABASE_URL if set; otherwise the embedded PostgreSQL that `npm start` runs (null when it
// never started here).
export function embeddedDatabaseUrl(): string | null {
  const password = embeddedPassword(path.join(dataDir(), "postgres"));
  if (!password) return null;
  return adminUrl({ port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), password, database: "portail" });
}
