// Applies the migrations with Prisma's own command (through prisma.config.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";

export function migrateDeploy(databaseUrl: string) {
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy a échoué / failed:\n${result.stdout}\n${result.stderr}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL est requis / is required");
    process.exit(1);
  }
  migrateDeploy(process.env.DATABASE_URL);
  console.log("Migrations appliquées / applied.");
}
