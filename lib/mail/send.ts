import "server-only";
import { db } from "@/lib/db";
import { smtpSettings, smtpTransport } from "@/lib/mail/transport";

export type Attachment = { filename: string; contentType: string; content: string };
export type OutgoingEmail = { cooperativeId: string | null; to: string; subject: string; text: string; attachments?: Attachment[] };

// Every message is written to the outbox first, so none is silently lost; with SMTP it is
// then sent and marked, without SMTP it is kept for the coordinator to read in the app.
export async function sendEmail(email: OutgoingEmail) {
  const smtp = smtpSettings();
  const row = await db.outboxEmail.create({
    data: {
      cooperativeId: email.cooperativeId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      attachments: email.attachments?.length ? email.attachments : undefined,
      status: smtp ? "PENDING" : "KEPT",
    },
  });
  if (smtp) await deliver(row.id);
  return row.id;
}

export async function deliver(id: string) {
  const smtp = smtpSettings();
  const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
  if (!smtp) return;
  try {
    const attachments = (row.attachments as Attachment[] | null) ?? [];
    await smtpTransport(smtp).sendMail({ from: smtp.from, to: row.toAddress, subject: row.subject, text: row.textBody, attachments });
    await db.outboxEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
  } catch (error) {
    console.error(`E-mail ${id} not sent:`, error);
    await db.outboxEmail.update({
      where: { id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: String(error) },
    });
  }
}

