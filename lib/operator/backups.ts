import "server-only";
import path from "node:path";
import { db } from "@/lib/db";
import { assertOperator, type Operator } from "@/lib/operator/operator";

// The nightly backup's settings (the worker makes the copies: lib/operator/backups.internal.ts)
// and what the operator sees of them.

export const BACKUP_FILE = /^portail-\d{4}-\d{2}-\d{2}T[\d-]+Z\.jsonl\.gz(\.age)?$/;

export function backupSchedule(): string | null {
  const asked = process.env.PORTAIL_BACKUP_SCHEDULE?.trim();
  if (asked === "off") return null;
  return asked || "30 2 * * *";
}

export function backupDir(): string {
  return path.resolve(
    process.env.PORTAIL_BACKUP_DIR ||
      path.join(path.resolve(process.env.PORTAIL_DATA_DIR ?? ".data"), "backups"),
  );
}

export function backupsKept(): number {
  const asked = Number(process.env.PORTAIL_BACKUP_KEEP);
  return Number.isInteger(asked) && asked >= 1 ? asked : 7;
}

// For the operator's page: the last copy made and the last attempt, if it failed after it.
export async function lastBackups(operator: Operator) {
  assertOperator(operator);
  const [lastGood, lastTry] = await Promise.all([
    db.backupRun.findFirst({ where: { error: null }, orderBy: { finishedAt: "desc" } }),
    db.backupRun.findFirst({ orderBy: { finishedAt: "desc" } }),
  ]);
  return {
    lastGood: lastGood && { ...lastGood, bytes: Number(lastGood.bytes ?? 0) },
    failed: lastTry?.error ? { at: lastTry.finishedAt, error: lastTry.error } : null,
    schedule: backupSchedule(),
    dir: backupDir(),
    keep: backupsKept(),
  };
}
