// The production server for a benchmark: builds if the sources changed since the last build,
// starts the web server `npm start` runs (scripts/server.ts, bundled: our gzip, no tsx) on the
// given database and waits until it answers; stop() ends it (its process is there for the crash
// test, which kills it with SIGKILL).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { freePort } from "../scripts/embedded-db";
import { buildIsCurrent } from "../scripts/build-state";
import { bundleServer } from "../scripts/server-bundle";
import { webNodeFlags } from "../scripts/settings";

// The Node.js the web server runs on (BENCH_NODE's, else the benchmark's own), for the figures'
// « machine » line.
export function serverNodeVersion(): string {
  const node = process.env.BENCH_NODE;
  return node ? spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim() : process.version;
}

export async function startBenchServer(databaseUrl: string, secret: string) {
  if (!buildIsCurrent()) {
    console.log("building the production server (sources changed)…");
    const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // BENCH_PROFILE=<dir> writes a CPU profile of the server there when it stops.
  const profile = process.env.BENCH_PROFILE
    ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  // The same heap bounds as `npm start` gives its web server (scripts/start.ts).
  const heap = webNodeFlags();
  // BENCH_NODE=<path>: the server on another Node.js than the benchmark's (to measure what a
  // newer one changes; README, Benchmarks).
  const web = spawn(process.env.BENCH_NODE || process.execPath, [...profile, ...heap, bundleServer()], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      // The benchmarks sign in as the demo's people: the demo is let in on their database.
      PORTAIL_DEMO: "true",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    const exited = new Promise((resolve) => web.once("exit", resolve));
    web.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await fetch(`${base}/connexion`);
        break;
      } catch {
        if (i > 240) throw new Error("server did not start");
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, process: web };
}

// The session cookie of the person the page benchmarks sign in as: a plain member of the demo
// (Inès Morel), or on the scale data (BENCH_SCALE) a council member of its first cooperative.
export async function benchPersonCookie(scale: number, secret: string): Promise<string> {
  const { db } = await import("../lib/db");
  const person = await db.person.findFirstOrThrow({
    where: scale ? { id: "sc1p2" } : { email: "ines.morel@demo.portail-scic.fr" },
  });
  await db.$disconnect();
  const { encode } = await import("next-auth/jwt");
  return `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
}
