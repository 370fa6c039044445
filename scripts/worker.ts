// The job worker: runs what pg-boss queued in PostgreSQL (reminders the day before a meeting).
// `npm start` runs it beside the web server; several can run, each job is taken once. Started
// alone, it reads the same secret and database as the web server (scripts/settings.ts).
import { embeddedDatabaseUrl, persistentSecret } from "./settings";

process.env.NEXTAUTH_SECRET = persistentSecret();
process.env.DATABASE_URL ||= embeddedDatabaseUrl() ?? "";
if (!process.env.DATABASE_URL) {
  console.error("[worker] Pas de base : définissez DATABASE_URL, ou lancez d'abord npm start. No database.");
  process.exit(1);
}
process.env.PORTAIL_PROCESS = "worker";
// Imported once the settings are in place: the database pool reads them when it loads.
const { startWorker } = await import("../lib/jobs/worker");
const { log } = await import("../lib/log");

const boss = await startWorker();
log.info("[worker] prêt / ready");

// An empty portal (no operator, no cooperative but the demo): the one-time link that creates its
// first operator, in the log, for whoever runs the server.
const { setupLinkIfEmpty } = await import("../lib/operator/accounts.internal");
const setup = await setupLinkIfEmpty().catch(() => null);
if (setup)
  log.info(
    `[portail] Installation : créez le premier compte d'exploitation avec ce lien (valable 24 h, une fois) / ` +
      `first setup, create the operator account: ${setup}`,
  );

async function stop() {
  await boss.stop({ graceful: true, timeout: 5000 });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
