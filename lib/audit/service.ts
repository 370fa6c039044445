import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  // What the entry is about, in a word: the address that unsubscribed.
  subject: string | null;
};

export async function listAudit(actor: Actor, take = 200): Promise<AuditRow[]> {
  authorize(actor, "audit.read");
  const rows = await db.auditEntry.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { createdAt: "desc" },
    take,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    createdAt: r.createdAt,
    actorName: r.actor?.name ?? null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    subject: subjectOf(r.after),
  }));
}

function subjectOf(after: unknown): string | null {
  if (after && typeof after === "object" && "email" in after && typeof after.email === "string")
    return after.email;
  return null;
}
