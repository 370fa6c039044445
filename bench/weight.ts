// npm run bench:weight — what a phone downloads for the public idea page (and, for comparison,
// the sign-in page and the signed-in idea board): the HTML, then every script and stylesheet it
// names, as the production server sends them compressed. Target for the public page: under
// 150 kB of JavaScript and CSS transferred (inline scripts and styles counted too).
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";

const secret = randomBytes(32).toString("base64url");
const TARGET = 150 * 1024;

async function transferred(url: string): Promise<{ bytes: number; body: string }> {
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  const body = await response.text();
  // fetch decompresses; what travelled is the compressed length when the server compressed it.
  const length = response.headers.get("content-encoding") === "gzip" ? gzipSync(body).length : Buffer.byteLength(body);
  return { bytes: Number(response.headers.get("content-length")) || length, body };
}

async function weigh(base: string, path: string, cookie?: string) {
  const page = await fetch(base + path, { headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } });
  const html = await page.text();
  if (!page.ok) throw new Error(`${path}: HTTP ${page.status}`);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g), ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  let js = 0;
  let css = 0;
  for (const src of new Set(scripts)) {
    const { bytes } = await transferred(new URL(src, base).href);
    js += bytes;
    // BENCH_DETAIL=1 lists every script with its compressed size.
    if (process.env.BENCH_DETAIL) console.log(`    ${path} ${src} ${(bytes / 1024).toFixed(1)} kB`);
  }
  for (const href of new Set(styles)) css += (await transferred(new URL(href, base).href)).bytes;
  const inlineJs = gzipSync(inline).length;
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join("");
  css += inlineCss ? gzipSync(inlineCss).length : 0;
  const htmlBytes = gzipSync(html).length;
  return { path, files: new Set(scripts).size, js, inlineJs, css, html: htmlBytes, total: js + inlineJs + css };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await withBenchDatabase("weight", async (databaseUrl) => {
  const { seedIfEmpty } = await import("../scripts/seed");
  await seedIfEmpty(databaseUrl);
  const { db } = await import("../lib/db");
  const coop = await db.cooperative.findFirstOrThrow({ select: { slug: true } });
  const person = await db.person.findFirstOrThrow({ where: { email: "ines.morel@demo.portail-scic.fr" } });
  const { encode } = await import("next-auth/jwt");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
  await db.$disconnect();
  const server = await startBenchServer(databaseUrl, secret);
  try {
    const rows = [await weigh(server.base, `/i/${coop.slug}`), await weigh(server.base, "/connexion"), await weigh(server.base, "/idees", cookie)];
    console.log("page weight, compressed as sent (gzip), first load:");
    for (const r of rows) {
      console.log(`  ${r.path.padEnd(22)} JS ${kB(r.js)} in ${r.files} files + inline ${kB(r.inlineJs)}, CSS ${kB(r.css)} → ${kB(r.total)} (HTML ${kB(r.html)})`);
    }
    const pub = rows[0]!;
    console.log(`public idea page: ${kB(pub.total)} of JavaScript and CSS [target < 150 kB: ${pub.total < TARGET ? "met" : "NOT met"}]`);
  } finally {
    await server.stop();
  }
});
