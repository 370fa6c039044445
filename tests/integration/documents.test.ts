import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { attachDocument, documentsByItem, readDocument, removeDocument } from "@/lib/meetings/documents";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

process.env.PORTAIL_FILES_DIR = path.join(os.tmpdir(), `portail-test-files-${process.pid}`);

let coordinator: Actor;
let member: Actor;
let itemId: string;
let meetingId: string;
const pdf = (name = "diaporama.pdf", body = "%PDF-1.4 Peps et SecPa") =>
  new File([body], name, { type: "application/pdf" });

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  coordinator = await actorFor((await createMember(cooperative.id, { isCoordinator: true })).person.id);
  member = await actorFor((await createMember(cooperative.id)).person.id);
  meetingId = (
    await buildMeeting({ cooperativeId: cooperative.id, bodyId: council.id, number: 3, startsAt: new Date() })
  ).id;
  itemId = (
    await db.agendaItem.create({
      data: {
        cooperativeId: cooperative.id,
        meetingId,
        position: 0,
        kind: "DISCUSSION",
        title: "Peps et SecPa",
      },
    })
  ).id;
});

describe("documents of the agenda", () => {
  it("stores the file behind the storage interface and lets members of the cooperative read it", async () => {
    expect(await attachDocument(coordinator, itemId, pdf())).toEqual({ ok: true, data: null });
    const [document] = (await documentsByItem(member, meetingId)).get(itemId)!;
    expect(document).toMatchObject({ filename: "diaporama.pdf", sizeBytes: 22 });
    const read = await readDocument(member, document!.id);
    expect(read?.mimeType).toBe("application/pdf");
    expect(read?.data.toString()).toBe("%PDF-1.4 Peps et SecPa");
  });

  it("refuses empty files, files that are too large, and kinds a browser would run", async () => {
    expect(await attachDocument(coordinator, itemId, new File([], "vide.pdf"))).toEqual({
      ok: false,
      error: "fileEmpty",
    });
    expect(await attachDocument(coordinator, itemId, new File(["<script>"], "page.html"))).toEqual({
      ok: false,
      error: "fileType",
    });
    expect(
      await attachDocument(coordinator, itemId, new File([new Uint8Array(20 * 1024 * 1024 + 1)], "gros.pdf")),
    ).toEqual({ ok: false, error: "fileTooLarge" });
  });

  it("is attached by the coordinator only, and read inside the cooperative only", async () => {
    await expect(attachDocument(member, itemId, pdf())).rejects.toBeInstanceOf(ForbiddenError);
    const [document] = (await documentsByItem(member, meetingId)).get(itemId)!;
    const other = await createCooperative("Ailleurs");
    const stranger = await actorFor((await createMember(other.cooperative.id)).person.id);
    expect(await readDocument(stranger, document!.id)).toBeNull();
    const guest = await actorFor(
      (await createMember(coordinator.cooperativeId, { kind: "GUEST" })).person.id,
    );
    await expect(readDocument(guest, document!.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("removes the file with its record", async () => {
    const [document] = (await documentsByItem(member, meetingId)).get(itemId)!;
    await removeDocument(coordinator, document!.id);
    expect(await readDocument(coordinator, document!.id)).toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: document!.id } })).toBe(2);
  });
});
