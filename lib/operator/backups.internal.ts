import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { backupDatabase, backupPassphrase, defaultBackupName } from "@/scripts/backup";
import { inWords } from "@/scripts/cli";
import { BACKUP_FILE, backupDir, backupsKept, NIGHTLY_PREFIX } from "@/lib/operator/backup-settings";

// Internal to the server: the job worker's nightly copy of the whole database (db:backup's file,
// encrypted when PORTAIL_BACKUP_PASSPHRASE is set) into the backups folder, keeping the last ones.
// Settings: PORTAIL_BACKUP_SCHEDULE (a cron line, "30 2 * * *" by default: every night at 2:30;
// "off" for none), PORTAIL_BACKUP_DIR (".data/backups" by default), PORTAIL_BACKUP_KEEP (7).

export type BackupOutcome = {
  file: string | null;
  bytes: number | null;
  removed: string[];
  error: string | null;
};

export async function scheduledBackup(now = new Date()): Promise<BackupOutcome> {
  const dir = backupDir();
  const passphrase = backupPassphrase();
  const name = defaultBackupName(now, { encrypted: Boolean(passphrase), prefix: NIGHTLY_PREFIX });
  const file = path.join(dir, name);
  let rows: number;
  try {
    // Only its owner reads the folder: each copy holds password hashes and addresses.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A copy that fails leaves no file under its name (scripts/json-lines.ts).
    const counts = await backupDatabase(process.env.DATABASE_URL!, file, { passphrase });
    rows = Object.values(counts).reduce((a, b) => a + b, 0);
  } catch (error) {
    const words = inWords(error);
    await db.backupRun.create({ data: { startedAt: now, error: words } });
    return { file: null, bytes: null, removed: [], error: words };
  }
  const bytes = fs.statSync(file).size;
  await db.backupRun.create({
    data: { startedAt: now, file: name, bytes, rows, encrypted: Boolean(passphrase) },
  });
  return { file: name, bytes, removed: pruneBackups(dir, backupsKept()), error: null };
}

// The oldest of the copies this job made beyond the last `keep` (its own names only: a copy made
// by hand with db:backup, or any other file, is left alone).
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort();
  const removed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}
