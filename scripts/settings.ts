// What every process of the portal reads the same way, whoever starts it: the data folder, the
// one secret, and the database. `npm start` passes them on to the web server and the worker;
// a worker started alone (`node --import tsx scripts/worker.ts`, on another machine or after
// a crash) finds the same ones, so that no process ever runs without its secret.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { adminUrl, embeddedPassword } from "./embedded-db";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.PORTAIL_DATA_DIR ?? ".data");
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
// The port is the one the running cluster wrote in its postmaster.pid, else EMBEDDED_PG_PORT.
export function embeddedDatabaseUrl(): string | null {
  const cluster = path.join(dataDir(), "postgres");
  const password = embeddedPassword(cluster);
  if (!password) return null;
  const port = runningPort(cluster) ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  return adminUrl({ port, password, database: "portail" });
}

// The port in a running cluster's postmaster.pid (its fourth line), or null when none runs.
export function runningPort(cluster: string): number | null {
  try {
    const port = Number(fs.readFileSync(path.join(cluster, "postmaster.pid"), "utf8").split("\n")[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

// The web server's V8 heap bound (old generation), in MB: PORTAIL_WEB_HEAP_MB, 384 by default.
// Without one, Node lets the heap grow with the machine's memory (a 24 GiB host let a busy web
// server reach 700 MB before collecting); 384 MB keeps it near 340 MB resident at 20 users at
// once, with no measurable loss (256 MB cost the ballot box about 15 % in collections).
export function webHeapMb(): number {
  const asked = Number(process.env.PORTAIL_WEB_HEAP_MB);
  return Number.isInteger(asked) && asked >= 64 ? asked : 384;
}

// The young generation's semi-space, in MB: PORTAIL_WEB_YOUNG_MB, YOUNG_MB by default (Node 20's
// own is 16). A page allocates a few MB that die with its request; with 20 requests in flight, a
// small young generation is collected every few pages while much of it is still alive, and each
// collection copies what is. Measured on the scale data, A/B, six rounds alternating
// (2026-12-02), pages per second at 20 users: 64 MB gave meeting 127 → 141, record 109 → 117,
// floor 205 → 233, for 125 MB more resident; 48 MB gave 123 → 138, 94 → 111, 199 → 223, for
// 116 MB more (bench:pages: 428 MB, over its 400 MB target); 32 MB gave 103 → 112 (ahead in each
// of the six rounds), 85 → 88, 167 → 186, for about 20–50 MB more (bench:pages: 362 MB).
const YOUNG_MB = 32;
export function webYoungMb(): number {
  const asked = Number(process.env.PORTAIL_WEB_YOUNG_MB);
  return Number.isInteger(asked) && asked >= 1 && asked <= 1024 ? asked : YOUNG_MB;
}

// The web server's Node.js flags: `npm start` and the benches give the same.
export function webNodeFlags(): string[] {
  return [`--max-old-space-size=${webHeapMb()}`, `--max-semi-space-size=${webYoungMb()}`];
}
