import path from "node:path";

// The nightly backup's settings, read by the worker (lib/operator/backups.internal.ts) and the
// operator's page. Settings: PORTAIL_BACKUP_SCHEDULE (a cron line, "30 2 * * *" by default: every
// night at 2:30; "off" for none), PORTAIL_BACKUP_DIR (".data/backups" by default),
// PORTAIL_BACKUP_KEEP (7).

export const NIGHTLY_PREFIX = "portail-nuit";
export const BACKUP_FILE = /^portail-nuit-\d{4}-\d{2}-\d{2}T[\d-]+Z\.jsonl\.gz(\.age)?$/;

export function backupSchedule(): string | null {
  const asked = process.env.PORTAIL_BACKUP_SCHEDULE?.trim();
  if (asked === "off") return null;
  return asked || "30 2 * * *";
}

// A cron line of five fields (minute hour day month weekday) pg-boss can read; anything else is
// said on the operator's page and in the worker's log, and the other jobs run on.
export function validSchedule(line: string): boolean {
  return /^(\S+\s+){4}\S+$/.test(line) && line.split(/\s+/).every((field) => /^[\d*/,-]+$/.test(field));
}

// A place chosen when the portal runs, not a file of the build: the comments keep Next.js's
// output tracing from taking the whole project into the server's files (as for every such path).
export function backupDir(): string {
  const asked = process.env.PORTAIL_BACKUP_DIR;
  if (asked) return path.resolve(/* turbopackIgnore: true */ asked);
  return path.join(
    path.resolve(/* turbopackIgnore: true */ process.env.PORTAIL_DATA_DIR ?? ".data"),
    "backups",
  );
}

export function backupsKept(): number {
  const asked = Number(process.env.PORTAIL_BACKUP_KEEP);
  return Number.isInteger(asked) && asked >= 1 ? asked : 7;
}
