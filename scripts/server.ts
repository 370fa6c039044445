// The web server: Next.js behind a plain Node HTTP server of ours, so that the client's
// address comes from the socket (lib/net/client-address.ts). Whatever a client writes in
// X-Forwarded-For, X-Real-IP or Forwarded is dropped unless TRUSTED_PROXIES names the machine
// it came through; the app then reads the one address we resolved, as X-Forwarded-For.
// `npm start` runs it (scripts/start.ts); it serves the production build, or `--dev`.
import http from "node:http";
import { randomUUID } from "node:crypto";
import next from "next";
import { log, loggablePath, requestIdFrom } from "../lib/log";
import { clientAddress, PROXY_HEADERS, trustedProxies } from "../lib/net/client-address";
import { compress } from "../lib/net/compress";
import { applyPolicy } from "../lib/net/csp";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// Localhost only, unless HOST says otherwise (behind a reverse proxy on another machine, or in a
// container: HOST=0.0.0.0).
const host = process.env.HOST || "127.0.0.1";

const trust = trustedProxies(process.env.TRUSTED_PROXIES);
// Gzip is ours (lib/net/compress.ts; Next.js's is off in next.config.ts), unless a reverse proxy
// that compresses (nginx, Caddy) is left to do it: PORTAIL_COMPRESS=off.
const compressing = !dev && process.env.PORTAIL_COMPRESS !== "off";
const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();

await app.prepare();

function admit(request: http.IncomingMessage, response: http.ServerResponse) {
  const address = clientAddress(request, trust);
  const viaProxy = trust(request.socket.remoteAddress ?? "", 0);
  // One id per request: in our log lines, the app's (lib/action.ts), and the answer's header.
  const id = requestIdFrom(request.headers["x-request-id"], viaProxy, randomUUID);
  request.headers["x-request-id"] = id;
  response.setHeader("x-request-id", id);
  const started = process.hrtime.bigint();
  response.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info(
      {
        reqId: id,
        method: request.method,
        path: loggablePath(request.url ?? "/"),
        status: response.statusCode,
        ms: Math.round(ms),
      },
      "request",
    );
  });
  for (const header of PROXY_HEADERS) if (!viaProxy || header === "forwarded") delete request.headers[header];
  delete request.headers["x-real-ip"];
  request.headers["x-forwarded-for"] = address;
  // The pages' Content-Security-Policy and its nonce (lib/net/csp.ts).
  applyPolicy(request, response, { dev });
}

const server = http.createServer((request, response) => {
  admit(request, response);
  if (compressing) compress(request, response);
  void handle(request, response);
});
// A connection kept alive waits 65 s for its next request, not Node's 5 s: a client (a browser,
// a reverse proxy, Playwright's request context) that sends on an idle connection just as the
// server closes it gets « socket hang up » (ECONNRESET), as an e2e journey did in CI between two
// PDFs. Longer than the usual proxies' 60 s, so that the proxy is the one to close it first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}
server.listen(port, host, () => {
  log.info({ port, host }, "[portail] Serveur web prêt / web server ready");
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
