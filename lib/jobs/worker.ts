import "server-only";
import type PgBoss from "pg-boss";
import {
  QUEUES,
  workerBoss,
  type MeetingReminderJob,
  type NewsletterJob,
  type VoteJob,
} from "@/lib/jobs/queue";
import { resumeSends, runSend } from "@/lib/newsletter/service";
import { closeFromJob, remindVoters } from "@/lib/votes/vote-jobs.internal";
import { sendReminder } from "@/lib/meetings/meeting-notices.internal";
import { purgeSignInFailures } from "@/lib/auth/sign-in-failures.internal";

// Registers every job handler; scripts/worker.ts runs this in its own process.
export async function startWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await workerBoss();
  await boss.work<MeetingReminderJob>(
    QUEUES.meetingReminder,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs) {
        const sent = await sendReminder(job.data.meetingId, job.data.sequence);
        console.log(`[worker] rappel de la réunion ${job.data.meetingId} : ${sent} e-mail(s)`);
      }
    },
  );
  await boss.work<VoteJob>(
    QUEUES.voteClose,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs) {
        const closed = await closeFromJob(job.data.questionId);
        console.log(`[worker] vote ${job.data.questionId} : ${closed ? "clos à l'échéance" : "déjà clos"}`);
      }
    },
  );
  await boss.work<VoteJob>(
    QUEUES.voteReminder,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs)
        console.log(
          `[worker] rappel du vote ${job.data.questionId} : ${await remindVoters(job.data.questionId)} e-mail(s)`,
        );
    },
  );
  await boss.work<NewsletterJob>(
    QUEUES.newsletterSend,
    { pollingIntervalSeconds: Math.min(options.pollingIntervalSeconds ?? 2, 2) },
    async (jobs) => {
      for (const job of jobs)
        console.log(
          `[worker] lettre ${job.data.issueId} : ${await runSend(job.data.issueId)} e-mail(s) écrits`,
        );
    },
  );
  // Failed sign-ins name an address: kept only as long as the limit counts them, then purged
  // (every hour, and once at the start).
  await boss.work(QUEUES.purgeSignInFailures, async () => {
    console.log(`[worker] échecs de connexion effacés : ${await purgeSignInFailures()}`);
  });
  await boss.schedule(QUEUES.purgeSignInFailures, "17 * * * *");
  void purgeSignInFailures().catch((error) => console.error("[worker] purge des échecs :", error));
  // A send that a stop interrupted goes on at once.
  void resumeSends().then(
    (resumed) =>
      resumed.forEach((r) =>
        console.log(`[worker] lettre ${r.issueId} reprise : ${r.written} e-mail(s) écrits`),
      ),
    (error) => console.error("[worker] reprise des lettres :", error),
  );
  return boss;
}
