import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { assertOperator, type Operator } from "@/lib/operator/operator";

// Support access: the coordinator lets the network's operator read the cooperative for a while
// (to help with its colleges, its register, a meeting…). Read-only, audited in the cooperative's
// journal (granted, opened, revoked), and revocable at any time.

export const SUPPORT_HOURS = [1, 24, 72] as const;

export type SupportGrantRow = {
  id: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  active: boolean;
};

export async function supportGrants(actor: Actor, now = new Date()): Promise<SupportGrantRow[]> {
  authorize(actor, "support.grant");
  const grants = await db.supportGrant.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  return grants.map((g) => ({
    id: g.id,
    reason: g.reason,
    expiresAt: g.revokedAt ?? g.expiresAt,
    createdAt: g.createdAt,
    active: g.revokedAt === null && g.expiresAt > now,
  }));
}

export async function grantSupport(
  actor: Actor,
  { hours, reason }: { hours: number; reason: string },
  now = new Date(),
): Promise<Result<null, "notFound">> {
  authorize(actor, "support.grant");
  await db.$transaction(async (tx) => {
    const grant = await tx.supportGrant.create({
      data: {
        cooperativeId: actor.cooperativeId,
        grantedById: actor.personId,
        reason,
        expiresAt: new Date(now.getTime() + hours * 3_600_000),
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "support.granted",
      entityType: "SupportGrant",
      entityId: grant.id,
      after: { hours, reason },
    });
  });
  return { ok: true, data: null };
}

export async function revokeSupport(
  actor: Actor,
  grantId: string,
  now = new Date(),
): Promise<Result<null, "notFound">> {
  authorize(actor, "support.grant");
  const { count } = await db.supportGrant.updateMany({
    where: { id: grantId, cooperativeId: actor.cooperativeId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "support.revoked",
    entityType: "SupportGrant",
    entityId: grantId,
  });
  return { ok: true, data: null };
}

// The operator opens a cooperative it was granted: written in that cooperative's journal.
export async function openSupport(
  operator: Operator,
  cooperativeId: string,
  now = new Date(),
): Promise<Result<{ cooperativeId: string }, "notFound">> {
  assertOperator(operator);
  const grant = await db.supportGrant.findFirst({
    where: { cooperativeId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: "desc" },
  });
  if (!grant) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId,
    actorId: operator.personId,
    action: "support.opened",
    entityType: "SupportGrant",
    entityId: grant.id,
  });
  return { ok: true, data: { cooperativeId } };
}
