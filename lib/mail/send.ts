import "server-only";
import { db } from "@/lib/db";
import { smtpSettings, smtpTransport } from "@/lib/mail/transport";
import { queueEmail } from "@/lib/mail/outbox.internal";
import { personalLinks } from "@/lib/mail/personal-links";
import { markBounced } from "@/lib/newsletter/recipients.internal";
import { log } from "@/lib/log";

export type Attachment = { filename: string; contentType: string; content: string };
export type OutgoingEmail = {
  cooperativeId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: Attachment[];
};

// Every message is written to the outbox first, so none is silently lost; with SMTP it is
// then sent and marked, without SMTP it is kept for the coordinator to read in the app — its
// personal links masked there, and written to the server's log for the operator to pass on
// (as self-hosted apps do without a mail server).
export async function sendEmail(email: OutgoingEmail) {
  const id = await queueEmail(db, email);
  if (smtpSettings()) await deliver(id);
  else {
    const links = [...new Set(personalLinks(email.text))];
    if (links.length)
      log.info(
        { to: email.to, subject: email.subject, links },
        `[courriel] ${email.to} — ${email.subject} : ${links.join(" ")}`,
      );
  }
  return id;
}

// Sends one outbox e-mail through SMTP. Several workers (or a resumed send beside a running one)
// may try the same row: each first claims it — the attempt counter moves only if nobody moved
// it since it was read — so only one of them sends it.
export async function deliver(id: string) {
  const smtp = smtpSettings();
  const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
  if (!smtp || row.status === "SENT" || row.status === "KEPT") return;
  const { count } = await db.outboxEmail.updateMany({
    where: { id, status: row.status, attempts: row.attempts },
    data: { attempts: { increment: 1 } },
  });
  if (count === 0) return;
  try {
    const attachments = (row.attachments as Attachment[] | null) ?? [];
    const headers = (row.headers as Record<string, string> | null) ?? undefined;
    await smtpTransport(smtp).sendMail({
      from: smtp.from,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody ?? undefined,
      headers,
      attachments,
    });
    await db.outboxEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date() } });
  } catch (error) {
    log.error({ err: error, emailId: id }, "e-mail not sent");
    await db.outboxEmail.update({ where: { id }, data: { status: "FAILED", lastError: String(error) } });
    // A permanent refusal (5xx) of a newsletter e-mail: that address is never sent to again.
    const code = (error as { responseCode?: number }).responseCode;
    if (code && code >= 500) await markBounced(id, String(error));
  }
}

// Sends e-mails a committed transaction wrote to the outbox (queueEmail); without SMTP they stay
// there for the coordinator to read. If the process stops first, the worker's sweep sends them.
export async function deliverAll(ids: string[]) {
  if (!smtpSettings()) return;
  for (const id of ids) await deliver(id);
}

// The worker's sweep: e-mails written by a committed change (a vote opened or closed) whose
// process stopped before sending them; never tried, and older than a minute so as not to race
// the process that wrote them. deliver's claim keeps each to one sending.
export async function deliverWaiting(now = new Date()): Promise<number> {
  if (!smtpSettings()) return 0;
  const waiting = await db.outboxEmail.findMany({
    where: { status: "PENDING", attempts: 0, createdAt: { lt: new Date(now.getTime() - 60_000) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const { id } of waiting) await deliver(id);
  return waiting.length;
}
