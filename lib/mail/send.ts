import "server-only";
import { db } from "@/lib/db";
import { smtpSettings, smtpTransport } from "@/lib/mail/transport";

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
// then sent and marked, without SMTP it is kept for the coordinator to read in the app.
export async function sendEmail(email: OutgoingEmail) {
  const smtp = smtpSettings();
  const row = await db.outboxEmail.create({
    data: {
      cooperativeId: email.cooperativeId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      headers: email.headers,
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
    await db.outboxEmail.update({
      where: { id },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } },
    });
  } catch (error) {
    console.error(`E-mail ${id} not sent:`, error);
    await db.outboxEmail.update({
      where: { id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: String(error) },
    });
    // A permanent refusal (5xx) of a newsletter e-mail: that address is never sent to again.
    const code = (error as { responseCode?: number }).responseCode;
    if (code && code >= 500) {
      const delivery = await db.newsletterDelivery.findUnique({
        where: { emailId: id },
        select: { recipientId: true },
      });
      if (delivery)
        await db.newsletterRecipient.update({
          where: { id: delivery.recipientId },
          data: { bouncedAt: new Date(), bounceReason: String(error).slice(0, 300) },
        });
    }
  }
}
