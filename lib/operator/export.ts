import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { exportCooperative } from "@/lib/operator/cooperative-file";
import { assertOperator, type Operator } from "@/lib/operator/operator";

// The operator downloads one cooperative as a file (`npm run cooperative:import` loads it into
// another portal), while its coordinator's support grant runs; written in its journal.
export async function cooperativeExport(
  operator: Operator,
  id: string,
): Promise<{ filename: string; data: Buffer } | null> {
  assertOperator(operator);
  const coop = await db.cooperative.findUnique({ where: { id }, select: { slug: true } });
  if (!coop) return null;
  // Its content leaves only with its coordinator's consent: an active support grant.
  const granted = await db.supportGrant.count({
    where: { cooperativeId: id, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  if (granted === 0) return null;
  const file = path.join(os.tmpdir(), `portail-export-${randomUUID()}.jsonl.gz`);
  try {
    await exportCooperative(process.env.DATABASE_URL ?? "", id, file);
    const data = await fs.readFile(file);
    await recordAudit(db, {
      cooperativeId: id,
      actorId: operator.personId,
      action: "cooperative.exported",
      entityType: "Cooperative",
      entityId: id,
    });
    return { filename: `cooperative-${coop.slug}-${new Date().toISOString().slice(0, 10)}.jsonl.gz`, data };
  } finally {
    await fs.rm(file, { force: true });
  }
}
