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
import { closeFromJob, closeOverdue, remindVoters } from "@/lib/votes/vote-jobs.internal";
import { deliverWaiting } from "@/lib/mail/send";
import { sendReminder } from "@/lib/meetings/meeting-notices.internal";
import { purgeExpiredLimits } from "@/lib/limits/purge.internal";
import { log } from "@/lib/log";
import { deleteDueCooperatives } from "@/lib/operator/deletion.internal";
import { remindStaleEntries } from "@/lib/booklet/reminders.internal";
import { reconfirmContacts } from "@/lib/contacts/reminders.internal";
import { forgetPastSignups, remindTomorrow } from "@/lib/events/reminders.internal";
import { scheduledBackup } from "@/lib/operator/backups.internal";
import { backupSchedule, validSchedule } from "@/lib/operator/backup-settings";
import { TIME_ZONE } from "@/lib/dates";

// Registers every job handler; scripts/worker.ts runs this in its own process.
export async function startWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await workerBoss();
  await boss.work<MeetingReminderJob>(
    QUEUES.meetingReminder,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs) {
        const sent = await sendReminder(job.data.meetingId, job.data.sequence);
        log.info(`[worker] rappel de la réunion ${job.data.meetingId} : ${sent} e-mail(s)`);
      }
    },
  );
  await boss.work<VoteJob>(
    QUEUES.voteClose,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs) {
        const closed = await closeFromJob(job.data.questionId);
        log.info(`[worker] vote ${job.data.questionId} : ${closed ? "clos à l'échéance" : "déjà clos"}`);
      }
    },
  );
  await boss.work<VoteJob>(
    QUEUES.voteReminder,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs)
        log.info(
          `[worker] rappel du vote ${job.data.questionId} : ${await remindVoters(job.data.questionId)} e-mail(s)`,
        );
    },
  );
  await boss.work<NewsletterJob>(
    QUEUES.newsletterSend,
    { pollingIntervalSeconds: Math.min(options.pollingIntervalSeconds ?? 2, 2) },
    async (jobs) => {
      for (const job of jobs)
        log.info(`[worker] lettre ${job.data.issueId} : ${await runSend(job.data.issueId)} e-mail(s) écrits`);
    },
  );
  // Rate-limit counters (failed sign-ins, public ideas) are kept only while they count, then
  // deleted (every hour, and once at the start).
  await boss.work(QUEUES.purgeLimits, async () => {
    log.info(`[worker] compteurs de limites expirés effacés : ${await purgeExpiredLimits()}`);
  });
  await boss.schedule(QUEUES.purgeLimits, "17 * * * *");
  void purgeExpiredLimits().catch((error) => log.error({ err: error }, "[worker] purge des compteurs"));
  // Cooperatives whose deletion the operator asked and whose delay has passed (every hour).
  await boss.work(QUEUES.deleteCooperatives, async () => {
    const deleted = await deleteDueCooperatives();
    if (deleted.length) log.info({ cooperatives: deleted }, "[worker] coopératives supprimées");
  });
  await boss.schedule(QUEUES.deleteCooperatives, "41 * * * *");
  // Every morning: the booklet's entries not checked for the cooperative's months, told to
  // their keepers once.
  await boss.work(QUEUES.bookletStale, async () => {
    const sent = await remindStaleEntries();
    if (sent) log.info(`[worker] carnet : ${sent} rappel(s) d'adresses à vérifier`);
  });
  await boss.schedule(QUEUES.bookletStale, "7 8 * * *");
  // Every morning: agreements to be contacted older than two years are asked again, and removed
  // 30 days later without a yes.
  await boss.work(QUEUES.contactsReconfirm, async () => {
    const { asked, removed } = await reconfirmContacts();
    if (asked || removed)
      log.info(`[worker] personnes à contacter : ${asked} relance(s), ${removed} retrait(s)`);
  });
  await boss.schedule(QUEUES.contactsReconfirm, "13 8 * * *");
  // Every hour: events starting within a day, reminded to who signed up, once; inhabitants'
  // names and contacts forgotten three months after an event.
  await boss.work(QUEUES.eventReminders, async () => {
    const sent = await remindTomorrow();
    if (sent) log.info(`[worker] événements : ${sent} rappel(s) de la veille`);
    const forgotten = await forgetPastSignups();
    if (forgotten)
      log.info(`[worker] événements : ${forgotten} inscription(s) passée(s) rendue(s) anonyme(s)`);
  });
  await boss.schedule(QUEUES.eventReminders, "29 * * * *");
  // The nightly copy of the database (PORTAIL_BACKUP_SCHEDULE; "off" for none), the last ones kept.
  await boss.work(QUEUES.backup, async () => {
    const outcome = await scheduledBackup();
    if (outcome.error) log.error(`[worker] sauvegarde échouée / backup failed: ${outcome.error}`);
    else
      log.info(
        { removed: outcome.removed },
        `[worker] sauvegarde / backup: ${outcome.file} (${outcome.bytes} octets / bytes)`,
      );
  });
  // In the cooperative's time zone (pg-boss reads cron lines in UTC otherwise). A line it cannot
  // read is logged and leaves every other job running.
  const schedule = backupSchedule();
  if (schedule && validSchedule(schedule))
    await boss
      .schedule(QUEUES.backup, schedule, undefined, { tz: TIME_ZONE })
      .catch((error: unknown) =>
        log.error({ err: error }, `[worker] PORTAIL_BACKUP_SCHEDULE illisible / unreadable: ${schedule}`),
      );
  else {
    if (schedule) log.error(`[worker] PORTAIL_BACKUP_SCHEDULE illisible / unreadable: ${schedule}`);
    await boss.unschedule(QUEUES.backup);
  }
  // Every minute, and once now: questions past their deadline still open are closed, e-mails
  // written by a committed change and never sent are sent.
  const sweep = async () => {
    const [closed, sent] = await Promise.allSettled([closeOverdue(), deliverWaiting()]);
    if (closed.status === "rejected") log.error({ err: closed.reason }, "[worker] rattrapage des votes");
    else if (closed.value.length)
      log.info({ questions: closed.value }, "[worker] votes clos à l'échéance (rattrapage)");
    if (sent.status === "rejected") log.error({ err: sent.reason }, "[worker] e-mails en attente");
    else if (sent.value) log.info(`[worker] ${sent.value} e-mail(s) en attente envoyés`);
  };
  await boss.work(QUEUES.sweep, sweep);
  await boss.schedule(QUEUES.sweep, "* * * * *");
  void sweep().catch((error) => log.error({ err: error }, "[worker] rattrapage"));
  // A send that a stop interrupted goes on at once.
  void resumeSends().then(
    (resumed) =>
      resumed.forEach((r) =>
        log.info(`[worker] lettre ${r.issueId} reprise : ${r.written} e-mail(s) écrits`),
      ),
    (error) => log.error({ err: error }, "[worker] reprise des lettres"),
  );
  return boss;
}
