import "server-only";
import { db } from "@/lib/db";
import { forget } from "@/lib/cache";
import { recordAudit } from "@/lib/audit/record";
import { createCooperativeSpace, type CreateCooperativeResult } from "@/lib/operator/space.internal";
import type { Result } from "@/lib/form-result";
import { assertOperator, type Operator } from "@/lib/operator/operator";
import type { NewCooperativeInput } from "@/lib/operator/schema";

// What the operator sees of each cooperative: how to reach it and how big it is — never its
// content (members' data, minutes, votes, ideas).
export type CooperativeRow = {
  id: string;
  name: string;
  shortName: string | null;
  city: string | null;
  slug: string;
  isDemo: boolean;
  suspendedAt: Date | null;
  // Until when its coordinator lets the operator read it (support access), if they do.
  supportUntil: Date | null;
  // The operator asked its deletion: done by the worker after this instant, restorable until then.
  deletionDueAt: Date | null;
  members: number;
  lastActivity: Date | null;
  bytesUsed: number;
  createdAt: Date;
};

export async function listCooperatives(operator: Operator): Promise<CooperativeRow[]> {
  assertOperator(operator);
  const rows = await db.$queryRaw<
    (Omit<CooperativeRow, "members" | "bytesUsed"> & { members: bigint; bytesUsed: bigint })[]
  >`
    SELECT c.id, c.name, c."shortName", c.city, c.slug, c."isDemo", c."suspendedAt", c."deletionDueAt", c."createdAt",
           (SELECT count(*) FROM "Membership" m WHERE m."cooperativeId" = c.id AND m.status = 'ACTIVE') AS members,
           (SELECT max(a."createdAt") FROM "AuditEntry" a WHERE a."cooperativeId" = c.id) AS "lastActivity",
           (SELECT coalesce(sum(d."sizeBytes"), 0) FROM "Document" d WHERE d."cooperativeId" = c.id) AS "bytesUsed",
           (SELECT max(g."expiresAt") FROM "SupportGrant" g
             WHERE g."cooperativeId" = c.id AND g."revokedAt" IS NULL AND g."expiresAt" > now()) AS "supportUntil"
      FROM "Cooperative" c
     ORDER BY c.name`;
  return rows.map((r) => ({ ...r, members: Number(r.members), bytesUsed: Number(r.bytesUsed) }));
}

export type { CreateCooperativeResult } from "@/lib/operator/space.internal";

// Creates a cooperative ready for its first steps (lib/operator/space.internal.ts).
export async function createCooperative(
  operator: Operator,
  input: NewCooperativeInput,
): Promise<CreateCooperativeResult> {
  assertOperator(operator);
  return createCooperativeSpace(input, { actorId: operator.personId });
}

// Suspended: its members read, nobody changes anything, and every page says why.
export async function suspendCooperative(
  operator: Operator,
  { id, note }: { id: string; note: string },
): Promise<Result<null, "notFound">> {
  assertOperator(operator);
  const coop = await db.cooperative.findUnique({ where: { id }, select: { id: true, slug: true } });
  if (!coop) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.cooperative.update({ where: { id }, data: { suspendedAt: new Date(), suspensionNote: note } });
    await recordAudit(tx, {
      cooperativeId: id,
      actorId: operator.personId,
      action: "cooperative.suspended",
      entityType: "Cooperative",
      entityId: id,
      after: { note },
    });
  });
  forget("cooperative", coop.slug);
  return { ok: true, data: null };
}

export async function resumeCooperative(operator: Operator, id: string): Promise<Result<null, "notFound">> {
  assertOperator(operator);
  const coop = await db.cooperative.findUnique({ where: { id }, select: { id: true, slug: true } });
  if (!coop) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.cooperative.update({ where: { id }, data: { suspendedAt: null, suspensionNote: null } });
    await recordAudit(tx, {
      cooperativeId: id,
      actorId: operator.personId,
      action: "cooperative.resumed",
      entityType: "Cooperative",
      entityId: id,
    });
  });
  forget("cooperative", coop.slug);
  return { ok: true, data: null };
}

// Deleting a cooperative: the operator types its name; it is suspended at once (its members
// read, and may still download their data), can be restored for DELETION_DAYS, then the job
// worker deletes it with everything it holds (lib/operator/deletion.internal.ts).
export const DELETION_DAYS = 7;

export async function requestDeletion(
  operator: Operator,
  { id, confirmName }: { id: string; confirmName: string },
  now = new Date(),
): Promise<Result<{ dueAt: Date }, "notFound" | "deletionNameMismatch">> {
  assertOperator(operator);
  const coop = await db.cooperative.findUnique({
    where: { id },
    select: { name: true, slug: true, suspendedAt: true, suspensionNote: true },
  });
  if (!coop) return { ok: false, error: "notFound" };
  if (confirmName.trim() !== coop.name)
    return { ok: false, error: "deletionNameMismatch", fieldErrors: { confirmName: "deletionNameMismatch" } };
  const dueAt = new Date(now.getTime() + DELETION_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.cooperative.update({
      where: { id },
      data: {
        deletionDueAt: dueAt,
        suspendedAt: now,
        suspensionNote: `Suppression de l'espace prévue le ${dueAt.toISOString().slice(0, 10)}.`,
      },
    });
    await recordAudit(tx, {
      cooperativeId: id,
      actorId: operator.personId,
      action: "cooperative.deletionRequested",
      entityType: "Cooperative",
      entityId: id,
      // A suspension that was there before comes back if the deletion is cancelled.
      before: { suspendedAt: coop.suspendedAt?.toISOString() ?? null, suspensionNote: coop.suspensionNote },
      after: { dueAt: dueAt.toISOString() },
    });
  });
  forget("cooperative", coop.slug);
  return { ok: true, data: { dueAt } };
}

export async function cancelDeletion(operator: Operator, id: string): Promise<Result<null, "notFound">> {
  assertOperator(operator);
  const requested = await db.auditEntry.findFirst({
    where: { cooperativeId: id, action: "cooperative.deletionRequested" },
    orderBy: { id: "desc" },
    select: { before: true },
  });
  const prior = (requested?.before ?? {}) as { suspendedAt?: string | null; suspensionNote?: string | null };
  const { count } = await db.cooperative.updateMany({
    where: { id, deletionDueAt: { not: null } },
    data: {
      deletionDueAt: null,
      suspendedAt: prior.suspendedAt ? new Date(prior.suspendedAt) : null,
      suspensionNote: prior.suspendedAt ? (prior.suspensionNote ?? null) : null,
    },
  });
  if (count === 0) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId: id,
    actorId: operator.personId,
    action: "cooperative.deletionCancelled",
    entityType: "Cooperative",
    entityId: id,
  });
  const restored = await db.cooperative.findUnique({ where: { id }, select: { slug: true } });
  if (restored) forget("cooperative", restored.slug);
  return { ok: true, data: null };
}
