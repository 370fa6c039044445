import "server-only";
import { db } from "@/lib/db";
import { assertOperator, type Operator } from "@/lib/operator/operator";
import { backupDir, backupSchedule, backupsKept, validSchedule } from "@/lib/operator/backup-settings";

// What the operator sees of the nightly backups (the worker makes them:
// lib/operator/backups.internal.ts).

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
    scheduleValid: validSchedule(backupSchedule() ?? ""),
    dir: backupDir(),
    keep: backupsKept(),
  };
}
