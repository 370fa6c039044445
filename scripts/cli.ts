// How every command under scripts/ ends: status 0 when it did its work, 1 otherwise, with one line
// in words (French, then English) rather than a stack trace for what a person can fix — a missing
// file, a wrong setting, a damaged copy. What no one foresaw keeps its message, and its stack
// with PORTAIL_DEBUG=1. cron and scripts can then tell a failed backup from a good one.

import fs from "node:fs";
import { pathToFileURL } from "node:url";

// Whether this module is the command that was run (`node … scripts/backup.ts`): compared as file
// URLs of the real path, so that a folder with a space, an accent or a symbolic link on the way
// still runs the command (a plain string comparison did nothing there, and exited 0).
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(fs.realpathSync(script)).href;
  } catch {
    return false;
  }
}

// A failure a person can fix, said in words.
export class ScriptError extends Error {}

type NodeError = Error & { code?: string; path?: string; address?: string; port?: number };

// The errors of Node, zlib and PostgreSQL that a wrong file or setting gives, in words.
export function inWords(error: unknown): string {
  if (error instanceof ScriptError) return error.message;
  const e = error as NodeError;
  const message = e instanceof Error ? e.message : String(error);
  switch (e?.code) {
    case "ENOENT":
      return `Fichier ou dossier introuvable : ${e.path ?? message} / file or folder not found.`;
    case "EACCES":
    case "EPERM":
      return `Accès refusé : ${e.path ?? message} / permission denied.`;
    case "ENOTDIR":
      return `Un élément du chemin n'est pas un dossier : ${e.path ?? message} / not a folder.`;
    case "EISDIR":
      return `C'est un dossier, pas un fichier : ${e.path ?? message} / is a folder.`;
    case "P1001":
    case "ECONNREFUSED":
      return `La base de données ne répond pas${e.port ? ` (${e.address ?? ""}:${e.port})` : ""} : vérifiez DATABASE_URL, ou lancez le portail (npm start) / the database does not answer.`;
    case "ENOTFOUND":
      return `Serveur de base de données inconnu : vérifiez DATABASE_URL / unknown database host.`;
    case "P1000":
    case "28P01":
      return "La base refuse le mot de passe de DATABASE_URL / password refused.";
    case "P1003":
    case "3D000":
      return `${message} : vérifiez le nom de la base dans DATABASE_URL / no such database.`;
    case "Z_BUF_ERROR":
      return "Le fichier est incomplet (tronqué) : il n'a pas été restauré / the file is truncated.";
    case "Z_DATA_ERROR":
      return "Le fichier est abîmé ou n'est pas une sauvegarde du portail / the file is damaged or not a backup.";
  }
  // Prisma's messages quote the code that called it: its last line is what happened.
  if (e instanceof Error && e.name.startsWith("PrismaClient"))
    return message.trim().split("\n").at(-1) ?? message;
  return message;
}

// Runs a command's work; the process ends with its status once the work (and its cleanup) is over.
export async function runScript(work: () => Promise<void>): Promise<never> {
  let status = 0;
  try {
    await work();
  } catch (error) {
    status = 1;
    console.error(inWords(error));
    if (process.env.PORTAIL_DEBUG && error instanceof Error) console.error(error.stack);
  }
  process.exit(status);
}
