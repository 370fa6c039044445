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
  // The attachments: the .ics of a meeting shown as its text (readable), others by name.
  attachments: { filename: string; contentType: string; text: string | null }[];
};

export type OutboxFilter = { q?: string; kind?: OutboxKind };
export const OUTBOX_KINDS = ["meeting", "vote", "newsletter", "other"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

// The kind of an e-mail: a newsletter carries its unsubscribe header; meetings and votes are
// told by the subjects the portal writes.
function kindOf(row: { subject: string; headers: unknown }): OutboxKind {
  if (row.headers) return "newsletter";
  if (/^(Vote ouvert|Résultat du vote|Rappel : vote)/.test(row.subject)) return "vote";
  if (/^(Convocation|Changement|Annulation|Rappel)\b/.test(row.subject)) return "meeting";
  return "other";
}

function outboxWhere(actor: Actor, filter: OutboxFilter) {
  const q = filter.q?.replaceAll("\0", "").trim().slice(0, 200);
  return {
    cooperativeId: actor.cooperativeId,
    ...(q
      ? {
          OR: [
            { toAddress: { contains: q, mode: "insensitive" as const } },
            { subject: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

// A page of the e-mails sent, newest first, filtered by recipient or subject and by kind; and
// how many the filter finds in all.
export async function listOutbox(
  actor: Actor,
  filter: OutboxFilter = {},
  { page = 1, size = 25 }: { page?: number; size?: number } = {},
): Promise<{ rows: OutboxRow[]; total: number }> {
  authorize(actor, "outbox.read");
  const where = outboxWhere(actor, filter);
  const kind = filter.kind;
  // The kind is read from the subject: filtered here, on the rows of the text filter.
  const all = kind
    ? await db.outboxEmail.findMany({
        where,
        orderBy: { createdAt: "desc" },
        select: { id: true, subject: true, headers: true },
      })
    : null;
  const ids = all?.filter((r) => kindOf(r) === kind).map((r) => r.id);
  const scoped = ids ? { ...where, id: { in: ids } } : where;
  const [rows, total] = await Promise.all([
    db.outboxEmail.findMany({
      where: scoped,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * size,
      take: size,
    }),
    db.outboxEmail.count({ where: scoped }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      // A link that grants access is its recipient's alone (lib/mail/personal-links.ts).
      text: maskPersonalLinks(r.textBody),
      status: r.status,
      createdAt: r.createdAt,
      lastError: r.lastError,
      attachments: (
        (r.attachments as { filename: string; contentType: string; content: string }[] | null) ?? []
      ).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        text: a.contentType.startsWith("text/calendar") ? maskPersonalLinks(a.content) : null,
      })),
    })),
  };
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
