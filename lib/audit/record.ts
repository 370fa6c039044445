import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  cooperativeId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

// Called inside the transaction that makes the change, so a change never lands without its entry.
export async function recordAudit(tx: Tx, entry: AuditInput) {
  await tx.auditEntry.create({ data: entry });
}
