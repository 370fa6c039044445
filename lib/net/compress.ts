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

// Texts compress; images, PDFs, archives and spreadsheets (zip inside) already are.
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|xml|manifest\+json|ld\+json|x-javascript)|image\/svg\+xml)/i;

// Whether the client takes gzip: « gzip », « x-gzip » or « * » with a weight above 0, and gzip
// not refused by name (« gzip;q=0 »).
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  let any = false;
  for (const part of value.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const accepted = Number.isFinite(weight) && weight > 0;
    if (name === "gzip" || name === "x-gzip") return accepted;
    if (name === "*") any = accepted;
  }
  return any;
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
  if (request.method === "HEAD" || !acceptsGzip(request.headers["accept-encoding"])) return;

  const write = response.write.bind(response) as (chunk: Chunk, callback?: Callback) => boolean;
  const end = response.end.bind(response) as (
    chunk?: Chunk | Callback,
    callback?: Callback,
  ) => ServerResponse;
  const held: Buffer[] = [];
  let size = 0;
  // undefined until the first byte is written: then « hold », « stream » or « pass ».
  let mode: "hold" | "stream" | "pass" | undefined;
  let gzip: zlib.Gzip | undefined;
  // Set as the held answer goes out.
  let releasing = false;

  const compressible = () => {
    const status = response.statusCode;
    if (status < 200 || status === 204 || status === 304) return false;
    if (response.getHeader("content-encoding")) return false;
    if (/no-transform/i.test(headerText(response.getHeader("cache-control")))) return false;
    return COMPRESSIBLE.test(headerText(response.getHeader("content-type")));
  };

  const decide = () => {
    if (mode) return;
    if (response.headersSent || !compressible()) {
      mode = "pass";
      return;
    }
    addVary(response);
    mode = "hold";
  };

  const startStream = () => {
    mode = "stream";
    response.removeHeader("content-length");
    response.setHeader("content-encoding", "gzip");
    gzip = zlib.createGzip();
    gzip.on("data", (data: Buffer) => {
      if (!write(data)) gzip!.pause();
    });
    response.on("drain", () => gzip!.resume());
    gzip.on("drain", () => response.emit("drain"));
    gzip.on("end", () => end());
    gzip.on("error", (error) => response.destroy(error));
    for (const chunk of held.splice(0)) gzip.write(chunk);
  };

  // Sends what was held, compressed or not, and ends the answer.
  const finish = (body: Buffer, callback?: Callback) => {
    releasing = true;
    if (body.length < MIN_SIZE) {
      response.setHeader("content-length", body.length);
      end(body, callback);
      return;
    }
    const send = (error: Error | null, zipped: Buffer) => {
      if (error) return response.destroy(error);
      response.removeHeader("content-length");
      response.setHeader("content-encoding", "gzip");
      response.setHeader("content-length", zipped.length);
      end(zipped, callback);
    };
    if (body.length <= SYNC_LIMIT) send(null, zlib.gzipSync(body));
    else zlib.gzip(body, send);
  };

  holdWriteHead(response, () => releasing || (mode !== undefined && mode !== "hold"));
  // Next.js sends the headers as it starts a page (to stream it): they wait for the body here.
  const flushHeaders = response.flushHeaders.bind(response);
  response.flushHeaders = () => {
    decide();
    if (mode === "pass") flushHeaders();
  };

  response.write = function (...args: unknown[]) {
    const { chunk, encoding, callback } = writeArgs(args);
    decide();
    if (mode === "pass") return write(chunk ?? "", callback);
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
    const { chunk, encoding, callback } = writeArgs(args);
    decide();
    if (mode === "pass")
      return chunk === undefined ? end(callback) : end(toBuffer(chunk, encoding), callback);
    if (chunk !== undefined) held.push(toBuffer(chunk, encoding));
    if (mode === "stream") {
      if (callback) response.once("finish", () => callback());
      for (const buffer of held.splice(0)) gzip!.write(buffer);
      gzip!.end();
      return response;
    }
    finish(held.length === 1 ? held[0]! : Buffer.concat(held), callback);
    return response;
  } as ServerResponse["end"];
}
