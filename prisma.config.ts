import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/migration-adapter";

// Without a DATABASE_URL the CLI would fall back to the native engine and try to download it;
// `prisma generate` needs no database, so any well-formed URL does for it.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/unset";
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(databaseUrl),
});
