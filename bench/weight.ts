// npm run bench:weight — what a phone downloads: the HTML, then every script and stylesheet it
// names, as the production server sends them compressed, counting what a current browser loads
// (not the nomodule polyfills). The public idea page, its thanks page and an idea's follow page
// (target: each under 20 kB in all); the sign-in page; and the member pages beside the floor page
// (/plancher: the App Router's own baseline behind the session check), each page's JavaScript
// split into what it shares with the floor and its own (target: its own ≤ 20 kB). Then what one
// view of each member page asks of the server in Chromium after its HTML (target: no prefetch).
import { randomBytes } from "node:crypto";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";
import { weigh } from "./page-weight";
import { pageViews } from "./page-views";

const secret = randomBytes(32).toString("base64url");
const TARGET = 20 * 1024;
const OWN_JS_TARGET = 20 * 1024;
const MEMBER_PAGES = ["/", "/reunions/conseil/3", "/decisions", "/idees", "/evenements", "/carnet"];

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await withBenchDatabase("weight", async (databaseUrl) => {
  const { seedIfEmpty } = await import("../scripts/seed");
  await seedIfEmpty(databaseUrl);
  const { db } = await import("../lib/db");
  const coop = await db.cooperative.findFirstOrThrow({ select: { slug: true } });
  // An idea of the demo and its follow link, as its author keeps it.
  process.env.NEXTAUTH_SECRET = secret;
  const { keyedToken } = await import("../lib/links/keyed-token");
  const idea = await db.idea.findFirstOrThrow({
    where: { source: "ONLINE" },
    select: { id: true, followSeed: true },
  });
  const follow = `/i/${coop.slug}/suivi/${keyedToken("follow", { id: idea.id, seed: idea.followSeed })}`;
  const person = await db.person.findFirstOrThrow({ where: { email: "ines.morel@demo.portail-scic.fr" } });
  const { encode } = await import("next-auth/jwt");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
  await db.$disconnect();
  const server = await startBenchServer(databaseUrl, secret);
  try {
    const rows = [
      await weigh(server.base, `/i/${coop.slug}`),
      await weigh(server.base, `/i/${coop.slug}/merci`),
      await weigh(server.base, follow),
      await weigh(server.base, "/connexion"),
    ];
    console.log("page weight, compressed as sent (gzip), first load:");
    for (const r of rows) {
      console.log(
        `  ${r.path.padEnd(22)} JS ${kB(r.js)} in ${r.files} files + inline ${kB(r.inlineJs)}, CSS ${kB(r.css)} → ${kB(r.total)} (HTML ${kB(r.html)})`,
      );
    }
    for (const [label, r] of [
      ["public idea page", rows[0]!],
      ["thanks page", rows[1]!],
      ["follow page", rows[2]!],
    ] as const) {
      const all = r.total + r.html;
      console.log(`${label}: ${kB(all)} in all [target < 20 kB: ${all < TARGET ? "met" : "NOT met"}]`);
    }
    // The member pages against the floor: what every page of the App Router costs (React, the
    // router, the session), and what each page adds.
    const floor = await weigh(server.base, "/plancher", cookie);
    console.log(
      `floor page /plancher: JS ${kB(floor.js)} in ${floor.files} files + inline ${kB(floor.inlineJs)}, CSS ${kB(floor.css)} (HTML ${kB(floor.html)}) — the App Router's baseline every member page pays`,
    );
    for (const path of MEMBER_PAGES) {
      const r = await weigh(server.base, path, cookie);
      let shared = 0;
      let own = 0;
      for (const [src, bytes] of r.scripts) {
        if (floor.scripts.has(src)) shared += bytes;
        else own += bytes;
      }
      // Inline scripts (the page's data for React) are the page's own.
      own += Math.max(0, r.inlineJs - floor.inlineJs);
      console.log(
        `  ${path.padEnd(22)} JS ${kB(r.js + r.inlineJs)}: shared with the floor ${kB(shared)}, its own ${kB(own)} [target own ≤ 20 kB: ${own <= OWN_JS_TARGET ? "met" : "NOT met"}]`,
      );
    }
    // What a page view asks of the server after its HTML, in a real Chromium (issue 21: Next.js's
    // Link prefetched every link in view).
    console.log("one page view in Chromium, a returning member (bundles in the browser's cache):");
    const views = await pageViews({
      base: server.base,
      cookie,
      paths: ["/plancher", ...MEMBER_PAGES],
      serverPid: server.process.pid!,
    });
    for (const v of views) {
      // With Chromium on the same two cores: about twice what bench:pages counts for one request.
      const cpu = v.serverCpuMs === null ? "" : `, ${v.serverCpuMs.toFixed(0)} ms of the server's CPU`;
      console.log(
        `  ${v.path.padEnd(22)} ${v.requests} request${v.requests > 1 ? "s" : ""}, ${v.prefetches} prefetch${v.prefetches === 1 ? "" : "es"}${cpu} [target no prefetch: ${v.prefetches === 0 ? "met" : "NOT met"}]`,
      );
    }
  } finally {
    await server.stop();
  }
});
