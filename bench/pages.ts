// npm run bench:pages — server response time of the pages a member opens most, on the demo data,
// signed in as a plain member (Inès Morel), 20 users at once: the home page, a meeting, the
// decision record and the idea board. Prints p50/p95/p99 per page (200 requests each, after a
// warm-up) and each page's first-load JavaScript and CSS. Starts and stops what it needs.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";
import { weigh } from "./page-weight";
import { percentile } from "./percentile";

const secret = randomBytes(32).toString("base64url");
const USERS = Number(process.env.BENCH_USERS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
// BENCH_SCALE=<cooperatives> adds the scale network (npm run db:scale) and signs in as a council
// member of its first cooperative (60 councils, 240 minutes sections, 180 ideas of its own).
const SCALE = Number(process.env.BENCH_SCALE ?? 0);
const PAGES = [
  ["home", "/"],
  ["meeting", SCALE ? "/reunions/conseil/60" : "/reunions/conseil/3"],
  ["decision record", "/decisions"],
  ["idea board", "/idees"],
] as const;

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
      `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${SCALE ? `scale data (${SCALE} cooperatives), a council member of one` : "demo data, a plain member"}; ${USERS} users at once, ${REQUESTS} requests per page`,
    );
    for (const [name, path] of PAGES) {
      const get = async () => {
        const t0 = performance.now();
        const response = await fetch(server.base + path, { headers: { cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < 10; i++) await get();
      const times: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: USERS }, async () => {
          while (next++ < REQUESTS) times.push(await get());
        }),
      );
      const rate = REQUESTS / ((performance.now() - t0) / 1000);
      const weight = await weigh(server.base, path, cookie);
      console.log(
        `  ${name.padEnd(16)} ${path.padEnd(22)} p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, ${rate.toFixed(0)} pages/s; first load JS ${(weight.js / 1024 + weight.inlineJs / 1024).toFixed(0)} kB, CSS ${(weight.css / 1024).toFixed(0)} kB`,
      );
    }
  } finally {
    await server.stop();
  }
});
