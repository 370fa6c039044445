// What a page costs a phone on first load: the HTML, then every script and stylesheet it names,
// compressed as the production server sends them (gzip). Inline scripts and styles count too; the
// nomodule polyfills do not (a current browser never loads them).
import { gzipSync } from "node:zlib";

async function transferred(url: string): Promise<{ bytes: number; body: string }> {
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  const body = await response.text();
  // fetch decompresses; what travelled is the compressed length when the server compressed it.
  const length =
    response.headers.get("content-encoding") === "gzip" ? gzipSync(body).length : Buffer.byteLength(body);
  return { bytes: Number(response.headers.get("content-length")) || length, body };
}

export async function weigh(base: string, path: string, cookie?: string) {
  const page = await fetch(base + path, {
    headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) },
  });
  const html = await page.text();
  if (!page.ok) throw new Error(`${path}: HTTP ${page.status}`);
  // What a current browser downloads: not the nomodule polyfills (only browsers without ES
  // modules load them).
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []);
  const styles = [
    ...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g),
  ].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .join("");
  let js = 0;
  let css = 0;
  const sizes = new Map<string, number>();
  for (const src of new Set(scripts)) {
    const { bytes } = await transferred(new URL(src, base).href);
    js += bytes;
    sizes.set(src, bytes);
    // BENCH_DETAIL=1 lists every script with its compressed size.
    if (process.env.BENCH_DETAIL) console.log(`    ${path} ${src} ${(bytes / 1024).toFixed(1)} kB`);
  }
  for (const href of new Set(styles)) css += (await transferred(new URL(href, base).href)).bytes;
  const inlineJs = gzipSync(inline).length;
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join("");
  css += inlineCss ? gzipSync(inlineCss).length : 0;
  const htmlBytes = gzipSync(html).length;
  return {
    path,
    files: new Set(scripts).size,
    js,
    inlineJs,
    css,
    html: htmlBytes,
    total: js + inlineJs + css,
    // Each script's compressed size, by address (to tell the floor page's from a page's own).
    scripts: sizes,
  };
}
