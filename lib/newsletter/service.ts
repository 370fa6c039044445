import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { deliver, sendEmail } from "@/lib/mail/send";
import { queueEmail } from "@/lib/mail/outbox.internal";
import { smtpSettings } from "@/lib/mail/transport";
import { renderMarkdown } from "@/lib/minutes/render";
import { markdownToLines } from "@/lib/minutes/plain-text";
import { siteUrl } from "@/lib/site-url";
import { queueNewsletterSend } from "@/lib/jobs/queue";
import type { IssueInput } from "@/lib/newsletter/schema";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/newsletter/unsubscribe-token";

export { unsubscribeToken, verifyUnsubscribeToken };

// The newsletter: written in Markdown by the coordinator, previewed, tested on themselves, then
// sent to the members who consented and the imported recipients. When the send starts, one
// delivery row per recipient fixes who gets it (its primary key: at most once); the job queue
// then writes the e-mails to the outbox in batches, each batch in one transaction with its
// delivery rows, so a restart anywhere resumes where the last committed batch ended.

export type NewsletterFailure = "notFound" | "alreadySent" | "noEmail";
export type NewsletterResult<T = null> = Result<T, NewsletterFailure>;

const BATCH = () => Math.max(1, Number(process.env.NEWSLETTER_BATCH_SIZE ?? 50));
const PAUSE_MS = () => Math.max(0, Number(process.env.NEWSLETTER_BATCH_PAUSE_MS ?? 0));

// Who receives it: consented, not unsubscribed, never bounced or complained.
const reachable = (cooperativeId: string) => ({
  cooperativeId,
  consentAt: { not: null },
  unsubscribedAt: null,
  bouncedAt: null,
});

// ───────────────────────────── Unsubscribe links ─────────────────────────────

// The test e-mail's link: its page explains that it unsubscribes nobody.
export const TEST_UNSUBSCRIBE_TOKEN = "essai";
function testUnsubscribeUrl(): string {
  return `${siteUrl()}/desabonnement/${TEST_UNSUBSCRIBE_TOKEN}`;
}

export function unsubscribeUrl(recipientId: string): string {
  return `${siteUrl()}/desabonnement/${unsubscribeToken(recipientId)}`;
}

export async function unsubscribeInfo(token: string) {
  const id = verifyUnsubscribeToken(token);
  if (!id) return null;
  const recipient = await db.newsletterRecipient.findUnique({
    where: { id },
    include: { cooperative: { select: { name: true, shortName: true } } },
  });
  return recipient
    ? {
        email: recipient.email,
        cooperative: recipient.cooperative.shortName ?? recipient.cooperative.name,
        unsubscribed: recipient.unsubscribedAt !== null,
      }
    : null;
}

export async function unsubscribe(token: string, now = new Date()): Promise<boolean> {
  const id = verifyUnsubscribeToken(token);
  if (!id) return false;
  const recipient = await db.newsletterRecipient.findUnique({ where: { id } });
  if (!recipient) return false;
  if (!recipient.unsubscribedAt) {
    await db.$transaction(async (tx) => {
      await tx.newsletterRecipient.update({ where: { id }, data: { unsubscribedAt: now } });
      await recordAudit(tx, {
        cooperativeId: recipient.cooperativeId,
        actorId: null,
        action: "newsletter.unsubscribed",
        entityType: "NewsletterRecipient",
        entityId: id,
        // Who: the journal names the address (an erasure scrubs it like every other trace).
        after: { email: recipient.email },
      });
    });
  }
  return true;
}

// ───────────────────────────── Issues ─────────────────────────────

export async function listIssues(actor: Actor) {
  authorize(actor, "newsletter.manage");
  const [issues, recipients] = await Promise.all([
    db.newsletterIssue.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { number: "desc" },
      include: { _count: { select: { deliveries: { where: { queuedAt: { not: null } } } } } },
    }),
    db.newsletterRecipient.count({ where: reachable(actor.cooperativeId) }),
  ]);
  return {
    recipients,
    issues: issues.map((i) => ({
      id: i.id,
      number: i.number,
      subject: i.subject,
      sendStartedAt: i.sendStartedAt,
      sentAt: i.sentAt,
      recipients: i.recipients,
      queued: i._count.deliveries,
    })),
  };
}

export async function getIssue(actor: Actor, issueId: string) {
  authorize(actor, "newsletter.manage");
  if (issueId.length > 40) return null;
  const issue = await db.newsletterIssue.findFirst({
    where: { id: issueId, cooperativeId: actor.cooperativeId },
  });
  if (!issue) return null;
  const [queued, recipients] = await Promise.all([
    db.newsletterDelivery.count({ where: { issueId: issue.id, queuedAt: { not: null } } }),
    issue.sendStartedAt
      ? Promise.resolve(issue.recipients)
      : db.newsletterRecipient.count({ where: reachable(actor.cooperativeId) }),
  ]);
  // The preview is the e-mail itself, with the test's unsubscribe link.
  return {
    ...issue,
    queued,
    recipientCount: recipients,
    emailHtml: htmlOf(issue.body, testUnsubscribeUrl()),
  };
}

export async function createIssue(
  actor: Actor,
  input: IssueInput,
): Promise<NewsletterResult<{ id: string }>> {
  authorize(actor, "newsletter.manage");
  for (let attempt = 0; ; attempt++) {
    try {
      const issue = await db.$transaction(async (tx) => {
        const last = await tx.newsletterIssue.aggregate({
          where: { cooperativeId: actor.cooperativeId },
          _max: { number: true },
        });
        return tx.newsletterIssue.create({
          data: {
            cooperativeId: actor.cooperativeId,
            number: (last._max.number ?? 0) + 1,
            subject: input.subject,
            body: input.body,
            createdById: actor.personId,
          },
        });
      });
      return { ok: true, data: { id: issue.id } };
    } catch (error) {
      if (attempt < 3 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

// A draft changes until the send starts; after that it is what people received.
export async function updateIssue(
  actor: Actor,
  issueId: string,
  input: IssueInput,
): Promise<NewsletterResult> {
  authorize(actor, "newsletter.manage");
  const { count } = await db.newsletterIssue.updateMany({
    where: { id: issueId, cooperativeId: actor.cooperativeId, sendStartedAt: null },
    data: { subject: input.subject, body: input.body },
  });
  if (count) return { ok: true, data: null };
  const exists = await db.newsletterIssue.count({
    where: { id: issueId, cooperativeId: actor.cooperativeId },
  });
  return { ok: false, error: exists ? "alreadySent" : "notFound" };
}

function textOf(body: string, unsubscribe: string) {
  const lines = markdownToLines(body).map((l) =>
    l.bullet ? `- ${l.text}` : l.heading ? `\n${l.text.toUpperCase()}` : l.text,
  );
  return `${lines.join("\n")}\n\n—\nVous recevez cette lettre parce que vous l'avez acceptée. Pour ne plus la recevoir, en un clic : ${unsubscribe}\n`;
}

function htmlOf(body: string, unsubscribe: string) {
  const link = unsubscribe.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;max-width:40em;margin:auto;line-height:1.5">${renderMarkdown(body)}<hr><p style="font-size:small">Vous recevez cette lettre parce que vous l'avez acceptée. <a href="${link}">Se désabonner en un clic</a>.</p></body></html>`;
}

// The mail program's own unsubscribe button (RFC 8058) posts to the API twin of the page.
function headersOf(unsubscribe: string) {
  return {
    "List-Unsubscribe": `<${unsubscribe.replace("/desabonnement/", "/api/desabonnement/")}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

// The coordinator's own copy, marked as a test.
export async function sendTest(actor: Actor, issueId: string): Promise<NewsletterResult<{ to: string }>> {
  authorize(actor, "newsletter.manage");
  if (!actor.email) return { ok: false, error: "noEmail" };
  const issue = await db.newsletterIssue.findFirst({
    where: { id: issueId, cooperativeId: actor.cooperativeId },
  });
  if (!issue) return { ok: false, error: "notFound" };
  const link = testUnsubscribeUrl();
  await sendEmail({
    cooperativeId: actor.cooperativeId,
    to: actor.email,
    subject: `[Essai] ${issue.subject}`,
    text: textOf(issue.body, link),
    html: htmlOf(issue.body, link),
    headers: headersOf(link),
  });
  return { ok: true, data: { to: actor.email } };
}

// Fixes the recipients and queues the send (once: a second click finds it started).
export async function startSend(
  actor: Actor,
  issueId: string,
  now = new Date(),
): Promise<NewsletterResult<{ recipients: number }>> {
  authorize(actor, "newsletter.manage");
  const issue = await db.newsletterIssue.findFirst({
    where: { id: issueId, cooperativeId: actor.cooperativeId },
  });
  if (!issue) return { ok: false, error: "notFound" };
  const recipients = await db.$transaction(async (tx) => {
    const { count } = await tx.newsletterIssue.updateMany({
      where: { id: issue.id, sendStartedAt: null },
      data: { sendStartedAt: now },
    });
    if (!count) return null;
    const inserted = await tx.$executeRaw`
      INSERT INTO "NewsletterDelivery" ("issueId", "recipientId")
      SELECT ${issue.id}, r.id FROM "NewsletterRecipient" r
       WHERE r."cooperativeId" = ${actor.cooperativeId} AND r."consentAt" IS NOT NULL AND r."unsubscribedAt" IS NULL AND r."bouncedAt" IS NULL
      ON CONFLICT DO NOTHING`;
    await tx.newsletterIssue.update({ where: { id: issue.id }, data: { recipients: inserted } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "newsletter.sent",
      entityType: "NewsletterIssue",
      entityId: issue.id,
      after: { number: issue.number, recipients: inserted },
    });
    return inserted;
  });
  if (recipients === null) return { ok: false, error: "alreadySent" };
  if (recipients === 0) await db.newsletterIssue.update({ where: { id: issue.id }, data: { sentAt: now } });
  else await queueNewsletterSend(issue.id);
  return { ok: true, data: { recipients } };
}

// One batch: the next deliveries not yet written, locked (a second worker takes others), their
// e-mails written to the outbox and the deliveries marked, all in one transaction. Returns how
// many were written. `fault` lets the tests break a batch midway.
export async function sendBatch(
  issueId: string,
  size = BATCH(),
  fault?: (index: number) => void,
): Promise<number> {
  const smtp = smtpSettings();
  const written = await db.$transaction(async (tx) => {
    const issue = await tx.newsletterIssue.findUnique({ where: { id: issueId } });
    if (!issue?.sendStartedAt) return [];
    const batch = await tx.$queryRaw<
      {
        recipientId: string;
        email: string;
        name: string | null;
        unsubscribedAt: Date | null;
        bouncedAt: Date | null;
        consentAt: Date | null;
      }[]
    >`
      SELECT d."recipientId", r.email, r.name, r."unsubscribedAt", r."bouncedAt", r."consentAt"
        FROM "NewsletterDelivery" d JOIN "NewsletterRecipient" r ON r.id = d."recipientId"
       WHERE d."issueId" = ${issueId} AND d."queuedAt" IS NULL
       ORDER BY d."recipientId"
       LIMIT ${size}
         FOR UPDATE OF d SKIP LOCKED`;
    const ids: string[] = [];
    for (const [index, row] of batch.entries()) {
      fault?.(index);
      // Unsubscribed, bounced or consent withdrawn (a later import said no) since the send
      // started: skipped, marked so.
      if (row.unsubscribedAt || row.bouncedAt || !row.consentAt) {
        await tx.newsletterDelivery.update({
          where: { issueId_recipientId: { issueId, recipientId: row.recipientId } },
          data: { queuedAt: new Date() },
        });
        continue;
      }
      const link = unsubscribeUrl(row.recipientId);
      const emailId = await queueEmail(tx, {
        cooperativeId: issue.cooperativeId,
        to: row.email,
        subject: issue.subject,
        text: textOf(issue.body, link),
        html: htmlOf(issue.body, link),
        headers: headersOf(link),
      });
      await tx.newsletterDelivery.update({
        where: { issueId_recipientId: { issueId, recipientId: row.recipientId } },
        data: { queuedAt: new Date(), emailId },
      });
      ids.push(emailId);
    }
    return batch.length ? [...ids, ...Array<string>(batch.length - ids.length).fill("")] : [];
  });
  // With SMTP, the written e-mails leave now; one still PENDING after a crash is sent by runSend.
  if (smtp) for (const id of written) if (id) await deliver(id);
  return written.length;
}

// The job: batches until none is left, then the issue is marked sent. Safe to run again after a
// restart (what was written stays written; PENDING e-mails of the issue are sent first).
export async function runSend(issueId: string): Promise<number> {
  if (smtpSettings()) {
    const written = await db.newsletterDelivery.findMany({
      where: { issueId, emailId: { not: null } },
      select: { emailId: true },
    });
    const pending = await db.outboxEmail.findMany({
      where: { id: { in: written.map((w) => w.emailId!) }, status: "PENDING" },
      select: { id: true },
    });
    for (const p of pending) await deliver(p.id);
  }
  let total = 0;
  for (;;) {
    const n = await sendBatch(issueId);
    if (n === 0) break;
    total += n;
    if (PAUSE_MS()) await new Promise((r) => setTimeout(r, PAUSE_MS()));
  }
  const left = await db.newsletterDelivery.count({ where: { issueId, queuedAt: null } });
  if (left === 0)
    await db.newsletterIssue.updateMany({
      where: { id: issueId, sentAt: null },
      data: { sentAt: new Date() },
    });
  return total;
}

// At the worker's start: sends that a stop interrupted go on at once (batches already written
// stay written; the batch a dead worker held was rolled back with its connection).
export async function resumeSends(): Promise<{ issueId: string; written: number }[]> {
  const started = await db.newsletterIssue.findMany({
    where: { sendStartedAt: { not: null }, sentAt: null },
    select: { id: true },
  });
  const resumed = [];
  for (const issue of started) resumed.push({ issueId: issue.id, written: await runSend(issue.id) });
  return resumed;
}
