// The job worker: runs what pg-boss queued in PostgreSQL (reminders the day before a meeting).
// `npm start` runs it beside the web server; several can run, each job is taken once.
import { startWorker } from "../lib/jobs/worker";

const boss = await startWorker();
console.log("[worker] prêt / ready");

async function stop() {
  await boss.stop({ graceful: true, timeout: 5000 });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
