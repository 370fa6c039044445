import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { applyPolicy, contentSecurityPolicy } from "@/lib/net/csp";

// A real HTTP server with the web server's policy in front of a handler that reports what Next.js
// would read from the request (the policy and the nonce), read back with a client that may forge
// its own headers, as an attacker's would.
let server: http.Server;
let port = 0;
let dev = false;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    applyPolicy(request, response, { dev });
    response.setHeader("content-type", "application/json");
    response.end(
      JSON.stringify({
        nonce: request.headers["x-nonce"] ?? null,
        policy: request.headers["content-security-policy"] ?? null,
        reportOnly: request.headers["content-security-policy-report-only"] ?? null,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Seen = { nonce: string | null; policy: string | null; reportOnly: string | null };

function get(path: string, headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<{ answer: string | undefined; seen: Seen }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers, agent: false }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        response.on("end", () =>
          resolve({
            answer: response.headers["content-security-policy"] as string | undefined,
            seen: JSON.parse(text) as Seen,
          }),
        );
      })
      .on("error", reject);
  });
}

describe("the pages' Content-Security-Policy (our web server, before Next.js)", () => {
  it("gives a page a fresh nonce, the same in the answer's policy and in what Next.js reads", async () => {
    const first = await get("/reunions/conseil/3");
    const second = await get("/reunions/conseil/3");
    expect(first.seen.nonce).toMatch(/^[A-Za-z0-9+/=]{24,}$/);
    expect(first.answer).toBe(contentSecurityPolicy(first.seen.nonce!, false));
    expect(first.seen.policy).toBe(first.answer);
    expect(first.answer).toContain(`script-src 'self' 'nonce-${first.seen.nonce}' 'strict-dynamic';`);
    expect(first.answer).toContain("frame-ancestors 'none'");
    expect(first.answer).toContain("object-src 'none'");
    expect(first.answer).not.toContain("unsafe-eval");
    expect(second.seen.nonce).not.toBe(first.seen.nonce);
  });

  it("never believes a client's own nonce or policy", async () => {
    const forged = {
      "x-nonce": "QUFBQUFBQUFBQUFBQUFBQQ==",
      "content-security-policy": "script-src 'unsafe-inline' 'nonce-QUFBQUFBQUFBQUFBQUFBQQ=='",
      "content-security-policy-report-only": "script-src *",
    };
    const page = await get("/i/maison-de-sante", forged);
    expect(page.seen.nonce).not.toBe(forged["x-nonce"]);
    expect(page.seen.policy).not.toContain(forged["x-nonce"]);
    expect(page.seen.policy).not.toContain("script-src 'unsafe-inline'");
    expect(page.seen.policy).toBe(page.answer);
    expect(page.seen.reportOnly).toBeNull();
    // Where no policy is set, the forged headers are gone all the same.
    const api = await get("/api/votes/abc/ballot", forged);
    expect(api.seen).toEqual({ nonce: null, policy: null, reportOnly: null });
  });

  it("leaves out the API, static files and the router's prefetches, as the pages' policy always did", async () => {
    for (const path of ["/api/health", "/_next/static/chunks/app.js", "/_next/image?url=x", "/favicon.ico"]) {
      const { answer, seen } = await get(path);
      expect(answer, path).toBeUndefined();
      expect(seen.nonce, path).toBeNull();
    }
    expect((await get("/", { "next-router-prefetch": "1" })).answer).toBeUndefined();
    // A page whose name merely starts like one of them still gets its policy.
    // Nor one that only looks excluded before its dot segments are resolved, as Next.js does.
    for (const path of [
      "/apiculture",
      // No longer a file (the icon is inside the page): its 404 page gets the policy.
      "/icon.svg",
      "/icon.svg.html",
      "/idees?from=/api/x",
      "/api/../connexion",
      "/api/%2e%2e/connexion",
      "/_next/static/../../reunions",
    ])
      expect((await get(path)).answer, path).toContain("'strict-dynamic'");
  });

  it("allows eval in development only (React's debugging needs it)", async () => {
    dev = true;
    try {
      expect((await get("/")).answer).toContain("'strict-dynamic' 'unsafe-eval'");
    } finally {
      dev = false;
    }
  });
});
