import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecipientGroup } from "@/lib/generated/prisma/enums";

// Internal to the server: no right is checked here; called by the member register (lib/members/
// service.ts, import.ts) inside its transactions, and by the mail sender (lib/mail/send.ts).

type Tx = Prisma.TransactionClient;

// A member's consent, as the register says: given (or given again), or withdrawn.
export async function setMemberConsent(
  tx: Tx,
  {
    cooperativeId,
    email,
    name,
    consent,
    now,
  }: { cooperativeId: string; email: string | null; name: string; consent: boolean; now: Date },
) {
  if (!email) return;
  const existing = await tx.newsletterRecipient.findUnique({
    where: { cooperativeId_email: { cooperativeId, email } },
  });
  if (consent) {
    await tx.newsletterRecipient.upsert({
      where: { cooperativeId_email: { cooperativeId, email } },
      create: {
        cooperativeId,
        email,
        name,
        group: "MEMBER",
        consentAt: now,
        consentSource: "registre des membres",
      },
      update:
        existing?.consentAt && !existing.unsubscribedAt
          ? {}
          : { consentAt: now, unsubscribedAt: null, consentSource: "registre des membres" },
    });
  } else if (existing && !existing.unsubscribedAt) {
    await tx.newsletterRecipient.update({ where: { id: existing.id }, data: { unsubscribedAt: now } });
  }
}

// The members of an imported register who consented; an address already listed is kept as it is.
export async function addConsentingMembers(
  tx: Tx,
  {
    cooperativeId,
    members,
    now,
  }: { cooperativeId: string; members: { email: string; name: string }[]; now: Date },
) {
  await tx.newsletterRecipient.createMany({
    data: members.map((m) => ({
      cooperativeId,
      email: m.email,
      name: m.name,
      group: "MEMBER" as const,
      consentAt: now,
      consentSource: "import du registre",
    })),
    skipDuplicates: true,
  });
}

export type ImportedRecipient = {
  email: string;
  name: string | null;
  organisation: string | null;
  group: RecipientGroup;
  // The answer kept (a conflict resolved by the coordinator), and the day the file gave.
  consent: boolean;
  consentOn: Date | null;
};
export type KnownRecipient = {
  id: string;
  name: string | null;
  organisation: string | null;
  consentAt: Date | null;
  unsubscribedAt: Date | null;
};

// An imported list of recipients: new addresses are added with the file's answer (a yes from the
// day it gives, or today; a no or a blank cell: no consent); known ones are refreshed, and their
// consent follows the file's latest answer. Someone who unsubscribed is left as they are.
export async function importRecipients(
  tx: Tx,
  {
    cooperativeId,
    rows,
    known,
    now,
  }: {
    cooperativeId: string;
    rows: readonly ImportedRecipient[];
    known: ReadonlyMap<string, KnownRecipient>;
    now: Date;
  },
) {
  await tx.newsletterRecipient.createMany({
    data: rows
      .filter((r) => !known.has(r.email))
      .map((r) => ({
        cooperativeId,
        email: r.email,
        name: r.name,
        organisation: r.organisation,
        group: r.group,
        consentAt: r.consent ? (r.consentOn ?? now) : null,
        consentSource: r.consent ? "import" : null,
      })),
  });
  for (const r of rows) {
    const recipient = known.get(r.email);
    if (!recipient || recipient.unsubscribedAt) continue;
    const consent =
      r.consent && !recipient.consentAt
        ? { consentAt: r.consentOn ?? now, consentSource: "import" }
        : !r.consent && recipient.consentAt
          ? { consentAt: null, consentSource: `retiré par l'import du ${now.toISOString().slice(0, 10)}` }
          : {};
    await tx.newsletterRecipient.update({
      where: { id: recipient.id },
      data: {
        name: r.name ?? recipient.name,
        organisation: r.organisation ?? recipient.organisation,
        group: r.group,
        ...consent,
      },
    });
  }
}

// A permanent refusal (5xx) of an e-mail: when it was a newsletter, its recipient is marked
// bounced and never sent to again.
export async function markBounced(emailId: string, reason: string) {
  const delivery = await db.newsletterDelivery.findUnique({
    where: { emailId },
    select: { recipientId: true },
  });
  if (delivery)
    await db.newsletterRecipient.update({
      where: { id: delivery.recipientId },
      data: { bouncedAt: new Date(), bounceReason: reason.slice(0, 300) },
    });
}
