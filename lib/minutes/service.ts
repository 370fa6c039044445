import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getMeeting } from "@/lib/meetings/service";
import { attendanceParagraph } from "@/lib/minutes/attendance-text";

export const NEXT_MEETING_TITLE = "Prochaine réunion";

export type MinutesView = {
  id: string;
  status: "DRAFT" | "SHARED" | "APPROVED" | "PUBLISHED";
  attendanceText: string;
  sections: { id: string; title: string; body: string; revision: number; updatedAt: Date }[];
};

async function meetingOf(actor: Actor, bodySlug: string, number: number) {
  return db.meeting.findFirst({ where: { cooperativeId: actor.cooperativeId, number, body: { slug: bodySlug, cooperativeId: actor.cooperativeId } }, select: { id: true } });
}

function toView(m: { id: string; status: MinutesView["status"]; attendanceText: string | null; sections: MinutesView["sections"] }): MinutesView {
  return { id: m.id, status: m.status, attendanceText: m.attendanceText ?? "", sections: m.sections };
}

const sectionSelect = { orderBy: { position: "asc" as const }, select: { id: true, title: true, body: true, revision: true, updatedAt: true } };

// The minutes open already filled from the meeting: attendance by category, one section per
// agenda item, and the next meeting last. Drafts are for the coordinator and the council.
export async function openMinutes(actor: Actor, bodySlug: string, number: number): Promise<MinutesView | null> {
  authorize(actor, "minutes.readDraft");
  const meeting = await meetingOf(actor, bodySlug, number);
  if (!meeting) return null;
  const existing = await db.minutes.findUnique({ where: { meetingId: meeting.id }, include: { sections: sectionSelect } });
  if (existing) return toView(existing);
  if (!can(actor.roles, "minutes.draft")) return null;
  const detail = await getMeeting(actor, bodySlug, number);
  if (!detail) return null;
  const created = await db.$transaction(async (tx) => {
    const minutes = await tx.minutes.create({ data: { cooperativeId: actor.cooperativeId, meetingId: meeting.id, attendanceText: attendanceParagraph(detail.attendance) } });
    await tx.minutesSection.createMany({
      data: [
        ...detail.agenda.map((item, position) => ({ cooperativeId: actor.cooperativeId, minutesId: minutes.id, agendaItemId: item.id, position, title: item.title })),
        { cooperativeId: actor.cooperativeId, minutesId: minutes.id, position: detail.agenda.length, title: NEXT_MEETING_TITLE },
      ],
    });
    await recordAudit(tx, { cooperativeId: actor.cooperativeId, actorId: actor.personId, action: "minutes.opened", entityType: "Minutes", entityId: minutes.id });
    return tx.minutes.findUniqueOrThrow({ where: { id: minutes.id }, include: { sections: sectionSelect } });
  });
  return toView(created);
}

export type SaveSectionResult =
  | { ok: true; revision: number }
  | { ok: false; error: "notFound" | "locked" }
  | { ok: false; error: "conflict"; current: { body: string; revision: number } };

// Saves a section only over the revision the writer started from: two people editing the same
// draft never silently overwrite each other; the second gets the other text back.
export async function saveSection(actor: Actor, sectionId: string, body: string, revision: number): Promise<SaveSectionResult> {
  authorize(actor, "minutes.draft");
  const section = await db.minutesSection.findFirst({ where: { id: sectionId, cooperativeId: actor.cooperativeId }, include: { minutes: { select: { status: true } } } });
  if (!section) return { ok: false, error: "notFound" };
  if (section.minutes.status !== "DRAFT" && section.minutes.status !== "SHARED") return { ok: false, error: "locked" };
  const { count } = await db.minutesSection.updateMany({ where: { id: sectionId, revision }, data: { body, revision: { increment: 1 }, updatedById: actor.personId } });
  if (count === 0) {
    const current = await db.minutesSection.findUniqueOrThrow({ where: { id: sectionId }, select: { body: true, revision: true } });
    if (current.body === body) return { ok: true, revision: current.revision };
    return { ok: false, error: "conflict", current };
  }
  return { ok: true, revision: revision + 1 };
}
