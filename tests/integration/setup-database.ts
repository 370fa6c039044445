// Runs before each integration test file: a fresh database cloned from the migrated template,
// so files never see each other's rows.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const serverUrl = inject("databaseServerUrl");
const name = `portail_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "portail_test_template"`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const queue = (globalThis as { boss?: Promise<{ stop: (o: object) => Promise<void> }> }).boss;
  if (queue) await (await queue).stop({ graceful: false, wait: true });
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup.end();
});
