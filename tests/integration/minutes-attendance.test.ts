import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { openMinutes } from "@/lib/minutes/service";
import { editAttendance, updateAttendance } from "@/lib/minutes/attendance";
import { shareMinutes } from "@/lib/minutes/workflow";
import { markAttendance } from "@/lib/meetings/attendance";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { seedIfEmpty } from "../../scripts/seed";
import { signInAs } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

// Issue 18: minutes opened before attendance is taken. The attendance paragraph follows the sheet
// while the minutes are a draft; once shared (or corrected by hand) it stays, and the page says
// the sheet changed, with the new paragraph to take in one click. Agenda items added later get
// their section.

let coordinator: Actor;
let meetingId = "";
const NUMBER = 40;

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  coordinator = await signInAs("coordination");
  const council = await db.body.findFirstOrThrow({ where: { slug: "conseil" } });
  meetingId = (
    await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: council.id,
      number: NUMBER,
      startsAt: new Date(),
      status: "HELD",
    })
  ).id;
  await addAgendaItem(coordinator, meetingId, {
    kind: "INFORMATION",
    title: "Tour rapide",
    description: null,
    presenterId: null,
    durationMinutes: null,
  });
});

const seated = async (name: string) =>
  (
    await db.membership.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, person: { name } },
    })
  ).id;

describe("the minutes' attendance", () => {
  it("follows the sheet while a draft, then says when it changed, and takes it in one click", async () => {
    const opened = (await openMinutes(coordinator, "conseil", NUMBER))!;
    expect(opened.attendanceText).toBe("Présent·es : —");
    expect(opened.attendanceText).not.toContain("Salima Haddad (");

    // Attendance taken after the minutes were opened: the draft has it.
    await markAttendance(coordinator, {
      meetingId,
      membershipId: await seated("Salima Haddad"),
      status: "PRESENT",
    });
    await markAttendance(coordinator, {
      meetingId,
      membershipId: await seated("Awa Touré"),
      status: "EXCUSED",
    });
    const draft = (await openMinutes(coordinator, "conseil", NUMBER))!;
    expect(draft.attendanceText).toMatch(
      /^Présent·es : Salima Haddad \(catégorie usager·es et habitant·es\)/,
    );
    expect(draft.attendanceText).toContain("Excusé·es : Awa Touré");
    expect(draft.attendanceSheet).toBeNull();

    // An agenda item added later gets its section, before the next meeting.
    await addAgendaItem(coordinator, meetingId, {
      kind: "DISCUSSION",
      title: "Carnet des partenaires",
      description: null,
      presenterId: null,
      durationMinutes: null,
    });
    expect((await openMinutes(coordinator, "conseil", NUMBER))!.sections.map((s) => s.title)).toEqual([
      "Tour rapide",
      "Carnet des partenaires",
      "Prochaine réunion",
    ]);

    // Shared: the paragraph stays; the sheet changes; the page says so; one click takes it.
    expect((await shareMinutes(coordinator, draft.id)).ok).toBe(true);
    await markAttendance(coordinator, {
      meetingId,
      membershipId: await seated("Marc Beaulieu"),
      status: "PRESENT",
    });
    const shared = (await openMinutes(coordinator, "conseil", NUMBER))!;
    expect(shared.attendanceText).not.toContain("Marc Beaulieu (");
    expect(shared.attendanceSheet).toContain("Marc Beaulieu (");
    expect(await updateAttendance(coordinator, shared.id)).toEqual({ ok: true, data: null });
    const updated = (await openMinutes(coordinator, "conseil", NUMBER))!;
    expect(updated.attendanceText).toContain("Marc Beaulieu (");
    expect(updated.attendanceSheet).toBeNull();

    // Corrected by hand: kept as typed, journaled; the sheet's later changes are only announced.
    const typed = `${updated.attendanceText}\n\nInvitée : Sonia Benali, future directrice`;
    expect(await editAttendance(coordinator, updated.id, typed)).toEqual({ ok: true, data: null });
    const edited = (await openMinutes(coordinator, "conseil", NUMBER))!;
    expect(edited).toMatchObject({ attendanceText: typed, attendanceEdited: true });
    expect(edited.attendanceSheet).not.toBeNull();
    expect(
      await db.auditEntry.count({ where: { entityId: updated.id, action: "minutes.attendanceEdited" } }),
    ).toBe(1);
    expect(
      await db.auditEntry.count({ where: { entityId: updated.id, action: "minutes.attendanceUpdated" } }),
    ).toBe(1);
  });
});
