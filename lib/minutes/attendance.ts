import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { getMeeting } from "@/lib/meetings/service";
import { attendanceParagraph } from "@/lib/minutes/attendance-text";
import { EDITABLE, NEXT_MEETING_TITLE } from "@/lib/minutes/titles";

// The minutes follow the meeting while they are a draft: their attendance paragraph is the
// attendance sheet's (taken after the minutes were opened, it still arrives), and agenda items
// added later get their section. Once shared, or corrected by hand, the paragraph stays as it is
// and the page says when the sheet has changed, with a one-click update.

type MinutesRow = {
  id: string;
  status: "DRAFT" | "SHARED" | "APPROVED" | "PUBLISHED";
  attendanceText: string | null;
  attendanceEdited: boolean;
  meeting: { number: number; body: { slug: string } };
};

async function sheetOf(actor: Actor, minutes: MinutesRow) {
  const detail = await getMeeting(actor, minutes.meeting.body.slug, minutes.meeting.number);
  return detail ? { paragraph: attendanceParagraph(detail.attendance), agenda: detail.agenda } : null;
}

// Run when a drafter opens the minutes. Answers the sheet's paragraph when it differs from the
// minutes' (for the « la feuille de présence a changé » notice), else null.
export async function followTheMeeting(actor: Actor, minutes: MinutesRow): Promise<string | null> {
  const sheet = await sheetOf(actor, minutes);
  if (!sheet) return null;
  if (minutes.status === "DRAFT") {
    if (!minutes.attendanceEdited && minutes.attendanceText !== sheet.paragraph)
      await db.minutes.updateMany({
        where: { id: minutes.id, status: "DRAFT", attendanceEdited: false },
        data: { attendanceText: sheet.paragraph },
      });
    await addMissingSections(actor, minutes.id, sheet.agenda);
    if (!minutes.attendanceEdited) return null;
  }
  return (minutes.attendanceText ?? "") === sheet.paragraph ? null : sheet.paragraph;
}

async function addMissingSections(actor: Actor, minutesId: string, agenda: { id: string; title: string }[]) {
  const sections = await db.minutesSection.findMany({
    where: { minutesId },
    orderBy: { position: "asc" },
    select: { id: true, agendaItemId: true, title: true, position: true },
  });
  const covered = new Set(sections.map((s) => s.agendaItemId));
  const missing = agenda.filter((item) => !covered.has(item.id));
  if (!missing.length) return;
  await db.$transaction(async (tx) => {
    // Before the next-meeting section, which stays last.
    const next = sections.find((s) => s.agendaItemId === null && s.title === NEXT_MEETING_TITLE);
    let position = next ? next.position : (sections.at(-1)?.position ?? -1) + 1;
    if (next)
      await tx.minutesSection.update({
        where: { id: next.id },
        data: { position: next.position + missing.length },
      });
    for (const item of missing)
      await tx.minutesSection.create({
        data: {
          cooperativeId: actor.cooperativeId,
          minutesId,
          agendaItemId: item.id,
          position: position++,
          title: item.title,
        },
      });
  });
}

async function editableMinutes(actor: Actor, minutesId: string) {
  const minutes = await db.minutes.findFirst({
    where: { id: minutesId, cooperativeId: actor.cooperativeId },
    include: { meeting: { select: { number: true, body: { select: { slug: true } } } } },
  });
  if (!minutes) return { ok: false as const, error: "notFound" as const };
  if (!EDITABLE.includes(minutes.status)) return { ok: false as const, error: "locked" as const };
  return { ok: true as const, minutes };
}

// « Mettre à jour » : the minutes take the attendance sheet as it is now.
export async function updateAttendance(
  actor: Actor,
  minutesId: string,
): Promise<Result<null, "notFound" | "locked">> {
  authorize(actor, "minutes.draft");
  const found = await editableMinutes(actor, minutesId);
  if (!found.ok) return { ok: false, error: found.error };
  const sheet = await sheetOf(actor, found.minutes);
  if (!sheet) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.minutes.update({
      where: { id: minutesId },
      data: { attendanceText: sheet.paragraph, attendanceEdited: false },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.attendanceUpdated",
      entityType: "Minutes",
      entityId: minutesId,
      before: { attendanceText: found.minutes.attendanceText },
      after: { attendanceText: sheet.paragraph },
    });
  });
  return { ok: true, data: null };
}

// Corrected by hand (a name misspelt, a role to add): kept as typed from then on.
export async function editAttendance(
  actor: Actor,
  minutesId: string,
  text: string,
): Promise<Result<null, "notFound" | "locked">> {
  authorize(actor, "minutes.draft");
  const found = await editableMinutes(actor, minutesId);
  if (!found.ok) return { ok: false, error: found.error };
  const attendanceText = text.replace(/\r\n/g, "\n").trim();
  await db.$transaction(async (tx) => {
    await tx.minutes.update({ where: { id: minutesId }, data: { attendanceText, attendanceEdited: true } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.attendanceEdited",
      entityType: "Minutes",
      entityId: minutesId,
      before: { attendanceText: found.minutes.attendanceText },
      after: { attendanceText },
    });
  });
  return { ok: true, data: null };
}
