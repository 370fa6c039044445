// npm run bench:ab — two builds side by side on the same database, in the same hour: this
// checkout (A) and another one, built (B, BENCH_B=<its folder>), each serving the same pages to
// the same signed-in person. Rounds alternate A and B for each page (BENCH_ROUNDS, 6), so that
// the machine's drift falls on both alike; it prints each page's pages/s with 20 users at once
// (median of the rounds, and how many rounds each won) and the CPU time of each server's
// JavaScript thread per page served one at a time (the steadier figure). What README's « A/B »
// figures come from. BENCH_SCALE=1000 runs it on the scale data; BENCH_KEEP=<folder> keeps the
// database there between runs (the scale data takes a minute and a half to generate).
// BENCH_PAGES=/idees,/decisions chooses the pages (the floor, home, a meeting, record, ideas).
// Both servers get this checkout's Node flags (scripts/settings.ts); BENCH_B_FLAGS adds Node
// flags to B's alone (BENCH_B=. BENCH_B_FLAGS=--single-threaded-gc: one build, two settings).
// BENCH_TOGETHER=1 then measures both servers at once against one alone (a second web process).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent } from "../scripts/build-state";
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-db";
import { migrateDeploy } from "../scripts/migrate";
import { bundleServer } from "../scripts/server-bundle";
import { webNodeFlags } from "../scripts/settings";
import { percentile } from "./percentile";
import { benchPersonCookie } from "./server";
import { threadCpuMs } from "./thread-cpu";

const B = process.env.BENCH_B;
if (!B) {
  console.error("BENCH_B=<folder of another checkout, built with npm run build> is needed");
  process.exit(2);
}
for (const root of [process.cwd(), path.resolve(B)])
  if (!buildIsCurrent(root)) {
    console.error(`${root}: no production build of its current sources (npm run build there first)`);
    process.exit(2);
  }
// Both sides run on one database: they must expect the same schema.
const migrations = (root: string) =>
  readdirSync(path.join(root, "prisma", "migrations"))
    .sort()
    .join("\n");
if (migrations(process.cwd()) !== migrations(path.resolve(B))) {
  console.error("A and B have different migrations: they cannot share one database");
  process.exit(2);
}
const SCALE = Number(process.env.BENCH_SCALE ?? 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 400);
const PAGES = (
  process.env.BENCH_PAGES ??
  ["/plancher", "/", SCALE ? "/reunions/conseil/60" : "/reunions/conseil/3", "/decisions", "/idees"].join(",")
).split(",");
const secret = randomBytes(32).toString("base64url");

const keep = process.env.BENCH_KEEP;
const dataDir = keep ? path.resolve(keep) : path.join(os.tmpdir(), `portail-bench-ab-${process.pid}`);
// What a kept database holds, written once it is whole: its data (demo or scale) and migrations.
const marker = `${dataDir}.ab.json`;
const holds = JSON.stringify({ scale: SCALE, migrations: migrations(process.cwd()) });
if (
  existsSync(path.join(dataDir, "PG_VERSION")) &&
  (!existsSync(marker) || readFileSync(marker, "utf8") !== holds)
) {
  console.error(
    `${dataDir} holds another run's data (another scale or migrations, or a run that stopped midway): remove it, or give BENCH_KEEP another folder`,
  );
  process.exit(2);
}
const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
mkdirSync(path.dirname(dataDir), { recursive: true });
const database = await startEmbeddedPostgres({
  dataDir,
  port: await freePort(),
  database: "bench",
  quiet: true,
});

const servers: { name: string; base: string; web: ReturnType<typeof spawn> }[] = [];

// One server from a checkout's own build and its own web server bundle, kept in `servers` from
// its start (so that it is stopped whatever happens next).
async function serve(name: string, root: string, flags: string[] = []) {
  const bundle = bundleServer(root);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const web = spawn(process.execPath, [...webNodeFlags(), ...flags, bundle], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      PORTAIL_DEMO: "true",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.push({ name, base, web });
  for (let i = 0; ; i++) {
    if (web.exitCode !== null) throw new Error(`${root}: the server stopped (${web.exitCode})`);
    try {
      await fetch(`${base}/connexion`);
      break;
    } catch {
      if (i > 240) throw new Error(`${root}: the server did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

try {
  if (fresh) {
    await migrateDeploy(database.url);
    const { seedIfEmpty } = await import("../scripts/seed");
    await seedIfEmpty(database.url);
    if (SCALE) {
      const { generateScaleData } = await import("../scripts/scale-data");
      await generateScaleData(database.url, SCALE);
    }
    if (keep) writeFileSync(marker, holds);
  }
  process.env.DATABASE_URL = database.url;
  const cookie = await benchPersonCookie(SCALE, secret);

  await serve("A", process.cwd());
  await serve("B", path.resolve(B), (process.env.BENCH_B_FLAGS ?? "").split(/\s+/).filter(Boolean));
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS * 2 });
  const get = (base: string, page: string) =>
    new Promise<void>((resolve, reject) => {
      http
        .get(base + page, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (response) => {
          response.resume();
          response.on("error", reject);
          response.on("end", () =>
            response.statusCode === 200
              ? resolve()
              : reject(new Error(`${page}: HTTP ${response.statusCode}`)),
          );
        })
        .on("error", reject);
    });
  // `users` people at once on each of `bases` (requests shared between them): pages/s in all.
  const crowdOn = async (bases: string[], page: string, requests: number, users = USERS) => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      bases.flatMap((base) =>
        Array.from({ length: Math.max(1, Math.round(users / bases.length)) }, async () => {
          while (next++ < requests) await get(base, page);
        }),
      ),
    );
    return requests / ((performance.now() - t0) / 1000);
  };
  const crowd = (base: string, page: string, requests: number) => crowdOn([base], page, requests);
  for (const server of servers) for (const page of PAGES) await crowd(server.base, page, WARMUP);
  console.log(
    `A: ${process.cwd()}; B: ${path.resolve(B)}; ${SCALE ? `scale data (${SCALE})` : "demo data"}; ${ROUNDS} rounds alternating, ${USERS} users × ${REQUESTS} requests`,
  );
  for (const page of PAGES) {
    const rates: Record<string, number[]> = { A: [], B: [] };
    const cpu: Record<string, number[]> = { A: [], B: [] };
    let aWins = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first alternates too.
      const order = round % 2 ? [servers[1]!, servers[0]!] : servers;
      const got: Record<string, number> = {};
      for (const server of order) {
        got[server.name] = await crowd(server.base, page, REQUESTS);
        rates[server.name]!.push(got[server.name]!);
        const served = Math.max(1, Math.round(CPU_REQUESTS / ROUNDS));
        const before = threadCpuMs(server.web.pid!);
        for (let i = 0; i < served; i++) await get(server.base, page);
        const after = threadCpuMs(server.web.pid!);
        if (before !== null && after !== null) cpu[server.name]!.push((after - before) / served);
      }
      if (got.A! > got.B!) aWins++;
    }
    const med = (values: number[]) => percentile(values, 50);
    console.log(
      `  ${page.padEnd(22)} A ${med(rates.A!).toFixed(0)} pages/s, ${med(cpu.A!).toFixed(2)} ms CPU · B ${med(rates.B!).toFixed(0)} pages/s, ${med(cpu.B!).toFixed(2)} ms CPU · A ahead in ${aWins} of ${ROUNDS} rounds (A: ${rates.A!.map((r) => r.toFixed(0)).join(", ")}; B: ${rates.B!.map((r) => r.toFixed(0)).join(", ")})`,
    );
  }
  // BENCH_TOGETHER=1 (with BENCH_B=.: the same build twice): what a second web process on this
  // machine adds. Each round: one process alone with USERS people, then both at once with half of
  // them each (the same people in all), as a reverse proxy sharing the load would have it.
  if (process.env.BENCH_TOGETHER) {
    console.log(`two web processes at once, ${USERS} users in all, ${REQUESTS} requests a round:`);
    for (const page of PAGES) {
      const one: number[] = [];
      const two: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        one.push(await crowd(servers[round % 2]!.base, page, REQUESTS));
        two.push(
          await crowdOn(
            servers.map((server) => server.base),
            page,
            REQUESTS,
          ),
        );
      }
      const med = (values: number[]) => percentile(values, 50);
      console.log(
        `  ${page.padEnd(22)} one process ${med(one).toFixed(0)} pages/s · two ${med(two).toFixed(0)} pages/s (×${(med(two) / med(one)).toFixed(2)}; one: ${one.map((r) => r.toFixed(0)).join(", ")}; two: ${two.map((r) => r.toFixed(0)).join(", ")})`,
      );
    }
  }
  agent.destroy();
} finally {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.web.exitCode !== null) return resolve();
          const late = setTimeout(resolve, 5000);
          server.web.once("exit", () => {
            clearTimeout(late);
            resolve();
          });
          server.web.kill("SIGTERM");
        }),
    ),
  );
  await database.stop();
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}
