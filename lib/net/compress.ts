// Gzip for the web server (scripts/server.ts), one answer at a time: what the app writes is held
// until it ends and compressed in one call. Next.js's own compression (turned off in
// next.config.ts) runs a zlib stream per answer and flushes it after every chunk React writes:
// about 1.3 ms of CPU per page, against 0.4 ms for one call on the whole page (README,
// Benchmarks). No page streams anything worth seeing early (no Suspense boundary, no loading
// page), so holding a page back costs nobody a thing. An answer that grows past HOLD_LIMIT (a
// spreadsheet export) goes on through a zlib stream from there, and a large held answer (a
// JavaScript bundle) is compressed off the main thread.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";

// Answers shorter than this go as they are: the gzip header and the CPU are not worth it.
export const MIN_SIZE = 1024;
// What is held in memory for one answer before it is compressed as a stream instead.
export const HOLD_LIMIT = 1024 * 1024;
// Up to this size the whole answer is compressed on the main thread (a page: 0.2–0.5 ms); above
// it, on libuv's thread pool, so that a bundle does not hold other requests back.
export const SYNC_LIMIT = 128 * 1024;
// Pages (HTML, and the RSC payload of a navigation) at zlib's level 3 rather than its default 6:
// half the CPU on every page view (0.10 against 0.21 ms for the meeting, 0.11 against 0.41 ms for
// the idea board) for 7–10 % more bytes (7.1 against 6.6 kB); nginx compresses at 1 by default.
// Everything else (the bundles, CSS, JSON) keeps zlib's default: a browser downloads a bundle
// once and keeps it, and at level 3 the floor page's JavaScript weighed 164 kB instead of 152.
export const PAGE_LEVEL = 3;
const PAGE = /^text\/(html|x-component)\b/i;
const PAGE_OPTIONS: zlib.ZlibOptions = { level: PAGE_LEVEL };
const OTHER_OPTIONS: zlib.ZlibOptions = {};

// Next.js's bundles and styles (/_next/static/, named by their content and sent as `immutable`)
// are compressed once per process and kept: each browser's first visit asks for about eleven of
// them (640 kB before gzip). Serving them took 49–61 ms of the server's CPU per visit (28–35 on the
// main thread), compressed anew each time; kept, 28–33 ms (17–22): what is left is Next.js's own
// file serving (issue 21). An entry is used only for the same path (as Next.js serves it), the
// same plain length and the same ETag; entries stop being added past STATIC_CACHE_BYTES, paths
// and bytes counted (a build's bundles are 1–2 MB compressed).
export const STATIC_CACHE_BYTES = 32 * 1024 * 1024;
const staticCache = new Map<string, { size: number; etag: string; gzip: Buffer }>();
let staticCacheBytes = 0;
const STATIC_PATH = /^\/_next\/static\//;
// A bundle's path is about 40 characters; a longer one is not kept.
const MAX_KEY = 256;

// For the tests: what is kept, emptied.
export function staticCacheSize(): number {
  return staticCache.size;
}
export function clearStaticCache() {
  staticCache.clear();
  staticCacheBytes = 0;
}

// Texts compress; images, PDFs, archives and spreadsheets (zip inside) already are. A stream of
// events must go out as it comes: never held.
const STREAMED = /^text\/event-stream/i;
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml|manifest\+json|ld\+json|x-javascript)|image\/svg\+xml)/i;

// Whether the client takes gzip: « gzip », « x-gzip » or « * » with a weight above 0, and gzip
// not refused by name (« gzip;q=0 »).
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  const weights = new Map<string, boolean>();
  for (const part of value.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) && weight > 0);
  }
  return weights.get("gzip") ?? weights.get("x-gzip") ?? weights.get("*") ?? false;
}

function headerText(value: number | string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

// The answer varies with Accept-Encoding (for caches between the portal and the person).
function addVary(response: ServerResponse) {
  const vary = headerText(response.getHeader("vary"));
  if (vary === "*" || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) return;
  response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk);
}

// Reads write(chunk, encoding?, callback?) and end(chunk?, encoding?, callback?).
function writeArgs(args: unknown[]): { chunk?: Chunk; encoding?: BufferEncoding; callback?: Callback } {
  const [first, second, third] = args;
  if (typeof first === "function") return { callback: first as Callback };
  const chunk = first === undefined || first === null ? undefined : (first as Chunk);
  if (typeof second === "function") return { chunk, callback: second as Callback };
  return { chunk, encoding: second as BufferEncoding | undefined, callback: third as Callback | undefined };
}

// writeHead's headers go where setHeader puts them, so that they can still change until `ready()`
// says the answer may leave (Node then calls writeHead itself, as the first byte goes out).
function holdWriteHead(response: ServerResponse, ready: () => boolean) {
  const writeHead = response.writeHead.bind(response);
  // writeHead(status, reason?, headers?): headers as an object or a flat list of names and values.
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const [statusCode, reason, headers] = args as [number, unknown, unknown];
    const given = (typeof reason === "string" ? headers : reason) as
      OutgoingHttpHeaders | (string | string[])[] | undefined;
    if (typeof reason === "string") this.statusMessage = reason;
    this.statusCode = statusCode;
    if (Array.isArray(given)) {
      for (let i = 0; i + 1 < given.length; i += 2) this.setHeader(String(given[i]), given[i + 1]!);
    } else if (given) {
      for (const [name, value] of Object.entries(given)) if (value !== undefined) this.setHeader(name, value);
    }
    if (ready()) writeHead(this.statusCode, this.statusMessage || undefined);
    return this;
  } as ServerResponse["writeHead"];
}

// Compresses what `response` sends for `request`, when the client takes gzip and the answer is
// text. Called before the app sees the request.
export function compress(request: IncomingMessage, response: ServerResponse) {
  if (request.method === "HEAD") return;
  // As the client sent it (Next.js may rewrite request.url while it answers).
  const url = request.url ?? "";
  const accepted = acceptsGzip(request.headers["accept-encoding"]);

  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const held: Buffer[] = [];
  let size = 0;
  // undefined until the first byte is written: then « hold », « stream » or « pass ».
  let mode: "hold" | "stream" | "pass" | undefined;
  let gzip: zlib.Gzip | undefined;
  // Set as the held answer goes out; `ended` once the app has ended it.
  let releasing = false;
  let ended = false;

  const compressible = () => {
    const status = response.statusCode;
    if (status < 200 || status === 204 || status === 206 || status === 304) return false;
    if (response.getHeader("content-encoding") || response.getHeader("content-range")) return false;
    const type = headerText(response.getHeader("content-type"));
    return COMPRESSIBLE.test(type) && !STREAMED.test(type);
  };

  const options = () =>
    PAGE.test(headerText(response.getHeader("content-type"))) ? PAGE_OPTIONS : OTHER_OPTIONS;

  const decide = () => {
    if (mode) return;
    if (response.headersSent || !compressible()) {
      mode = "pass";
      return;
    }
    // Both versions vary with Accept-Encoding, for the caches in between.
    addVary(response);
    const transform = /no-transform/i.test(headerText(response.getHeader("cache-control")));
    mode = accepted && !transform ? "hold" : "pass";
  };

  // The compressed answer is another representation: its ETag is weak (as nginx makes it), and
  // byte ranges of it are not offered (a range asked later gets the plain file's bytes).
  const zipped = () => {
    response.removeHeader("content-length");
    response.removeHeader("accept-ranges");
    response.setHeader("content-encoding", "gzip");
    const etag = headerText(response.getHeader("etag"));
    if (etag.startsWith('"')) response.setHeader("etag", `W/${etag}`);
  };

  const startStream = () => {
    mode = "stream";
    releasing = true;
    zipped();
    const stream = zlib.createGzip(options());
    gzip = stream;
    stream.on("data", (data: Buffer) => {
      if (!write(data)) stream.pause();
    });
    response.on("drain", () => stream.resume());
    stream.on("drain", () => response.emit("drain"));
    stream.on("end", () => end());
    stream.on("error", (error) => response.destroy(error));
    // A client gone before the end: the zlib stream (and its native memory) goes with it.
    response.once("close", () => {
      if (!response.writableFinished) stream.destroy();
    });
    for (const chunk of held.splice(0)) stream.write(chunk);
  };

  // The key under which this answer's compressed body is kept: a bundle or a style of
  // /_next/static/ sent whole as immutable, with a status of 200.
  // Keyed by the path alone, and only when it is already the path Next.js serves: Next.js serves
  // the same file whatever the query, with dot segments resolved and percent escapes decoded, and
  // a stranger's made-up spellings of one file must not fill the cache with copies of it. An
  // answer without an ETag is not kept (its length alone would vouch for its bytes).
  const keptAs = (): string | undefined => {
    if (request.method !== "GET" || response.statusCode !== 200) return undefined;
    const path = url.split("?")[0]!;
    if (!STATIC_PATH.test(path) || path.length > MAX_KEY || path.includes("%")) return undefined;
    try {
      if (new URL(path, "http://portail.invalid").pathname !== path) return undefined;
    } catch {
      return undefined;
    }
    if (!headerText(response.getHeader("etag"))) return undefined;
    return /\bimmutable\b/i.test(headerText(response.getHeader("cache-control"))) ? path : undefined;
  };

  // Sends what was held, compressed or not, and ends the answer.
  const finish = (body: Buffer, callback?: Callback) => {
    releasing = true;
    if (body.length < MIN_SIZE) {
      response.setHeader("content-length", body.length);
      end(body, callback);
      return;
    }
    const key = keptAs();
    const etag = headerText(response.getHeader("etag"));
    const hit = key ? staticCache.get(key) : undefined;
    const kept = hit && hit.size === body.length && hit.etag === etag ? hit.gzip : undefined;
    const send = (error: Error | null, compressed: Buffer) => {
      if (error) return void response.destroy(error);
      if (key && !kept && staticCacheBytes + compressed.length + key.length <= STATIC_CACHE_BYTES) {
        const previous = staticCache.get(key);
        if (previous) staticCacheBytes -= previous.gzip.length + key.length;
        // A copy of its own: zlib's output may be a slice of a larger buffer it would keep alive.
        const gzip = Buffer.allocUnsafeSlow(compressed.length);
        compressed.copy(gzip);
        staticCacheBytes += gzip.length + key.length;
        staticCache.set(key, { size: body.length, etag, gzip });
      }
      if (response.destroyed) return;
      try {
        zipped();
        response.setHeader("content-length", compressed.length);
        end(compressed, callback);
      } catch (failure) {
        response.destroy(failure as Error);
      }
    };
    if (kept) send(null, kept);
    else if (body.length <= SYNC_LIMIT) send(null, zlib.gzipSync(body, options()));
    else zlib.gzip(body, options(), send);
  };

  holdWriteHead(response, () => releasing || (mode !== undefined && mode !== "hold"));
  // Next.js sends the headers as it starts a page (to stream it): they wait for the body here.
  const flushHeaders = response.flushHeaders.bind(response);
  response.flushHeaders = () => {
    decide();
    if (mode === "pass") flushHeaders();
  };

  response.write = function (...args: unknown[]) {
    decide();
    // As they came, when not held (Node checks them, and refuses a write after the end).
    if (mode === "pass" || args[0] === null || response.writableEnded) return write(...args);
    const { chunk, encoding, callback } = writeArgs(args);
    if (ended) {
      // Ended, still compressing: refused as Node refuses it.
      const error = Object.assign(new Error("write after end"), { code: "ERR_STREAM_WRITE_AFTER_END" });
      if (callback) process.nextTick(callback, error);
      return false;
    }
    if (chunk === undefined) return true;
    const buffer = toBuffer(chunk, encoding);
    if (mode === "stream") return gzip!.write(buffer, callback);
    held.push(buffer);
    size += buffer.length;
    if (callback) process.nextTick(callback);
    if (size > HOLD_LIMIT) startStream();
    return true;
  } as ServerResponse["write"];

  response.end = function (...args: unknown[]) {
    decide();
    if (mode === "pass") return end(...args);
    const { chunk, encoding, callback } = writeArgs(args);
    // Ended already (the answer may still be compressing): only the callback waits for it.
    if (ended) {
      if (callback) response.once("finish", () => callback());
      return response;
    }
    ended = true;
    if (chunk !== undefined) held.push(toBuffer(chunk, encoding));
    if (mode === "stream") {
      if (callback) response.once("finish", () => callback());
      for (const buffer of held.splice(0)) gzip!.write(buffer);
      gzip!.end();
      return response;
    }
    const body = held.length === 1 ? held[0]! : Buffer.concat(held);
    held.length = 0;
    finish(body, callback);
    return response;
  } as ServerResponse["end"];
}
