import "server-only";
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

// Jobs live in PostgreSQL (pg-boss), never in a timer of the web process: any app instance may
// queue one, the worker process (scripts/worker.ts) runs it, and it survives restarts.
export const QUEUES = {
  meetingReminder: "meeting-reminder",
  voteClose: "vote-close",
  voteReminder: "vote-reminder",
  newsletterSend: "newsletter-send",
  purgeLimits: "purge-rate-limits",
  deleteCooperatives: "delete-cooperatives",
  sweep: "sweep",
  bookletStale: "booklet-stale",
  contactsReconfirm: "contacts-reconfirm",
  eventReminders: "event-reminders",
  backup: "backup",
} as const;
export type MeetingReminderJob = { meetingId: string; sequence: number };
export type VoteJob = { questionId: string };
export type NewsletterJob = { issueId: string };

// pg-boss writes a job on the caller's connection: inside a Prisma transaction, the job exists
// if and only if the change that needs it commits (an opened vote and its close at the deadline).
export function inTransaction(tx: Prisma.TransactionClient) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((v) =>
        v === undefined
          ? null
          : v !== null && typeof v === "object" && !(v instanceof Date)
            ? JSON.stringify(v)
            : v,
      );
      return { rows: await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params) };
    },
  };
}

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

async function startBoss(role: "sender" | "worker", databaseUrl = process.env.DATABASE_URL): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    // Only the worker supervises and maintains the queues; the web app only sends.
    supervise: role === "worker",
    schedule: role === "worker",
  });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss"));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}

export function senderBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= startBoss("sender");
  return globalForBoss.boss;
}

export function workerBoss(): Promise<PgBoss> {
  return startBoss("worker");
}

// A sender on another database than the process's (the CLI's cooperative:import); stop it after.
export function senderBossFor(databaseUrl: string): Promise<PgBoss> {
  return startBoss("sender", databaseUrl);
}

const DAY_MS = 24 * 60 * 60 * 1000;

// The day before, at the same time (REMINDER_LEAD_MS); one job per meeting and calendar sequence
// (a new date queues a new reminder and the old one finds its sequence outdated). A meeting
// convened for less than that ahead gets no reminder: its convocation is the reminder.
export const REMINDER_LEAD_MS = DAY_MS;

export async function scheduleMeetingReminder(
  { meetingId, startsAt, sequence }: { meetingId: string; startsAt: Date; sequence: number },
  boss: PgBoss | Promise<PgBoss> = senderBoss(),
  now = new Date(),
) {
  const remindAt = startsAt.getTime() - REMINDER_LEAD_MS;
  if (remindAt <= now.getTime()) return;
  await (
    await boss
  ).send(QUEUES.meetingReminder, { meetingId, sequence } satisfies MeetingReminderJob, {
    startAfter: new Date(remindAt),
    singletonKey: `${meetingId}:${sequence}`,
  });
}

// A written consultation closes itself at its deadline; its voters are reminded the day before.
// With tx, on the transaction's connection (inTransaction).
export async function scheduleVoteJobs(
  { questionId, closesAt }: { questionId: string; closesAt: Date },
  { sender = senderBoss(), tx }: { sender?: PgBoss | Promise<PgBoss>; tx?: Prisma.TransactionClient } = {},
) {
  const boss = await sender;
  const on = tx ? { db: inTransaction(tx) } : {};
  await boss.send(QUEUES.voteClose, { questionId } satisfies VoteJob, {
    startAfter: closesAt,
    singletonKey: `close:${questionId}`,
    ...on,
  });
  const remindAt = closesAt.getTime() - DAY_MS;
  if (remindAt > Date.now())
    await boss.send(QUEUES.voteReminder, { questionId } satisfies VoteJob, {
      startAfter: new Date(remindAt),
      singletonKey: `remind:${questionId}`,
      ...on,
    });
}

// A newsletter send, started by the coordinator; the worker writes it out in batches.
export async function queueNewsletterSend(issueId: string) {
  const boss = await senderBoss();
  await boss.send(QUEUES.newsletterSend, { issueId } satisfies NewsletterJob, {
    singletonKey: `newsletter:${issueId}`,
  });
}
