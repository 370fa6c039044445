import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storageFrom, type FileStorage } from "@/lib/storage/storage";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

// Issue 16: the same storage tests against both backends — the disk, and an S3-compatible
// bucket (s3rver, an npm S3 server started here) — and the portal's documents through S3.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "portail-storage-"));
let s3server: S3rver;
let s3env: Record<string, string>;

beforeAll(async () => {
  s3server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(folder, "s3"),
    configureBuckets: [{ name: "portail", configs: [] }],
  });
  const { port } = await s3server.run();
  s3env = {
    FILES_BACKEND: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: "portail",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  };
});

afterAll(async () => {
  await s3server.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const backends: [string, () => FileStorage][] = [
  ["disk", () => storageFrom({ PORTAIL_FILES_DIR: path.join(folder, "disk") })],
  ["s3", () => storageFrom(s3env)],
];

describe.each(backends)("file storage on %s", (_name, make) => {
  it("keeps bytes as they were, answers null for a missing key, removes", async () => {
    const storage = make();
    const data = randomBytes(1024 * 1024 + 7);
    await storage.put("coop-a/document-1", data);
    expect((await storage.get("coop-a/document-1"))?.equals(data)).toBe(true);
    expect(await storage.get("coop-a/absent")).toBeNull();
    await storage.put("coop-a/document-1", Buffer.from("remplacé"));
    expect((await storage.get("coop-a/document-1"))?.toString()).toBe("remplacé");
    await storage.remove("coop-a/document-1");
    expect(await storage.get("coop-a/document-1")).toBeNull();
    await storage.remove("coop-a/document-1"); // twice: no error
  });

  it("refuses a key the portal would never make", async () => {
    const storage = make();
    for (const key of ["../etc/passwd", "a//b", "/absolu", "a/../b", "", "clé avec espace"])
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
  });
});

describe("the portal's documents with FILES_BACKEND=s3", () => {
  it("an agenda document is stored in the bucket and read back from it", async () => {
    Object.assign(process.env, s3env);
    const { attachDocument, readDocument } = await import("@/lib/meetings/documents");
    const { cooperative, council } = await createCooperative("Stockage S3");
    const coordinator = await actorFor(
      (await createMember(cooperative.id, { isCoordinator: true })).person.id,
    );
    const meeting = await buildMeeting({ cooperativeId: cooperative.id, bodyId: council.id, number: 1 });
    const item = await db.agendaItem.create({
      data: {
        cooperativeId: cooperative.id,
        meetingId: meeting.id,
        position: 0,
        kind: "INFORMATION",
        title: "Budget",
      },
    });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(2048)]);
    const attached = await attachDocument(
      coordinator,
      item.id,
      new File([pdf], "budget.pdf", { type: "application/pdf" }),
    );
    expect(attached.ok).toBe(true);
    const document = await db.document.findFirstOrThrow({ where: { agendaItemId: item.id } });
    // In the bucket, under its key, not on the disk.
    const inBucket = await storageFrom(s3env).get(document.storageKey);
    expect(inBucket?.equals(pdf)).toBe(true);
    expect(fs.existsSync(path.join(".data", "files", document.storageKey))).toBe(false);
    const read = await readDocument(coordinator, document.id);
    expect(read?.data.equals(pdf)).toBe(true);
  });
});
