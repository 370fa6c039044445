import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import {
  acceptsGzip,
  clearStaticCache,
  compress,
  HOLD_LIMIT,
  PAGE_LEVEL,
  STATIC_CACHE_BYTES,
  staticCacheSize,
  SYNC_LIMIT,
} from "@/lib/net/compress";

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
    // A page at the level chosen for the CPU it saves (README): zlib's own output for that level.
    expect(answer.raw.subarray(10)).toEqual(zlib.gzipSync(page, { level: PAGE_LEVEL }).subarray(10));
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
    // A bundle, downloaded once and kept, at zlib's default level: the smaller.
    expect(big.raw.subarray(10)).toEqual(zlib.gzipSync(bundle).subarray(10));

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

describe("the web server's gzip, as an attacker or an odd client would have it", () => {
  const file = "export const scic = 'Conseil';\n".repeat(400);
  // What `send` (Next's static files) does: a strong ETag, byte ranges offered, a range answered.
  const asSend: Handler = (request, response) => {
    response.setHeader("content-type", "application/javascript; charset=UTF-8");
    response.setHeader("etag", '"abc123"');
    response.setHeader("accept-ranges", "bytes");
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ""));
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      response.statusCode = 206;
      response.setHeader("content-range", `bytes ${from}-${to}/${file.length}`);
      response.setHeader("content-length", to - from + 1);
      response.end(file.slice(from, to + 1));
      return;
    }
    response.setHeader("content-length", file.length);
    response.end(file);
  };

  it("answers a byte range with the plain file's bytes, and offers no range of the gzipped one", async () => {
    handlers.set("/file.js", asSend);
    const range = await get("/file.js", { "accept-encoding": "gzip", range: "bytes=100-2099" });
    expect(range.status).toBe(206);
    expect(range.headers["content-encoding"]).toBeUndefined();
    expect(range.headers["content-range"]).toBe(`bytes 100-2099/${file.length}`);
    expect(range.text).toBe(file.slice(100, 2100));

    const whole = await get("/file.js");
    expect(whole.headers["content-encoding"]).toBe("gzip");
    expect(whole.headers["accept-ranges"]).toBeUndefined();
    // Another representation: a weak ETag (a strong one names these very bytes).
    expect(whole.headers.etag).toBe('W/"abc123"');
    expect(whole.text).toBe(file);
  });

  it("tells caches the answer varies, also to a client that does not take gzip", async () => {
    handlers.set("/page", asNext(page));
    const plain = await get("/page", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
  });

  it("survives an answer ended twice, and refuses a write after the end, while compressing", async () => {
    const big = "<li>Décision n° 1 : adoptée</li>".repeat(Math.ceil((SYNC_LIMIT * 2) / 30));
    const seen: string[] = [];
    handlers.set("/twice", (_request, response) => {
      response.setHeader("content-type", "text/html");
      response.write(big);
      response.end(() => seen.push("first end"));
      response.write("<p>trop tard</p>", (error) => seen.push(`write: ${(error as { code?: string }).code}`));
      response.end(() => seen.push("second end"));
    });
    const answer = await get("/twice");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.text).toBe(big);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.sort()).toEqual(["first end", "second end", "write: ERR_STREAM_WRITE_AFTER_END"]);
  });

  it("passes what it does not compress as it was written, encoding included", async () => {
    const png = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    handlers.set("/base64", (_request, response) => {
      response.setHeader("content-type", "image/png");
      response.write(png.toString("base64"), "base64");
      response.end(Buffer.alloc(0));
    });
    const image = await get("/base64");
    expect(image.raw.equals(png)).toBe(true);
  });

  it("never holds a stream of events", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    handlers.set("/events", (_request, response) => {
      response.setHeader("content-type", "text/event-stream");
      response.write(`data: ${"x".repeat(2000)}\n\n`);
      void released.then(() => response.end());
    });
    const first = await new Promise<string>((resolve, reject) => {
      http
        .get(
          { host: "127.0.0.1", port, path: "/events", headers: { "accept-encoding": "gzip" } },
          (response) => {
            expect(response.headers["content-encoding"]).toBeUndefined();
            response.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8")));
          },
        )
        .on("error", reject);
    });
    expect(first.startsWith("data: x")).toBe(true);
    release();
  });
});

describe("the web server's gzip keeps Next.js's bundles compressed", () => {
  // What Next.js sends for /_next/static/: a file named by its content, immutable, with an ETag.
  const bundle =
    (body: string, etag = '"b1"', cacheControl = "public, max-age=31536000, immutable"): Handler =>
    (_request, response) => {
      response.statusCode = 200;
      response.setHeader("content-type", "application/javascript; charset=UTF-8");
      response.setHeader("cache-control", cacheControl);
      response.setHeader("etag", etag);
      response.setHeader("content-length", Buffer.byteLength(body));
      response.end(body);
    };
  const code = "export const college = 'usager·es';\n".repeat(300);
  const compressions = () => {
    const sync = vi.spyOn(zlib, "gzipSync");
    const async = vi.spyOn(zlib, "gzip");
    return { count: () => sync.mock.calls.length + async.mock.calls.length };
  };
  beforeEach(() => {
    clearStaticCache();
    vi.restoreAllMocks();
  });

  it("compresses a bundle once, then sends the same bytes to every browser", async () => {
    handlers.set("/_next/static/chunks/app-1.js", bundle(code));
    const zip = compressions();
    const first = await get("/_next/static/chunks/app-1.js");
    const second = await get("/_next/static/chunks/app-1.js");
    expect(zip.count()).toBe(1);
    expect(staticCacheSize()).toBe(1);
    expect(second.raw.equals(first.raw)).toBe(true);
    expect(second.text).toBe(code);
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(second.headers["content-length"]).toBe(String(second.raw.length));
    expect(second.headers.etag).toBe('W/"b1"');
    // A client that does not take gzip still gets the file as it is.
    expect((await get("/_next/static/chunks/app-1.js", {})).raw.toString("utf8")).toBe(code);
  });

  it("keeps nothing else: pages, files not immutable, other paths, errors", async () => {
    handlers.set("/page", asNext(page));
    handlers.set("/_next/static/chunks/mutable.js", bundle(code, '"m"', "public, max-age=0"));
    handlers.set("/static/chunks/look-alike.js", bundle(code));
    handlers.set("/_next/static/chunks/missing.js", (_request, response) => {
      response.statusCode = 404;
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.setHeader("cache-control", "public, max-age=31536000, immutable");
      response.end(page);
    });
    for (const path of [
      "/page",
      "/_next/static/chunks/mutable.js",
      "/static/chunks/look-alike.js",
      "/_next/static/chunks/missing.js",
    ]) {
      await get(path);
      await get(path);
    }
    expect(staticCacheSize()).toBe(0);
  });

  it("never sends what it kept for other bytes: another length, another ETag, another query", async () => {
    let body = code;
    let etag = '"v1"';
    handlers.set("/_next/static/chunks/app-2.js", (request, response) =>
      bundle(body, etag)(request, response),
    );
    handlers.set("/_next/static/chunks/app-2.js?v=2", bundle(`${code}// deux\n`, '"q"'));
    expect((await get("/_next/static/chunks/app-2.js")).text).toBe(code);
    // Same length, other bytes, another ETag.
    body = code.replace("usager", "USAGER");
    etag = '"v2"';
    expect((await get("/_next/static/chunks/app-2.js")).text).toBe(body);
    // Another length, the same ETag.
    body = `${code}// changé\n`;
    expect((await get("/_next/static/chunks/app-2.js")).text).toBe(body);
    expect((await get("/_next/static/chunks/app-2.js?v=2")).text).toBe(`${code}// deux\n`);
    expect((await get("/_next/static/chunks/app-2.js")).text).toBe(body);
  });

  it("keeps one copy of a file whatever the query a stranger adds", async () => {
    handlers.set("/_next/static/chunks/app-3.js", bundle(code, '"a3"'));
    for (let i = 0; i < 20; i++) {
      const path = `/_next/static/chunks/app-3.js?x=${i}`;
      handlers.set(path, bundle(code, '"a3"'));
      expect((await get(path)).text).toBe(code);
    }
    expect(staticCacheSize()).toBe(1);
  });

  it("keeps nothing under another spelling of a file's path, nor an answer without an ETag", async () => {
    for (const path of [
      "/_next/static/x/../chunks/app-4.js",
      "/_next/static/chunks/./app-4.js",
      "/_next/static/chunks/%61pp-4.js",
      `/_next/static/chunks/${"a".repeat(300)}.js`,
    ]) {
      handlers.set(path, bundle(code, '"a4"'));
      expect((await get(path)).text).toBe(code);
    }
    handlers.set("/_next/static/chunks/no-etag.js", bundle(code, ""));
    expect((await get("/_next/static/chunks/no-etag.js")).text).toBe(code);
    expect(staticCacheSize()).toBe(0);
  });

  it("stops keeping past its bound", async () => {
    // Bundles of random text just under what is held whole: base64 compresses to about three
    // quarters, so each is kept at about 0.7 MB, and these add up past the bound.
    const size = Math.floor(HOLD_LIMIT * 0.95);
    const count = Math.ceil(STATIC_CACHE_BYTES / (size * 0.7)) + 3;
    for (let i = 0; i < count; i++) {
      const noise = randomBytes(Math.floor((size * 3) / 4)).toString("base64");
      handlers.set(`/_next/static/chunks/noise-${i}.js`, bundle(noise, `"n${i}"`));
      expect((await get(`/_next/static/chunks/noise-${i}.js`)).text).toBe(noise);
    }
    expect(staticCacheSize()).toBeGreaterThan(0);
    expect(staticCacheSize()).toBeLessThan(count);
    // About fifty megabytes gzipped: 2–3 s alone here, past Vitest's 5 s when the cores were shared
    // (lint, types and unit tests side by side, 2026-12-02).
  }, 30_000);
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
    // Named, gzip decides (x-gzip is its old name).
    expect(acceptsGzip("x-gzip;q=0, gzip")).toBe(true);
    expect(acceptsGzip("gzip;q=0, x-gzip")).toBe(false);
  });
});
