// What one page view asks of the server in a real Chromium, beyond the page itself: after the
// HTML, the browser may ask for more (Next.js's Link prefetched the tree and <head> of every
// link in view: 22–38 requests per member page, 1.8–4.6 ms of the server's CPU each). Counts
// the requests that reach the server (not the bundles and styles the browser keeps; the most of
// five views), and the server's CPU for the whole view (its JavaScript thread,
// /proc/<pid>/schedstat; the median of five views).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { percentile } from "./percentile";
import { threadCpuMs } from "./thread-cpu";

const WARM_REQUESTS = 100;
const VIEWS = 5;

export type PageView = { path: string; requests: number; prefetches: number; serverCpuMs: number | null };

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// A returning member: one browser context that has seen every page once (its bundles and styles
// are in the browser's cache, as Next.js marks them immutable), then each page opened anew in
// its own tab (no router cache from the page before), scrolled to its end, a pointer over its
// first link, then left until the network is idle.
export async function pageViews(options: {
  base: string;
  cookie: string;
  paths: readonly string[];
  serverPid: number;
}): Promise<PageView[]> {
  const { base, cookie, paths, serverPid } = options;
  const [name = "", value = ""] = cookie.split(/=(.*)/s);
  const browser = await chromium.launch({ executablePath });
  const views: PageView[] = [];
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: base }]);
    const view = async (path: string) => {
      const page = await context.newPage();
      // What reached the server: Chromium's own account (DevTools protocol), less what it took
      // from its cache (memory or disk).
      const devtools = await context.newCDPSession(page);
      await devtools.send("Network.enable");
      const sent = new Set<string>();
      const cached = new Set<string>();
      devtools.on("Network.requestWillBeSent", ({ requestId, request }) => {
        if (request.url.startsWith(base)) sent.add(requestId);
      });
      devtools.on("Network.requestServedFromCache", ({ requestId }) => cached.add(requestId));
      devtools.on("Network.responseReceived", ({ requestId, response }) => {
        if (response.fromDiskCache) cached.add(requestId);
      });
      let prefetches = 0;
      page.on("request", (request) => {
        if (request.headers()["next-router-prefetch"]) prefetches++;
      });
      const before = threadCpuMs(serverPid);
      await page.goto(base + path, { waitUntil: "networkidle" });
      await page.mouse.wheel(0, 20_000);
      await page
        .locator("main a")
        .first()
        .hover()
        .catch(() => undefined);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      const after = threadCpuMs(serverPid);
      await page.close();
      return {
        path,
        requests: [...sent].filter((id) => !cached.has(id)).length,
        prefetches,
        serverCpuMs: before === null || after === null ? null : after - before,
      };
    };
    for (const path of paths) await view(path);
    // A server that has served each page before (its code compiled by V8), as on an evening.
    for (const path of paths)
      for (let i = 0; i < WARM_REQUESTS; i++)
        await (await fetch(base + path, { headers: { cookie } })).text();
    // Each page viewed VIEWS times: its median CPU (one view alone may carry a garbage collection).
    for (const path of paths) {
      const runs: PageView[] = [];
      for (let i = 0; i < VIEWS; i++) runs.push(await view(path));
      const cpu = runs.map((r) => r.serverCpuMs).filter((ms): ms is number => ms !== null);
      views.push({
        path,
        requests: Math.max(...runs.map((r) => r.requests)),
        prefetches: Math.max(...runs.map((r) => r.prefetches)),
        serverCpuMs: cpu.length ? percentile(cpu, 50) : null,
      });
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return views;
}
