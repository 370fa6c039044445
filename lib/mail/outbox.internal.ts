import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { smtpSettings } from "@/lib/mail/transport";
import type { OutgoingEmail } from "@/lib/mail/send";

// Internal to the server: no right is checked here; called by sendEmail (send.ts) and by the
// newsletter's batches (lib/newsletter/service.ts), inside their transaction.

// An e-mail written to the outbox: PENDING when SMTP will send it, KEPT for the coordinator to
// read in the app otherwise. Returns its id (sending it is deliver's, in send.ts).
export async function queueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: {
      cooperativeId: email.cooperativeId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      headers: email.headers,
      attachments: email.attachments?.length ? email.attachments : undefined,
      status: smtpSettings() ? "PENDING" : "KEPT",
    },
  });
  return row.id;
}
