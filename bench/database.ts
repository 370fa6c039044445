// What every benchmark starts and stops: a throwaway embedded PostgreSQL with the migrations
// applied, DATABASE_URL pointing at it while `run` works.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-db";
import { migrateDeploy } from "../scripts/migrate";

export async function withBenchDatabase(
  name: string,
  run: (url: string) => Promise<void>,
  settings?: Record<string, string>,
) {
  const dataDir = path.join(os.tmpdir(), `portail-bench-${name}-${process.pid}`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_PG_PORT) || (await freePort()),
    database: "bench",
    quiet: true,
    settings,
  });
  try {
    await migrateDeploy(server.url);
    process.env.DATABASE_URL = server.url;
    await run(server.url);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
