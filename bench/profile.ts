// Where a page's time goes, from the web server's CPU profile (node --cpu-prof, written when it
// stops): the samples taken while one page was under load (its window, on the same monotonic
// clock as process.hrtime) are summed by what ran them. Only the server's JavaScript thread is
// sampled: PostgreSQL's own time is counted apart (pg_stat_statements), gzip's compression work on
// libuv's threads is not here (its handling on the main thread is).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };
export type Window = { name: string; from: number; to: number; requests: number };

// The monotonic clock in microseconds, as V8's profiler stamps its samples.
export const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

const PARTS: [string, (f: Node["callFrame"]) => boolean][] = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  [
    "Prisma's query compiler (WebAssembly)",
    (f) => f.url.startsWith("wasm://") || /query_compiler/.test(f.url),
  ],
  ["Prisma's client", (f) => /@prisma|\/\.prisma\/|generated\/prisma/.test(f.url)],
  ["pg driver", (f) => /node_modules\/pg(-[a-z]+)?\//.test(f.url)],
  // Next's app renderer bundles React's server renderers: the HTML and the RSC payload.
  ["React rendering (HTML and payload)", (f) => /next\/dist\/compiled\/next-server\//.test(f.url)],
  [
    "Next.js request handling",
    (f) => /node_modules\/next\/dist\/|chunks\/.*node_modules_next_dist/.test(f.url),
  ],
  ["the portal's server bundle", (f) => /\.next\/server\//.test(f.url)],
  ["gzip", (f) => /node:zlib/.test(f.url) || /zlib/i.test(f.functionName)],
  [
    "sockets and streams",
    (f) =>
      /node:(net|_http|http|stream|internal\/streams|internal\/stream_base)/.test(f.url) ||
      ["writev", "writeUtf8String", "writeBuffer", "writeLatin1String"].includes(f.functionName),
  ],
];

function part(frame: Node["callFrame"]): string {
  return (
    PARTS.find(([, test]) => test(frame))?.[0] ?? "Node.js (promises, async hooks, module loading, other)"
  );
}

export function newestProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f));
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? null;
}

// Per window: CPU milliseconds per request on the server's JavaScript thread, and the shares.
// Windows of the same name (a page measured in several rounds) are counted together.
export function profileByWindow(file: string, windows: Window[]) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const partOf = new Map(
    profile.nodes.map((n) => [n.id, n.callFrame.functionName === "(idle)" ? null : part(n.callFrame)]),
  );
  const names = [...new Set(windows.map((w) => w.name))];
  const groupOf = windows.map((w) => names.indexOf(w.name));
  const requests = names.map((name) =>
    windows.filter((w) => w.name === name).reduce((sum, w) => sum + w.requests, 0),
  );
  const totals = names.map(() => new Map<string, number>());
  // With BENCH_DETAIL: the functions that took most, by where they are in the built files.
  const functions = names.map(() => new Map<string, number>());
  const where = new Map(
    profile.nodes.map((n) => {
      const f = n.callFrame;
      return [
        n.id,
        `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}:${f.columnNumber + 1}`,
      ];
    }),
  );
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    const name = partOf.get(profile.samples[i]!);
    if (!name) continue;
    const w = windows.findIndex((w) => at >= w.from && at < w.to);
    if (w < 0) continue;
    const g = groupOf[w]!;
    totals[g]!.set(name, (totals[g]!.get(name) ?? 0) + delta);
    const fn = where.get(profile.samples[i]!)!;
    functions[g]!.set(fn, (functions[g]!.get(fn) ?? 0) + delta);
  }
  return names.map((name, i) => {
    const busy = [...totals[i]!.values()].reduce((a, b) => a + b, 0);
    const n = requests[i]!;
    return {
      name,
      cpuMsPerRequest: busy / 1000 / n,
      parts: [...totals[i]!]
        .sort((a, b) => b[1] - a[1])
        .map(([part, micros]) => ({ name: part, msPerRequest: micros / 1000 / n, share: micros / busy })),
      functions: [...functions[i]!]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([fn, micros]) => ({ name: fn, msPerRequest: micros / 1000 / n })),
    };
  });
}
