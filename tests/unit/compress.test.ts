import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { acceptsGzip, compress, HOLD_LIMIT, SYNC_LIMIT } from "@/lib/net/compress";

// A real HTTP server with the web server's compression in front of handlers that answer the way
// Next.js does (headers, flushHeaders, chunks, end), read back with a client that does not
// decompress: what goes on the wire.
type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
const handlers = new Map<string, Handler>();
const called: string[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    compress(request, response);
    handlers.get(request.url ?? "")!(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(
  url: string,
  headers: http.OutgoingHttpHeaders = { "accept-encoding": "gzip, deflate, br" },
  method = "GET",
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }>(
    (resolve, reject) => {
      http
        .request({ host: "127.0.0.1", port, path: url, method, headers, agent: false }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const zipped = response.headers["content-encoding"] === "gzip";
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              raw,
              text: (zipped ? zlib.gunzipSync(raw) : raw).toString("utf8"),
            });
          });
        })
        .on("error", reject)
        .end();
    },
  );
}

const page = `<!DOCTYPE html><html lang="fr"><body>${"<p>Conseil d'administration · procès-verbal</p>".repeat(200)}</body></html>`;

// What Next.js does with a page: headers, flushHeaders (to start streaming), then React's chunks.
function asNext(body: string, type = "text/html; charset=utf-8", parts = 6): Handler {
  return (_request, response) => {
    response.statusCode = 200;
    response.setHeader("content-type", type);
    response.setHeader("vary", "rsc, next-router-state-tree");
    response.flushHeaders();
    const step = Math.ceil(body.length / parts);
    for (let i = 0; i < body.length; i += step) response.write(body.slice(i, i + step));
    response.end();
  };
}

describe("the web server's gzip", () => {
  it("sends a page compressed in one piece, with its length, to a client that takes gzip", async () => {
    handlers.set("/page", asNext(page));
    const answer = await get("/page");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBe(String(answer.raw.length));
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.raw.length).toBeLessThan(page.length / 5);
    expect(answer.text).toBe(page);
    // Caches in between keep one version per encoding; the app's own Vary stays.
    expect(answer.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
  });

  it("sends it as it is to a client that does not take gzip, or refuses it by name", async () => {
    handlers.set("/page", asNext(page));
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "gzip;q=0, *" }]) {
      const answer = await get("/page", headers);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.text).toBe(page);
    }
  });

  it("leaves alone what is small, already compressed, not text, or marked no-transform", async () => {
    handlers.set("/small", asNext("<p>ok</p>"));
    const small = await get("/small");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["content-length"]).toBe("9");
    expect(small.text).toBe("<p>ok</p>");

    const png = Buffer.alloc(5000, 7);
    handlers.set("/image", (_request, response) => {
      response.setHeader("content-type", "image/png");
      response.end(png);
    });
    const image = await get("/image");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.raw.equals(png)).toBe(true);

    handlers.set("/zipped", (_request, response) => {
      response.setHeader("content-type", "text/plain");
      response.setHeader("content-encoding", "gzip");
      response.end(zlib.gzipSync(page));
    });
    const zipped = await get("/zipped");
    expect(zlib.gunzipSync(zipped.raw).toString()).toBe(page);

    handlers.set("/no-transform", (_request, response) => {
      response.setHeader("content-type", "text/html");
      response.setHeader("cache-control", "no-transform");
      response.end(page);
    });
    const kept = await get("/no-transform");
    expect(kept.headers["content-encoding"]).toBeUndefined();
    expect(kept.text).toBe(page);
  });

  it("answers HEAD and 304 without a body", async () => {
    handlers.set("/page", asNext(page));
    const head = await get("/page", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.raw.length).toBe(0);

    handlers.set("/unchanged", (_request, response) => {
      response.statusCode = 304;
      response.setHeader("content-type", "text/html");
      response.end();
    });
    const unchanged = await get("/unchanged");
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers["content-encoding"]).toBeUndefined();
  });

  it("keeps the headers and status given to writeHead", async () => {
    handlers.set("/head", (_request, response) => {
      response.writeHead(201, { "content-type": "application/json", "x-portail": "oui" });
      response.end(JSON.stringify({ rows: Array.from({ length: 300 }, (_, i) => ({ i, name: "Camille" })) }));
    });
    const answer = await get("/head");
    expect(answer.status).toBe(201);
    expect(answer.headers["x-portail"]).toBe("oui");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(answer.text).rows).toHaveLength(300);
  });

  it("compresses a bundle-sized answer off the main thread, and a very long one as a stream", async () => {
    const bundle = "export const x = 'scic';\n".repeat(Math.ceil((SYNC_LIMIT * 2) / 25));
    handlers.set("/bundle", asNext(bundle, "application/javascript; charset=UTF-8"));
    const big = await get("/bundle");
    expect(big.headers["content-encoding"]).toBe("gzip");
    expect(big.headers["content-length"]).toBe(String(big.raw.length));
    expect(big.text).toBe(bundle);

    // An export past what is held in memory: compressed as it is written, without a length.
    const rows = Array.from(
      { length: Math.ceil((HOLD_LIMIT * 3) / 40) },
      (_, i) => `ligne ${i};Dominique;oui\n`,
    ).join("");
    handlers.set("/export", asNext(rows, "text/csv; charset=utf-8", 64));
    const long = await get("/export");
    expect(long.headers["content-encoding"]).toBe("gzip");
    expect(long.headers["content-length"]).toBeUndefined();
    expect(long.text).toBe(rows);
  });

  it("calls back the writer's callbacks", async () => {
    handlers.set("/callbacks", (_request, response) => {
      response.setHeader("content-type", "text/plain");
      response.write(page, () => called.push("write"));
      response.end(() => called.push("end"));
    });
    const answer = await get("/callbacks");
    expect(answer.text).toBe(page);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(called).toEqual(["write", "end"]);
  });
});

describe("Accept-Encoding", () => {
  it("reads gzip, its weight and the wildcard", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip(["deflate", "GZIP"])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=abc")).toBe(false);
  });
});
