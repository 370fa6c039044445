// npm run bench:pages — server response time of the pages a member opens most (the home page, a
// meeting, the decision record, the idea board), signed in as a plain member of the demo (Inès
// Morel), measured against the floor page (/plancher: no data of its own, no client component,
// the same proxy and session check) from the same build and server in the same run. For each
// page: p50/p95/p99 with one user (sequential requests) and with 20 users at once (200 requests
// after a warm-up), its pages/s as a share of the floor's, and at the end the server's memory
// (RSS of its processes). Every figure line ends with its target, met or not. Starts and stops
// what it needs. BENCH_PROFILE=<dir> writes the server's CPU profile there (node --cpu-prof).
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";
import { percentile } from "./percentile";

const secret = randomBytes(32).toString("base64url");
const USERS = Number(process.env.BENCH_USERS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const SOLO = Number(process.env.BENCH_SOLO ?? 60);
// BENCH_SCALE=<cooperatives> adds the scale network (npm run db:scale) and signs in as a council
// member of its first cooperative (60 councils, 240 minutes sections, 180 ideas of its own).
const SCALE = Number(process.env.BENCH_SCALE ?? 0);
const FLOOR = "/plancher";
const PAGES = [
  ["home", "/"],
  ["meeting", SCALE ? "/reunions/conseil/60" : "/reunions/conseil/3"],
  ["decision record", "/decisions"],
  ["idea board", "/idees"],
] as const;
// Issue 21's targets: each page ≥ 50 % of the floor's rate with 20 users; home and meeting ≥ 130
// pages/s; p95 < 50 ms with one user; the server under 400 MB after the run.
const SHARE_OF_FLOOR = 50;
const RATE_HOME_MEETING = 130;
const SOLO_P95_MS = 50;
const RSS_MB = 400;

const target = (label: string, met: boolean) => `[target ${label}: ${met ? "met" : "NOT met"}]`;
const ms = (n: number) => n.toFixed(0);

// The memory of a process and its children, from /proc (Linux), in MB.
function treeRss(pid: number): number | null {
  try {
    const own = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    let kb = own ? Number(own[1]) : 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/).map(Number) : [])
        kb += (treeRss(child) ?? 0) * 1024;
    }
    return kb / 1024;
  } catch {
    return null;
  }
}

await withBenchDatabase("pages", async (databaseUrl) => {
  const { seedIfEmpty } = await import("../scripts/seed");
  await seedIfEmpty(databaseUrl);
  if (SCALE) {
    const { generateScaleData } = await import("../scripts/scale-data");
    const t0 = performance.now();
    await generateScaleData(databaseUrl, SCALE);
    console.log(
      `scale data: ${SCALE} cooperatives × 200 members, 5 years of councils — generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  const { db } = await import("../lib/db");
  const person = await db.person.findFirstOrThrow({
    where: SCALE ? { id: "sc1p2" } : { email: "ines.morel@demo.portail-scic.fr" },
  });
  await db.$disconnect();
  const { encode } = await import("next-auth/jwt");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
  const server = await startBenchServer(databaseUrl, secret);
  try {
    console.log(
      `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${SCALE ? `scale data (${SCALE} cooperatives), a council member of one` : "demo data, a plain member"}; 1 user × ${SOLO} requests, then ${USERS} users at once × ${REQUESTS} requests, per page`,
    );
    const get = async (path: string) => {
      const t0 = performance.now();
      const response = await fetch(server.base + path, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`${path}: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
      return performance.now() - t0;
    };
    const measure = async (path: string) => {
      for (let i = 0; i < 10; i++) await get(path);
      const solo: number[] = [];
      for (let i = 0; i < SOLO; i++) solo.push(await get(path));
      const crowd: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: USERS }, async () => {
          while (next++ < REQUESTS) crowd.push(await get(path));
        }),
      );
      return { solo, crowd, rate: REQUESTS / ((performance.now() - t0) / 1000) };
    };
    const line = (r: { solo: number[]; crowd: number[] }) =>
      `1 user p50/p95/p99 ${ms(percentile(r.solo, 50))}/${ms(percentile(r.solo, 95))}/${ms(percentile(r.solo, 99))} ms; ${USERS} users ${ms(percentile(r.crowd, 50))}/${ms(percentile(r.crowd, 95))}/${ms(percentile(r.crowd, 99))} ms`;

    // A warm server first (JIT, pools, module caches) for every page, so that the floor, measured
    // first, is not measured cold.
    for (const path of [FLOOR, ...PAGES.map(([, p]) => p)]) for (let i = 0; i < 40; i++) await get(path);
    const floor = await measure(FLOOR);
    console.log(
      `  ${"floor".padEnd(16)} ${FLOOR.padEnd(22)} ${line(floor)}, ${floor.rate.toFixed(0)} pages/s ${target(`p95 < ${SOLO_P95_MS} ms with 1 user`, percentile(floor.solo, 95) < SOLO_P95_MS)}`,
    );
    // BENCH_ONLY=meeting: the floor and that page alone (to profile one page).
    for (const [name, path] of PAGES.filter(
      ([n]) => !process.env.BENCH_ONLY || n === process.env.BENCH_ONLY,
    )) {
      const r = await measure(path);
      const share = (100 * r.rate) / floor.rate;
      const targets = [
        target(`≥ ${SHARE_OF_FLOOR} % of the floor`, share >= SHARE_OF_FLOOR),
        target(`p95 < ${SOLO_P95_MS} ms with 1 user`, percentile(r.solo, 95) < SOLO_P95_MS),
        ...(name === "home" || name === "meeting"
          ? [target(`≥ ${RATE_HOME_MEETING} pages/s`, r.rate >= RATE_HOME_MEETING)]
          : []),
      ];
      console.log(
        `  ${name.padEnd(16)} ${path.padEnd(22)} ${line(r)}, ${r.rate.toFixed(0)} pages/s = ${share.toFixed(0)} % of the floor ${targets.join(" ")}`,
      );
    }
    const rss = treeRss(server.process.pid!);
    console.log(
      rss === null
        ? "server memory: not measured (no /proc here)"
        : `server memory after the run: ${rss.toFixed(0)} MB RSS ${target(`< ${RSS_MB} MB`, rss < RSS_MB)}`,
    );
  } finally {
    await server.stop();
  }
});
