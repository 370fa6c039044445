// npm run bench:ballots — simulated voters casting ballots through the production server's
// ballot box (the route the voting page posts to), against a real PostgreSQL; then a tally of
// 100,000 assembly ballots across four colleges; and, in the same run, a plain single-row INSERT
// loop into PostgreSQL as the baseline. Starts what it needs (embedded PostgreSQL, a production
// build if the sources changed, `next start`), prints its figures, stops what it started.
// Targets: ≥ 300 ballots/s with p99 < 250 ms for 500 voters, exactly 500 stored; tally < 100 ms.
// BENCH_VOTERS=100,500,2000 runs several rounds (one question each). BENCH_SCALE=<cooperatives>
// first fills the database with the scale network (npm run db:scale: 200 members each, five
// years of councils and their 600,000 ballots), so the ballots land in full tables.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { withBenchDatabase } from "./database";
import { serverNodeVersion, startBenchServer } from "./server";
import { percentile } from "./percentile";

const ROUNDS = (process.env.BENCH_VOTERS ?? "500")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const VOTERS = Math.max(...ROUNDS);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const TALLY_BALLOTS = 100_000;
const BASELINE_ROWS = 5_000;
const SCALE = Number(process.env.BENCH_SCALE ?? 0);
const secret = randomBytes(32).toString("base64url");

let stopServer: (() => Promise<void>) | null = null;
await withBenchDatabase("ballots", async (databaseUrl) => {
  try {
    const { db } = await import("../lib/db");
    if (SCALE) {
      const { generateScaleData } = await import("../scripts/scale-data");
      const t0 = performance.now();
      await generateScaleData(databaseUrl, SCALE);
      const [counts] = await db.$queryRaw<
        { memberships: number; ballots: number }[]
      >`SELECT (SELECT count(*)::int FROM "Membership") AS memberships, (SELECT count(*)::int FROM "Ballot") AS ballots`;
      console.log(
        `scale data: ${SCALE} cooperatives, ${counts!.memberships} memberships, ${counts!.ballots} ballots — generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }

    // A cooperative of VOTERS associé·es in four colleges at 25 %, and a general assembly.
    const coop = await db.cooperative.create({
      data: {
        slug: "bench",
        name: "Bench",
        statutes: {
          create: { agoQuorumFirstNum: 0, agoQuorumFirstDen: 1, ageQuorumFirstNum: 0, ageQuorumFirstDen: 1 },
        },
      },
    });
    const colleges: { college: { id: string }; category: { id: string } }[] = [];
    for (let i = 0; i < 4; i++) {
      const college = await db.college.create({
        data: { cooperativeId: coop.id, name: `Collège ${i + 1}`, position: i, weightBp: 2500 },
      });
      const category = await db.category.create({
        data: { cooperativeId: coop.id, name: `Catégorie ${i + 1}`, position: i, collegeId: college.id },
      });
      colleges.push({ college, category });
    }
    const body = await db.body.create({
      data: {
        cooperativeId: coop.id,
        kind: "GENERAL_ASSEMBLY",
        name: "Assemblée générale",
        slug: "ag",
        votesByCollege: true,
      },
    });
    const meeting = await db.meeting.create({
      data: {
        cooperativeId: coop.id,
        bodyId: body.id,
        number: 1,
        startsAt: new Date(),
        assemblyType: "ORDINARY",
        status: "HELD",
      },
    });
    const since = new Date("2020-01-01T00:00:00Z");
    await db.person.createMany({
      data: Array.from({ length: VOTERS }, (_, i) => ({
        id: `bench-p-${i}`,
        name: `Votant·e ${i}`,
        email: `v${i}@bench.test`,
      })),
    });
    await db.membership.createMany({
      data: Array.from({ length: VOTERS }, (_, i) => ({
        id: `bench-m-${i}`,
        cooperativeId: coop.id,
        personId: `bench-p-${i}`,
        joinedOn: since,
      })),
    });
    await db.categoryAssignment.createMany({
      data: Array.from({ length: VOTERS }, (_, i) => ({
        cooperativeId: coop.id,
        membershipId: `bench-m-${i}`,
        categoryId: colleges[i % 4]!.category.id,
        validFrom: since,
      })),
    });
    const cookies = await Promise.all(
      Array.from(
        { length: VOTERS },
        async (_, i) => `next-auth.session-token=${await encode({ token: { sub: `bench-p-${i}` }, secret })}`,
      ),
    );

    // The production server, on this database.
    const server = await startBenchServer(databaseUrl, secret);
    stopServer = server.stop;
    const base = server.base;

    // The floor: the same route answering 401 at once (no session), i.e. HTTP + Next.js alone.
    let floorRate = 0;
    {
      let n = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (n < 1000) {
            n++;
            await (
              await fetch(`${base}/api/votes/none/ballot`, { method: "POST", body: "{}" })
            ).arrayBuffer();
          }
        }),
      );
      floorRate = 1000 / ((performance.now() - t0) / 1000);
      console.log(
        `floor (same route, no session → 401): ${floorRate.toFixed(0)} requests/s [target ≥ 300/s, what the ballots need: ${floorRate >= 300 ? "met" : "NOT met"}]`,
      );
    }
    // A running server is warm: 200 ballots on a question of their own first (not measured).
    {
      const warm = await db.voteQuestion.create({
        data: {
          cooperativeId: coop.id,
          bodyId: body.id,
          meetingId: meeting.id,
          kind: "AG_RESOLUTION",
          assemblyType: "ORDINARY",
          title: "Échauffement",
          status: "OPEN",
          opensAt: new Date(),
        },
      });
      let n = 0;
      const count = Math.min(200, VOTERS);
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (n < count) {
            const i = n++;
            await (
              await fetch(`${base}/api/votes/${warm.id}/ballot`, {
                method: "POST",
                headers: { cookie: cookies[i]!, "content-type": "application/json" },
                body: JSON.stringify({ choice: "FOR" }),
              })
            ).arrayBuffer();
          }
        }),
      );
    }
    console.log(
      `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, the server on Node ${serverNodeVersion()}; ${CONCURRENCY} requests in flight`,
    );
    for (const voters of ROUNDS) {
      const question = await db.voteQuestion.create({
        data: {
          cooperativeId: coop.id,
          bodyId: body.id,
          meetingId: meeting.id,
          kind: "AG_RESOLUTION",
          assemblyType: "ORDINARY",
          title: `Résolution pour ${voters}`,
          status: "OPEN",
          opensAt: new Date(),
        },
      });
      // Warm the route (first compilation of the handler, connection pool).
      await fetch(`${base}/api/votes/${question.id}/ballot`, {
        method: "POST",
        headers: { cookie: cookies[0]!, "content-type": "application/json" },
        body: "{}",
      });
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, voters) }, async () => {
          while (next < voters) {
            const i = next++;
            const t0 = performance.now();
            const response = await fetch(`${base}/api/votes/${question.id}/ballot`, {
              method: "POST",
              headers: { cookie: cookies[i]!, "content-type": "application/json" },
              body: JSON.stringify({ choice: ["FOR", "AGAINST", "ABSTAIN"][i % 3] }),
            });
            await response.arrayBuffer();
            latencies.push(performance.now() - t0);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const stored = await db.ballot.count({ where: { questionId: question.id } });
      const rate = voters / seconds;
      const p99 = percentile(latencies, 99);
      const share = (100 * rate) / floorRate;
      const met =
        (voters === 500
          ? `  [target ≥ 300/s and p99 < 250 ms: ${rate >= 300 && p99 < 250 ? "met" : "NOT met"}]`
          : "") +
        ` ${share.toFixed(0)} % of the route's floor [target ≥ 70 % of the floor: ${share >= 70 ? "met" : "NOT met"}]` +
        ` [target exactly ${voters} stored: ${stored === voters ? "met" : "NOT met"}]`;
      console.log(
        `${String(voters).padStart(5)} voters: ${rate.toFixed(0)} ballots/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
          `HTTP ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}; stored ${stored} (expected ${voters})${met}`,
      );
      (globalThis as { lastRate?: number }).lastRate = rate;
    }

    // Baseline: one INSERT per round trip, in a loop, on the same PostgreSQL.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      "CREATE TEMP TABLE baseline (id serial primary key, question text, member text, choice text)",
    );
    const b0 = performance.now();
    for (let i = 0; i < BASELINE_ROWS; i++)
      await client.query("INSERT INTO baseline (question, member, choice) VALUES ($1, $2, $3)", [
        "q",
        `m${i}`,
        "FOR",
      ]);
    const baselineRate = BASELINE_ROWS / ((performance.now() - b0) / 1000);
    await client.end();
    const ours = (globalThis as { lastRate?: number }).lastRate ?? 0;
    console.log(
      `baseline single-row INSERT loop: ${baselineRate.toFixed(0)} rows/s; our ballots (${ROUNDS[ROUNDS.length - 1]} voters, through HTTP, session, rules, one transaction each) = ${((100 * ours) / baselineRate).toFixed(0)} % of it, ${((100 * ours) / floorRate).toFixed(0)} % of the route's floor [target ≥ 5 % of the INSERT loop: ${ours >= baselineRate * 0.05 ? "met" : "NOT met"}]${floorRate < baselineRate * 0.05 ? ` — out of reach on this machine: the route's floor itself, without a session, is ${((100 * floorRate) / baselineRate).toFixed(1)} % of the INSERT loop` : ""}`,
    );

    // Tallying 100,000 ballots of an assembly across four colleges.
    const big = await db.voteQuestion.create({
      data: {
        cooperativeId: coop.id,
        bodyId: body.id,
        meetingId: meeting.id,
        kind: "AG_RESOLUTION",
        assemblyType: "EXTRAORDINARY",
        title: "Grande résolution",
        status: "CLOSED",
        closedAt: new Date(),
      },
    });
    const collegeIds = colleges.map((c) => c.college.id);
    await db.$executeRaw`
      INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
      SELECT gen_random_uuid()::text, ${coop.id}, ${big.id}, NULL, (${collegeIds}::text[])[1 + (g % 4)], (ARRAY['FOR','AGAINST','ABSTAIN'])[1 + (g % 7 % 3)]::"VoteChoice"
      FROM generate_series(1, ${TALLY_BALLOTS}) g`;
    // What autovacuum does after a bulk insert: statistics and the visibility map (index-only scans).
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Ballot"`);
    const { loadQuestion } = await import("../lib/votes/facts");
    const { computeResult } = await import("../lib/votes/results");
    const loaded = (await loadQuestion(coop.id, big.id))!;
    await computeResult(loaded);
    const times: number[] = [];
    let verdict = "";
    for (let r = 0; r < 10; r++) {
      const t0 = performance.now();
      verdict = (await computeResult(loaded)).result.verdict;
      times.push(performance.now() - t0);
    }
    console.log(
      `tally of ${TALLY_BALLOTS} ballots in 4 colleges: p50 ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms [target < 100 ms: ${Math.max(...times) < 100 ? "met" : "NOT met"}] — ${verdict}`,
    );
    await db.$disconnect();
  } finally {
    await stopServer?.();
  }
});
