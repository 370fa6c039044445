import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort, passwordFile, startEmbeddedPostgres } from "@/scripts/embedded-db";

// Issue 15, 7: no process starts without its secret, and the embedded PostgreSQL has a password
// of its own, not postgres/postgres.

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL", () => {
  it("gets a random password kept beside its data in a file only its owner reads; an older cluster's well-known one is replaced", async () => {
    // Not mkdtemp: its folder is private to us, and PostgreSQL runs as its own user when we are root.
    const dir = path.join(os.tmpdir(), `portail-pw-${process.pid}-${Date.now()}`);
    const dataDir = path.join(dir, "postgres");
    const port = await freePort();
    const known = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
    let db = await startEmbeddedPostgres({ dataDir, port, database: "portail", quiet: true });
    try {
      const file = passwordFile(dataDir);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(file, "utf8");
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(db.url).toContain(encodeURIComponent(password));
      expect(await canConnect(db.url)).toBe(true);
      expect(await canConnect(known)).toBe(false);

      // A cluster made before this version: postgres/postgres and no password file.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query("ALTER USER postgres PASSWORD 'postgres'");
      await admin.end();
      fs.rmSync(file);
      await db.stop();
      db = await startEmbeddedPostgres({ dataDir, port, database: "portail", quiet: true });
      expect(fs.existsSync(file)).toBe(true);
      expect(await canConnect(db.url)).toBe(true);
      expect(await canConnect(known)).toBe(false);
    } finally {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("that cannot listen says why in PostgreSQL's own words: a port a closed connection still holds", async () => {
    // What failed CI once: a fixed port that a test's client connection had used, closed, and
    // left in TIME_WAIT for a minute. PostgreSQL may not bind it; the error said nothing more.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, "127.0.0.1");
    await new Promise((resolve) => client.once("connect", resolve));
    const port = client.localPort!;
    client.end();
    await new Promise((resolve) => client.once("close", resolve));
    server.close();

    const dir = path.join(os.tmpdir(), `portail-port-${process.pid}-${Date.now()}`);
    try {
      const error = await startEmbeddedPostgres({
        dataDir: path.join(dir, "postgres"),
        port,
        database: "portail",
        quiet: true,
      }).then(
        (db) => db.stop().then(() => null),
        (error: Error) => error,
      );
      expect(error?.message).toContain(`n'a pas pu démarrer sur le port ${port}`);
      expect(error?.message).toMatch(/could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("the job worker started alone", () => {
  function startWorker(dataDir: string): Promise<string> {
    const env = { ...process.env, PORTAIL_DATA_DIR: dataDir };
    delete env.NEXTAUTH_SECRET;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only-loader.mjs", "scripts/worker.ts"],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`worker not ready: ${output}`));
      }, 180_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("prêt / ready")) {
          clearTimeout(timer);
          child.once("exit", () => resolve(output));
          child.kill("SIGTERM");
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", (code) => {
        clearTimeout(timer);
        if (!output.includes("prêt / ready")) reject(new Error(`worker exited ${code}: ${output}`));
      });
    });
  }

  it("reads the same persistent secret file as the web server, and makes it once if missing", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portail-worker-"));
    try {
      await startWorker(dataDir);
      const file = path.join(dataDir, "nextauth-secret");
      const secret = fs.readFileSync(file, "utf8");
      expect(secret.length).toBeGreaterThanOrEqual(40);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      await startWorker(dataDir);
      expect(fs.readFileSync(file, "utf8")).toBe(secret);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
