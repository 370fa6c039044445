import "server-only";
import type PgBoss from "pg-boss";
import { QUEUES, workerBoss, type MeetingReminderJob } from "@/lib/jobs/queue";
import { sendReminder } from "@/lib/meetings/invitations";

// Registers every job handler; scripts/worker.ts runs this in its own process.
export async function startWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await workerBoss();
  await boss.work<MeetingReminderJob>(QUEUES.meetingReminder, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async (jobs) => {
    for (const job of jobs) {
      const sent = await sendReminder(job.data.meetingId, job.data.sequence);
      console.log(`[worker] rappel de la réunion ${job.data.meetingId} : ${sent} e-mail(s)`);
    }
  });
  return boss;
}
