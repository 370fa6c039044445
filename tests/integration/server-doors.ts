// Every door of the server — each exported server action and each route handler method —
// found by reading the source, so that a new one cannot be added without the tests below
// (server-actions.test.ts) knowing about it.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

// Files whose first statement is "use server": every exported async function is an action the
// browser can call by its id, with any arguments it likes.
export function serverActionFiles(): string[] {
  return [...walk(path.join(ROOT, "lib")), ...walk(path.join(ROOT, "app"))]
    .filter((file) => /^\s*["']use server["'];?/.test(fs.readFileSync(file, "utf8")))
    .map(relative)
    .sort();
}

export function routeFiles(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((file) => path.basename(file) === "route.ts")
    .map(relative)
    .sort();
}

export async function loadModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
