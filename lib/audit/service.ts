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
  }));
}
