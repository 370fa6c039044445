import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Result } from "@/lib/form-result";
import { deliver } from "@/lib/mail/send";
import { smtpSettings } from "@/lib/mail/transport";
import { maskPersonalLinks } from "@/lib/mail/personal-links";

export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: "PENDING" | "SENT" | "FAILED" | "KEPT";
  createdAt: Date;
  lastError: string | null;
};

export async function listOutbox(actor: Actor, limit = 100): Promise<OutboxRow[]> {
  authorize(actor, "outbox.read");
  const rows = await db.outboxEmail.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    // A link that grants access is its recipient's alone (lib/mail/personal-links.ts).
    text: maskPersonalLinks(r.textBody),
    status: r.status,
    createdAt: r.createdAt,
    lastError: r.lastError,
  }));
}

// Tries a failed or pending message again (coordinator only).
export async function retryEmail(actor: Actor, id: string): Promise<Result<null, "notFound" | "noSmtp">> {
  authorize(actor, "outbox.read");
  const row = await db.outboxEmail.findFirst({ where: { id, cooperativeId: actor.cooperativeId } });
  if (!row) return { ok: false, error: "notFound" };
  if (!smtpSettings()) return { ok: false, error: "noSmtp" };
  await deliver(row.id);
  return { ok: true, data: null };
}
