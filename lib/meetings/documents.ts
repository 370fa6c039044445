import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { fileStorage } from "@/lib/storage/storage";
import type { Result } from "@/lib/form-result";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

// Slides, PDFs, office documents and pictures; nothing that a browser would run.
const ALLOWED: Record<string, string> = {
  pdf: "application/pdf",
  odp: "application/vnd.oasis.opendocument.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  doc: "application/msword",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  txt: "text/plain",
};

export type DocumentFailure = "notFound" | "fileEmpty" | "fileTooLarge" | "fileType" | "closed";

export type DocumentResult = Result<null, DocumentFailure>;

export async function attachDocument(
  actor: Actor,
  agendaItemId: string,
  file: File,
): Promise<DocumentResult> {
  authorize(actor, "meeting.manage");
  const item = await db.agendaItem.findFirst({
    where: { id: agendaItemId, cooperativeId: actor.cooperativeId },
    include: { meeting: true },
  });
  if (!item) return { ok: false, error: "notFound" };
  if (item.meeting.status === "CLOSED") return { ok: false, error: "closed" };
  return storeDocument(actor, { meetingId: item.meetingId, agendaItemId }, file);
}

// A document joined to a section of the minutes (e.g. the slides "joint au relevé de décisions").
export async function attachSectionDocument(
  actor: Actor,
  sectionId: string,
  file: File,
): Promise<DocumentResult> {
  authorize(actor, "minutes.draft");
  const section = await db.minutesSection.findFirst({
    where: { id: sectionId, cooperativeId: actor.cooperativeId },
    include: { minutes: { select: { meetingId: true, status: true } } },
  });
  if (!section) return { ok: false, error: "notFound" };
  if (section.minutes.status === "PUBLISHED" || section.minutes.status === "APPROVED")
    return { ok: false, error: "closed" };
  return storeDocument(actor, { meetingId: section.minutes.meetingId, sectionId }, file);
}

async function storeDocument(
  actor: Actor,
  target: { meetingId: string; agendaItemId?: string; sectionId?: string },
  file: File,
): Promise<DocumentResult> {
  if (file.size === 0) return { ok: false, error: "fileEmpty" };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, error: "fileTooLarge" };
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  // Own keys only: a file called « x.constructor » must not find Object's prototype here.
  const mimeType = Object.hasOwn(ALLOWED, extension) ? ALLOWED[extension] : undefined;
  if (!mimeType) return { ok: false, error: "fileType" };
  const storageKey = `${actor.cooperativeId}/${randomUUID()}`;
  await fileStorage().put(storageKey, Buffer.from(await file.arrayBuffer()));
  const filename = file.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200);
  await db.$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        cooperativeId: actor.cooperativeId,
        ...target,
        filename,
        mimeType,
        sizeBytes: file.size,
        storageKey,
        uploadedById: actor.membershipId,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "document.attached",
      entityType: "Document",
      entityId: document.id,
      after: { filename, ...target },
    });
  });
  return { ok: true, data: null };
}

// An agenda item's document asks meeting.manage; a document joined to the minutes, minutes.draft.
export async function removeDocument(
  actor: Actor,
  documentId: string,
): Promise<Result<null, "notFound" | "closed">> {
  const document = await db.document.findFirst({
    where: { id: documentId, cooperativeId: actor.cooperativeId },
    include: { section: { select: { minutes: { select: { status: true } } } } },
  });
  authorize(actor, document?.sectionId ? "minutes.draft" : "meeting.manage");
  if (!document) return { ok: false, error: "notFound" };
  if (
    document.section &&
    (document.section.minutes.status === "APPROVED" || document.section.minutes.status === "PUBLISHED")
  )
    return { ok: false, error: "closed" };
  await db.$transaction(async (tx) => {
    await tx.document.delete({ where: { id: documentId } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "document.removed",
      entityType: "Document",
      entityId: documentId,
      before: { filename: document.filename },
    });
  });
  await fileStorage().remove(document.storageKey);
  return { ok: true, data: null };
}

// Readable by whoever may read the meeting, in the same cooperative only; a document of draft
// minutes only by those who read drafts.
export async function readDocument(actor: Actor, documentId: string) {
  authorize(actor, "meeting.read");
  const document = await db.document.findFirst({
    where: { id: documentId, cooperativeId: actor.cooperativeId },
    include: { section: { select: { minutes: { select: { status: true } } } } },
  });
  if (!document) return null;
  if (
    document.section &&
    document.section.minutes.status !== "PUBLISHED" &&
    !can(actor.roles, "minutes.readDraft")
  )
    return null;
  const data = await fileStorage().get(document.storageKey);
  return data ? { filename: document.filename, mimeType: document.mimeType, data } : null;
}

export type MeetingDocument = {
  id: string;
  filename: string;
  sizeBytes: number;
  agendaItemId: string | null;
};

export async function documentsByItem(actor: Actor, meetingId: string) {
  authorize(actor, "meeting.read");
  const documents = await db.$queryRaw<MeetingDocument[]>`
    SELECT id, filename, "sizeBytes", "agendaItemId" FROM "Document"
     WHERE "meetingId" = ${meetingId} AND "cooperativeId" = ${actor.cooperativeId}
     ORDER BY "createdAt" ASC, id`;
  return byItem(documents);
}

// A meeting's documents by the agenda item they are attached to (getMeeting reads them with
// the meeting for its page).
export function byItem(documents: MeetingDocument[]): Map<string, MeetingDocument[]> {
  const grouped = new Map<string, MeetingDocument[]>();
  for (const d of documents)
    if (d.agendaItemId) grouped.set(d.agendaItemId, [...(grouped.get(d.agendaItemId) ?? []), d]);
  return grouped;
}

// The PDFs attached to sections of minutes the caller has already read (readMinutes checked who
// may): their bytes, in the given order, to append to the minutes' PDF.
export async function attachedPdfs(actor: Actor, documentIds: string[]) {
  if (!documentIds.length) return [];
  const documents = await db.document.findMany({
    where: {
      id: { in: documentIds },
      cooperativeId: actor.cooperativeId,
      sectionId: { not: null },
      mimeType: "application/pdf",
    },
    select: { id: true, filename: true, storageKey: true, sizeBytes: true },
  });
  const byId = new Map(documents.map((d) => [d.id, d]));
  const storage = fileStorage();
  // Bounded: the first PDFs up to 20 files and 60 MB in all; the others stay links (and are named
  // as such at the end of the PDF).
  let budget = MAX_APPENDED_BYTES;
  const found = documentIds.flatMap((id) => byId.get(id) ?? []);
  return Promise.all(
    found.map(async (d, i) => {
      const within = i < MAX_APPENDED_FILES && d.sizeBytes <= budget;
      if (within) budget -= d.sizeBytes;
      return { name: d.filename, data: within ? await storage.get(d.storageKey) : null };
    }),
  );
}

const MAX_APPENDED_FILES = 20;
const MAX_APPENDED_BYTES = 60 * 1024 * 1024;
