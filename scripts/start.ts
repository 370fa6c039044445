// `npm start`: with no configuration, starts an embedded PostgreSQL (data in .data/), applies
// the migrations, seeds the demo cooperative on the first run, builds if the sources changed,
// and serves the production build. DATABASE_URL set means: use that server, start none.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "./embedded-db";
import { migrateIfDue } from "./migrate";
import { buildIsCurrent } from "./build-state";
import { bundleServer } from "./server-bundle";
import { seedIfEmpty } from "./seed";
import { persistentSecret, webNodeFlags } from "./settings";
import { demoWanted } from "../lib/demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/demo-data";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const dataDir = path.resolve(process.env.PORTAIL_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", ".bin", "next");

let database: EmbeddedDb | null = null;
let server: ChildProcess | null = null;
let worker: ChildProcess | null = null;
let stopping = false;

function log(message: string) {
  console.log(`[portail] ${message}`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (worker && worker.exitCode === null) worker.kill("SIGTERM");
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (database) {
    log("Arrêt de PostgreSQL / stopping PostgreSQL…");
    await database.stop();
  }
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// npm does not pass SIGTERM on to its script: when the npm process that started us goes away,
// we are reparented, and stop too rather than leave PostgreSQL and the server running.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(0);
}, 1000).unref();

async function waitUntilServing(url: string) {
  for (let i = 0; i < 240 && !stopping; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return false;
}

function portIsFree(portToCheck: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(portToCheck, () => probe.close(() => resolve(true)));
  });
}

async function main() {
  if (!(await portIsFree(port))) {
    throw new Error(
      `Le port ${port} est déjà utilisé : arrêtez l'autre programme ou choisissez un autre port, par exemple PORT=3001 npm start. ` +
        `Port ${port} is already in use.`,
    );
  }
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log("DATABASE_URL est défini : PostgreSQL externe / external PostgreSQL.");
  } else {
    log(`Démarrage de PostgreSQL intégré (données : ${path.join(dataDir, "postgres")})…`);
    database = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      database: "portail",
    });
    databaseUrl = database.url;
  }

  const applied = await migrateIfDue(databaseUrl, (due) =>
    log(`Application de ${due.length} migration(s) / applying ${due.length} migration(s)…`),
  );
  if (!applied.length) log("Base à jour, aucune migration à appliquer / database up to date.");
  // The demo only when asked: always with no configuration, never with DATABASE_URL unless
  // PORTAIL_DEMO=true (a production database never gets the demo's public password).
  const demo = demoWanted(process.env);
  if (demo && (await seedIfEmpty(databaseUrl))) {
    log("Premier démarrage : coopérative de démonstration créée / demo cooperative seeded.");
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: persistentSecret(),
    PORTAIL_DEMO: String(demo),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
  };

  if (!dev && !buildIsCurrent()) {
    log("Construction de la version de production / building (une à deux minutes)…");
    const build = spawnSync(nextBin, ["build"], {
      env: { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    if (build.status !== 0) {
      console.error("[portail] La construction a échoué / build failed.");
      return shutdown(1);
    }
  }

  // Jobs (reminders) run in their own process, never on a timer of the web server.
  worker = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-loader.mjs", "scripts/worker.ts"],
    { env, stdio: ["ignore", "inherit", "inherit"] },
  );
  // Our server around Next.js: it resolves the client's address from the socket (TRUSTED_PROXIES)
  // and compresses. Bundled into plain JavaScript first (scripts/server-bundle.ts).
  server = spawn(
    process.execPath,
    [...(dev ? [] : webNodeFlags()), bundleServer(), ...(dev ? ["--dev"] : [])],
    {
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  server.on("exit", (code) => void shutdown(code ?? 0));

  if (await waitUntilServing(`http://127.0.0.1:${port}/connexion`)) {
    console.log(
      [
        "",
        `  Portail SCIC : ${env.NEXTAUTH_URL}`,
        "",
        ...(demo
          ? [
              `  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})`,
              ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(42)} ${a.who}`),
            ]
          : [
              "  Sans démonstration (PORTAIL_DEMO). Premier exploitant : le lien d'installation ci-dessus,",
              "  ou npm run operator:create -- --email vous@exemple.org --name « Votre nom ».",
            ]),
        "",
        "  Ctrl-C arrête le portail et sa base de données.",
        "",
      ].join("\n"),
    );
  }
}

main().catch(async (error) => {
  console.error("[portail]", error instanceof Error ? error.message : error);
  await shutdown(1);
});
