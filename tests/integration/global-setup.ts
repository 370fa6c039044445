// One PostgreSQL for the integration run (embedded, or the server of DATABASE_URL), with a
// template database that holds the migrated schema; each test file clones it (setup-database.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "../../scripts/embedded-db";
import { migrateDeploy } from "../../scripts/migrate";

export const TEMPLATE = "portail_test_template";

let embedded: EmbeddedDb | null = null;
const dataDir = path.join(os.tmpdir(), `portail-test-pg-${process.pid}`);

export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT) || (await freePort()),
      database: "postgres",
      quiet: true,
      // A throwaway cluster, gone after the run: nothing to keep through a crash of the machine,
      // so no flush to disk at each commit and each cloned database (226 -> 202 s, 2026-12-02).
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await migrateDeploy(templateUrl.toString());
  project.provide("databaseServerUrl", serverUrl);

  return async () => {
    if (embedded) {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}
