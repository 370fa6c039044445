// The job worker: runs what pg-boss queued in PostgreSQL (reminders the day before a meeting).
// `npm start` runs it beside the web server; several can run, each job is taken once.
import { QUEUES, workerBoss, type MeetingReminderJob } from "../lib/jobs/queue";
import { sendReminder } from "../lib/meetings/invitations";

const boss = await workerBoss();
await boss.work<MeetingReminderJob>(QUEUES.meetingReminder, async (jobs) => {
  for (const job of jobs) {
    const sent = await sendReminder(job.data.meetingId, job.data.sequence);
    console.log(`[worker] rappel de la réunion ${job.data.meetingId} : ${sent} e-mail(s)`);
  }
});
console.log("[worker] prêt / ready");

async function stop() {
  await boss.stop({ graceful: true, timeout: 5000 });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
