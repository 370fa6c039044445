import type http from "node:http";
import { randomUUID } from "node:crypto";

// Every page gets a Content-Security-Policy with a fresh nonce: Next.js puts it on its own scripts
// (it reads the policy from the request's `content-security-policy` header), so only the portal's
// scripts run; no page may be framed elsewhere. Styles allow inline ones (style attributes of the
// bars and the public page's few lines of CSS), never inline scripts.
//
// Set by our web server (scripts/server.ts) before Next.js sees the request. It was a Next.js
// proxy (middleware) until it was measured: the proxy builds a NextRequest and a NextResponse for
// every page, 1.2–2 ms of the 8–12 ms a page costs the server's JavaScript thread.

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// The API routes (the ballot box) and static files render no HTML: no policy (next.config.ts gives
// them the other headers). Nor does the router's prefetch of a page's data. (The icon is inside
// each page since issue 21; /favicon.ico is a file of public/ for browsers that cannot read it.)
const WITHOUT_POLICY = /^\/(?:api\/|_next\/static(?:\/|$)|_next\/image(?:\/|$)|favicon\.ico$)/;

// The path as Next.js routes it: `new URL` resolves its dot segments (`/api/../connexion` is the
// sign-in page, which must get its policy). An address it cannot read gets the policy.
export function wantsPolicy(request: http.IncomingMessage): boolean {
  let path: string;
  try {
    path = new URL(request.url ?? "/", "http://portail.invalid").pathname;
  } catch {
    return true;
  }
  return !WITHOUT_POLICY.test(path) && request.headers["next-router-prefetch"] === undefined;
}

// A client's own policy or nonce is never believed: Next.js would put a nonce the client chose on
// the page's scripts, and the public pages (lib/ideas/public-html.ts) read `x-nonce`.
export function applyPolicy(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  { dev = false, nonce = randomUUID }: { dev?: boolean; nonce?: () => string } = {},
): void {
  delete request.headers["x-nonce"];
  delete request.headers["content-security-policy"];
  delete request.headers["content-security-policy-report-only"];
  if (!wantsPolicy(request)) return;
  const value = Buffer.from(nonce()).toString("base64");
  const policy = contentSecurityPolicy(value, dev);
  request.headers["x-nonce"] = value;
  request.headers["content-security-policy"] = policy;
  response.setHeader("content-security-policy", policy);
}
