import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { createMeeting, meetingForEdit, setMeetingStatus, updateMeeting } from "@/lib/meetings/service";
import { addAgendaItem, addProposal, moveAgendaItem, proposalsFor } from "@/lib/meetings/agenda";
import {
  addGuest,
  attendanceSheet,
  markAttendance,
  setAttendanceTimes,
  setDeparture,
} from "@/lib/meetings/attendance";
import { agendaItemSchema, newMeetingSchema } from "@/lib/meetings/schema";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildIdea } from "@/tests/factories/ideas";

let coordinator: Actor;
let councilId: string;
const seated: string[] = [];
let outsider: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  councilId = council.id;
  coordinator = await actorFor((await createMember(cooperative.id, { isCoordinator: true })).person.id);
  for (let i = 0; i < 5; i++) {
    const { membership } = await createMember(cooperative.id, { name: `Conseiller ${i}` });
    await db.mandate.create({
      data: {
        cooperativeId: cooperative.id,
        bodyId: council.id,
        membershipId: membership.id,
        startsOn: new Date("2024-01-01"),
        role: i === 0 ? "PRESIDENT" : "MEMBER",
      },
    });
    seated.push(membership.id);
  }
  outsider = (await createMember(cooperative.id, { name: "Hors Conseil" })).membership.id;
  await buildMeeting({
    cooperativeId: cooperative.id,
    bodyId: council.id,
    number: 3,
    startsAt: new Date("2026-03-27T17:30:00Z"),
    status: "CLOSED",
  });
});

const newMeeting = (startsAt = "2026-12-17T19:30") =>
  newMeetingSchema.parse({ bodyId: councilId, startsAt, place: "Salle du centre" });

describe("creating and preparing a meeting", () => {
  it("numbers it after the body's last one, and never twice under concurrent creation", async () => {
    expect(await createMeeting(coordinator, newMeeting())).toEqual({
      ok: true,
      data: { bodySlug: "conseil", number: 4 },
    });
    const results = await Promise.all([
      createMeeting(coordinator, newMeeting()),
      createMeeting(coordinator, newMeeting()),
    ]);
    expect(results.map((r) => (r.ok ? r.data.number : 0)).sort()).toEqual([5, 6]);
    const meeting = await meetingForEdit(coordinator, "conseil", 4);
    expect(meeting?.startsAt.toISOString()).toBe("2026-12-17T18:30:00.000Z");
  });

  it("raises the calendar sequence when the date changes", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 4))!;
    await updateMeeting(coordinator, meeting.id, {
      startsAt: new Date("2026-12-18T18:30:00Z"),
      place: "Salle",
      videoUrl: null,
      title: null,
      assemblyType: null,
    });
    expect((await meetingForEdit(coordinator, "conseil", 4))?.icsSequence).toBe(1);
  });

  it("builds and reorders the agenda", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 4))!;
    for (const title of ["Approbation du compte rendu n° 3", "Rapport d'activité", "Points divers"]) {
      await addAgendaItem(coordinator, meeting.id, agendaItemSchema.parse({ kind: "DISCUSSION", title }));
    }
    const items = (await meetingForEdit(coordinator, "conseil", 4))!.agendaItems;
    await moveAgendaItem(coordinator, items[2]!.id, "up");
    await moveAgendaItem(coordinator, items[0]!.id, "up"); // already first: nothing moves
    const titles = (await meetingForEdit(coordinator, "conseil", 4))!.agendaItems.map((i) => [
      i.position,
      i.title,
    ]);
    expect(titles).toEqual([
      [0, "Approbation du compte rendu n° 3"],
      [1, "Points divers"],
      [2, "Rapport d'activité"],
    ]);
  });

  it("moves through the statuses in order only", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 5))!;
    expect(await setMeetingStatus(coordinator, meeting.id, "CLOSED")).toEqual({ ok: false, error: "closed" });
    expect(await setMeetingStatus(coordinator, meeting.id, "INVITED")).toEqual({ ok: true, data: null });
    expect(await setMeetingStatus(coordinator, meeting.id, "HELD")).toEqual({ ok: true, data: null });
    expect(await setMeetingStatus(coordinator, meeting.id, "CLOSED")).toEqual({ ok: true, data: null });
    expect(
      await addAgendaItem(
        coordinator,
        meeting.id,
        agendaItemSchema.parse({ kind: "DISCUSSION", title: "Trop tard" }),
      ),
    ).toEqual({ ok: false, error: "closed" });
  });
});

describe("what carries over", () => {
  it("proposes the previous minutes, its open action items and the ideas waiting, and adds one by its key", async () => {
    const previous = (await meetingForEdit(coordinator, "conseil", 3))!;
    const action = await db.actionItem.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        meetingId: previous.id,
        title: "Courrier au ministère",
      },
    });
    await db.actionItemOwner.create({
      data: { cooperativeId: coordinator.cooperativeId, actionItemId: action.id, membershipId: seated[2]! },
    });
    await buildIdea({
      cooperativeId: coordinator.cooperativeId,
      text: "Des chaises pour enfants",
      source: "PAPER",
      status: "NEW",
    });
    const minutes = await db.minutes.create({
      data: { cooperativeId: coordinator.cooperativeId, meetingId: previous.id },
    });
    await db.minutesSection.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        minutesId: minutes.id,
        position: 0,
        title: "Prochaine réunion",
        body: "Jeudi 20 avril à 19h30.\nÀ l'ordre du jour :\n- Rapport d'activité\n- Lettre de mission pour la direction\n- Budget 2027",
      },
    });
    const meeting = (await meetingForEdit(coordinator, "conseil", 4))!;
    const proposals = await proposalsFor(coordinator, meeting.id);
    // "Rapport d'activité" is already on n° 4's agenda (built above): it is not proposed again.
    expect(proposals.map((p) => [p.key, p.title])).toEqual([
      ["minutes", "Approbation du compte rendu du conseil coopératif n° 3"],
      ["next-1", "Lettre de mission pour la direction"],
      ["next-2", "Budget 2027"],
      ["actions", "Suivi des choses à faire du n° 3"],
      ["ideas", "Boîte à idées : lecture des petits papiers (1)"],
    ]);
    expect(proposals[3]?.description).toBe("- Courrier au ministère (Conseiller 2)");
    expect(await addProposal(coordinator, meeting.id, "ideas")).toEqual({ ok: true, data: null });
    expect(await addProposal(coordinator, meeting.id, "next-1")).toEqual({ ok: true, data: null });
    expect((await meetingForEdit(coordinator, "conseil", 4))!.agendaItems.map((i) => i.title)).toContain(
      "Lettre de mission pour la direction",
    );
    expect((await proposalsFor(coordinator, meeting.id)).map((p) => p.key)).toEqual([
      "minutes",
      "next-2",
      "actions",
    ]);
    expect(await addProposal(coordinator, meeting.id, "nope")).toEqual({ ok: false, error: "notFound" });
  });
});

describe("attendance and quorum", () => {
  it("counts members present, ignores guests, and re-checks quorum when someone leaves", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 4))!;
    const start = meeting.startsAt;
    for (const id of seated.slice(0, 3))
      expect(
        await markAttendance(
          coordinator,
          { meetingId: meeting.id, membershipId: id, status: "PRESENT" },
          start,
        ),
      ).toEqual({
        ok: true,
        data: null,
      });
    await markAttendance(
      coordinator,
      { meetingId: meeting.id, membershipId: seated[3]!, status: "EXCUSED" },
      start,
    );
    expect(
      await markAttendance(
        coordinator,
        { meetingId: meeting.id, membershipId: outsider, status: "PRESENT" },
        start,
      ),
    ).toEqual({
      ok: false,
      error: "notBodyMember",
    });
    await addGuest(coordinator, meeting.id, {
      membershipId: outsider,
      guestName: null,
      guestRole: "future directrice",
    });
    await addGuest(coordinator, meeting.id, {
      membershipId: null,
      guestName: "Invitée Extérieure",
      guestRole: null,
    });

    let sheet = (await attendanceSheet(coordinator, meeting.id, new Date(start.getTime() + 60_000)))!;
    expect(sheet.quorum).toMatchObject({ met: true, present: 3, total: 5, required: 3 });
    expect(sheet.rows.filter((r) => !r.isBodyMember).map((r) => [r.name, r.status])).toEqual([
      ["Hors Conseil", "GUEST"],
      ["Invitée Extérieure", "GUEST"],
    ]);
    expect(sheet.rows[0]).toMatchObject({ name: "Conseiller 0", isPresident: true });

    // Excused then present: one status at a time, never both.
    await markAttendance(
      coordinator,
      { meetingId: meeting.id, membershipId: seated[3]!, status: "PRESENT" },
      start,
    );
    expect(
      (await db.attendance.findMany({ where: { meetingId: meeting.id, membershipId: seated[3] } })).map(
        (a) => a.status,
      ),
    ).toEqual(["PRESENT"]);

    const leaving = new Date(start.getTime() + 90 * 60_000);
    await setDeparture(coordinator, { meetingId: meeting.id, membershipId: seated[0]!, leftAt: leaving });
    await setDeparture(coordinator, { meetingId: meeting.id, membershipId: seated[1]!, leftAt: leaving });
    sheet = (await attendanceSheet(coordinator, meeting.id, new Date(leaving.getTime() + 60_000)))!;
    expect(sheet.quorum).toMatchObject({ met: false, present: 2 });
    sheet = (await attendanceSheet(coordinator, meeting.id, new Date(leaving.getTime() - 60_000)))!;
    expect(sheet.quorum).toMatchObject({ met: true, present: 4 });
  });

  it("a late arrival counts from the time they arrive", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 6))!;
    const late = new Date(meeting.startsAt.getTime() + 30 * 60_000);
    await markAttendance(
      coordinator,
      { meetingId: meeting.id, membershipId: seated[4]!, status: "PRESENT" },
      late,
    );
    const line = await db.attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, membershipId: seated[4] },
    });
    expect(line.arrivedAt?.toISOString()).toBe(late.toISOString());
    expect((await attendanceSheet(coordinator, meeting.id, meeting.startsAt))!.quorum.present).toBe(0);
    expect((await attendanceSheet(coordinator, meeting.id, late))!.quorum.present).toBe(1);
  });

  it("attendance filled in afterwards counts from the start, and times can be typed by hand", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 5))!; // closed earlier in this file
    const nextDay = new Date(meeting.startsAt.getTime() + 24 * 60 * 60_000);
    await markAttendance(
      coordinator,
      { meetingId: meeting.id, membershipId: seated[2]!, status: "PRESENT" },
      nextDay,
    );
    const line = await db.attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, membershipId: seated[2] },
    });
    expect(line.arrivedAt?.toISOString()).toBe(meeting.startsAt.toISOString());

    expect(
      await setAttendanceTimes(coordinator, {
        meetingId: meeting.id,
        membershipId: seated[2]!,
        arrived: "19:50",
        left: "21:15",
      }),
    ).toEqual({
      ok: true,
      data: null,
    });
    const timed = await db.attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, membershipId: seated[2] },
    });
    expect([timed.arrivedAt?.toISOString(), timed.leftAt?.toISOString()]).toEqual([
      "2026-12-17T18:50:00.000Z",
      "2026-12-17T20:15:00.000Z",
    ]);
    expect(
      await setAttendanceTimes(coordinator, {
        meetingId: meeting.id,
        membershipId: seated[2]!,
        arrived: "21:00",
        left: "20:00",
      }),
    ).toEqual({
      ok: false,
      error: "timesInvalid",
    });
    expect(
      await db.auditEntry.count({ where: { entityId: meeting.id, action: "attendance.corrected" } }),
    ).toBeGreaterThan(0);
  });

  it("every change of attendance, before the close too, leaves an audit entry", async () => {
    const open = (await meetingForEdit(coordinator, "conseil", 4))!;
    await markAttendance(coordinator, { meetingId: open.id, membershipId: seated[1]!, status: "PRESENT" });
    const audit = await db.auditEntry.findFirst({
      where: { entityId: open.id, action: "attendance.changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.after).toMatchObject({ membershipId: seated[1], status: "PRESENT" });
  });

  it("corrections to a closed meeting leave an audit entry", async () => {
    const closed = (await meetingForEdit(coordinator, "conseil", 3))!;
    await markAttendance(coordinator, { meetingId: closed.id, membershipId: seated[1]!, status: "EXCUSED" });
    const audit = await db.auditEntry.findFirst({
      where: { entityId: closed.id, action: "attendance.corrected" },
    });
    expect(audit?.after).toMatchObject({ membershipId: seated[1], status: "EXCUSED" });
  });

  it("is the coordinator's, inside their cooperative", async () => {
    const meeting = (await meetingForEdit(coordinator, "conseil", 4))!;
    const member = await actorFor(
      (await db.membership.findUniqueOrThrow({ where: { id: seated[1]! } })).personId,
    );
    await expect(
      markAttendance(member, { meetingId: meeting.id, membershipId: seated[1]!, status: "PRESENT" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMeeting(member, newMeeting())).rejects.toBeInstanceOf(ForbiddenError);
    const other = await createCooperative("Ailleurs");
    const foreign = await actorFor(
      (await createMember(other.cooperative.id, { isCoordinator: true })).person.id,
    );
    expect(
      await markAttendance(foreign, { meetingId: meeting.id, membershipId: seated[1]!, status: "PRESENT" }),
    ).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await attendanceSheet(foreign, meeting.id)).toBeNull();
    expect(await createMeeting(foreign, newMeeting())).toEqual({ ok: false, error: "bodyUnknown" });
  });
});
