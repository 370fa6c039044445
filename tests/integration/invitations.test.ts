import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { answerInvitation, feedForToken, myInvitation, sendInvitations } from "@/lib/meetings/invitations";
import { sendReminder } from "@/lib/meetings/meeting-notices.internal";
import { bodyMembersOn, sitsIn } from "@/lib/meetings/body-members";
import { getMeeting, meetingForEdit, setMeetingStatus, updateMeeting } from "@/lib/meetings/service";
import { addGuest } from "@/lib/meetings/attendance";
import { readMinutes } from "@/lib/minutes/service";
import { listOutbox } from "@/lib/mail/service";
import { ForbiddenError } from "@/lib/auth/actor";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { agendaItemSchema } from "@/lib/meetings/schema";
import { feedIcs } from "@/lib/meetings/calendar";
import { actorFor, calendarToken, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { dateKey, dayKey, localInputToInstant, parseDateKey } from "@/lib/dates";

// A time later today on the cooperative's clock, whatever the hour the tests run: three hours
// on, or half-way to midnight when that comes sooner (at 21:17 in Paris, +3 h is tomorrow).
function laterToday(now = new Date()): Date {
  const tomorrow = dateKey(new Date(parseDateKey(dayKey(now)).getTime() + 86_400_000));
  const midnight = localInputToInstant(`${tomorrow}T00:00`)!;
  const untilMidnight = midnight.getTime() - now.getTime();
  return new Date(now.getTime() + Math.min(3 * 3_600_000, untilMidnight / 2));
}

let coordinator: Actor;
let salima: Actor;
let outsider: Actor;
let marc: Actor;
let meetingId: string;
const startsAt = new Date("2026-12-17T18:30:00Z");

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  coordinator = await actorFor(
    (await createMember(cooperative.id, { isCoordinator: true, name: "Clara", email: "clara@exemple.org" }))
      .person.id,
  );
  const seat = async (name: string, email: string) => {
    const { membership, person } = await createMember(cooperative.id, { name, email });
    await db.mandate.create({
      data: {
        cooperativeId: cooperative.id,
        bodyId: council.id,
        membershipId: membership.id,
        startsOn: new Date("2024-01-01"),
      },
    });
    return actorFor(person.id);
  };
  salima = await seat("Salima Haddad", "salima@exemple.org");
  marc = await seat("Marc Beaulieu", "marc@exemple.org");
  outsider = await actorFor(
    (await createMember(cooperative.id, { name: "Paul", email: "paul@exemple.org" })).person.id,
  );
  meetingId = (
    await buildMeeting({
      cooperativeId: cooperative.id,
      bodyId: council.id,
      number: 4,
      startsAt,
      place: "Salle du centre",
    })
  ).id;
  await addAgendaItem(
    coordinator,
    meetingId,
    agendaItemSchema.parse({
      kind: "DISCUSSION",
      title: "Rapport d'activité",
      durationMinutes: "30",
      description: "Les chiffres de l'année, par la directrice.",
    }),
  );
});

const mailsTo = (email: string) =>
  db.outboxEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
const icsOf = (mail: { attachments: unknown }) =>
  ((mail.attachments as { content: string }[])[0]?.content ?? "").replace(/\r\n[ \t]/g, "");

describe("invitations", () => {
  it("e-mails each member of the body the agenda and a calendar invitation, and queues the reminder for the day before", async () => {
    // Marc chose English in the portal: his e-mails are in English (the later tests read him in French).
    await db.person.update({ where: { id: marc.personId }, data: { locale: "en" } });
    expect(await sendInvitations(coordinator, meetingId)).toEqual({ ok: true, data: 2 });
    await db.person.update({ where: { id: marc.personId }, data: { locale: "fr" } });
    const [mail] = await mailsTo("salima@exemple.org");
    expect(mail?.subject).toContain("Convocation – Conseil coopératif n° 4");
    // The item with its duration and its « précisions », in the e-mail and the .ics.
    expect(mail?.textBody).toContain(
      "1. Rapport d'activité (30 min)\n   Les chiffres de l'année, par la directrice.",
    );
    const ics = icsOf(mail!);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("DTSTART:20261217T183000Z");
    expect(ics).toContain("DTEND:20261217T190000Z"); // when the agenda ends
    expect(ics).toContain("Les chiffres de l'année");
    expect(ics).toContain("SEQUENCE:0");
    expect(await mailsTo("paul@exemple.org")).toHaveLength(0);
    // In each person's language: the words, the date, the .ics; the cooperative's data as it is.
    const [english] = await mailsTo("marc@exemple.org");
    expect(english?.subject).toMatch(/^Invitation – Conseil coopératif no\. 4 – /);
    expect(english?.textBody).toContain("Hello Marc Beaulieu,");
    expect(english?.textBody).toContain(
      "You are called to the meeting Conseil coopératif no. 4, on Thursday, 17 December 2026 at 19:30.",
    );
    expect(english?.textBody).not.toContain("n° 4");
    expect(english?.textBody).toContain("Agenda:");
    expect(english?.textBody).toContain("1. Rapport d'activité (30 min)");
    expect(english?.textBody).not.toContain("Bonjour");
    expect(mail?.textBody).toContain("Bonjour Salima Haddad,");
    expect((await meetingForEdit(coordinator, "conseil", 4))?.status).toBe("INVITED");

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(
      `SELECT data, start_after FROM pgboss.job WHERE name = 'meeting-reminder'`,
    );
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toEqual({ meetingId, sequence: 0 });
    expect(new Date(rows[0].start_after).toISOString()).toBe("2026-12-16T18:30:00.000Z");
  });

  it("a member of the body answers in advance; someone outside it cannot", async () => {
    expect(
      await answerInvitation(salima, { meetingId, answer: "EXCUSED", note: "en formation ce jour-là" }),
    ).toEqual({
      ok: true,
      data: null,
    });
    expect(await answerInvitation(outsider, { meetingId, answer: "PRESENT", note: null })).toEqual({
      ok: false,
      error: "notBodyMember",
    });
    const line = await db.attendance.findFirstOrThrow({ where: { meetingId, rsvp: { not: null } } });
    expect(line).toMatchObject({ rsvp: "EXCUSED", rsvpNote: "en formation ce jour-là", status: null });
    // Her page shows her answer; someone outside the body is asked nothing; once the meeting is
    // held, nobody is asked any more.
    expect(await myInvitation(salima, meetingId)).toEqual({
      answer: "EXCUSED",
      note: "en formation ce jour-là",
    });
    expect(await myInvitation(outsider, meetingId)).toBeNull();
    await db.meeting.update({ where: { id: meetingId }, data: { status: "HELD" } });
    try {
      expect(await myInvitation(salima, meetingId)).toBeNull();
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { status: "INVITED" } });
    }
  });

  it("a guest added once the invitations are out gets hers, opens that meeting and its published minutes, nothing else", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { body: true } });
    const sonia = await createMember(meeting.cooperativeId, {
      name: "Sonia Benali",
      email: "sonia@exemple.org",
      kind: "GUEST",
    });
    const guest = await actorFor(sonia.person.id, meeting.cooperativeId);
    await expect(getMeeting(guest, meeting.body.slug, meeting.number)).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await addGuest(coordinator, meetingId, {
        membershipId: sonia.membership.id,
        guestName: null,
        guestRole: "future directrice",
      }),
    ).toEqual({ ok: true, data: null });
    const [invitation] = await mailsTo("sonia@exemple.org");
    expect(invitation?.subject).toContain("Convocation – Conseil coopératif n° 4");
    expect(invitation?.textBody).toContain("Vous êtes invité·e à la réunion Conseil coopératif n° 4");
    expect(icsOf(invitation!)).toContain("METHOD:REQUEST");
    expect((await getMeeting(guest, meeting.body.slug, meeting.number))?.number).toBe(4);
    // Its minutes: not while a draft; once published, yes.
    const minutes = await db.minutes.create({ data: { cooperativeId: meeting.cooperativeId, meetingId } });
    expect(await readMinutes(guest, meeting.body.slug, meeting.number)).toBeNull();
    await db.minutes.update({
      where: { id: minutes.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect((await readMinutes(guest, meeting.body.slug, meeting.number))?.status).toBe("PUBLISHED");
    // Another meeting of the same body: nothing.
    const other = await buildMeeting({
      cooperativeId: meeting.cooperativeId,
      bodyId: meeting.bodyId,
      number: 6,
    });
    await expect(getMeeting(guest, meeting.body.slug, 6)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await readMinutes(guest, meeting.body.slug, 6)).toBeNull();
    await db.meeting.delete({ where: { id: other.id } });
    await db.minutes.delete({ where: { id: minutes.id } });
  });

  it("the reminder skips those who said they are excused, goes once, and an outdated one sends nothing", async () => {
    const dayBefore = new Date(startsAt.getTime() - 86_400_000);
    expect(await sendReminder(meetingId, 7, dayBefore)).toBe(0);
    // Marc (Salima said she is excused) and the guest.
    expect(await sendReminder(meetingId, 0, dayBefore)).toBe(2);
    expect((await mailsTo("marc@exemple.org")).at(-1)?.subject).toContain("Rappel : demain");
    // A second job for the same meeting (queued twice, or retried) sends nothing more.
    expect(await sendReminder(meetingId, 0, dayBefore)).toBe(0);
    await db.meeting.update({ where: { id: meetingId }, data: { reminderSentAt: null } });
  });

  it("a meeting convened for the same day gets no reminder, and never « demain »", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const today = await buildMeeting({
      cooperativeId: meeting.cooperativeId,
      bodyId: meeting.bodyId,
      number: 5,
      startsAt: laterToday(),
    });
    expect(await sendInvitations(coordinator, today.id)).toMatchObject({ ok: true });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'meeting-reminder' AND data->>'meetingId' = $1`,
      [today.id],
    );
    await client.end();
    expect(rows).toHaveLength(0);
    // Were one sent that day anyway (a job from an earlier date), it says « aujourd'hui ».
    expect(await sendReminder(today.id, 0)).toBe(2);
    const subjects = (await mailsTo("marc@exemple.org")).map((m) => m.subject);
    expect(subjects.at(-1)).toContain("Rappel : aujourd'hui");
    expect(subjects.filter((s) => s.includes("demain") && s.includes("n° 5"))).toEqual([]);
    await db.meeting.delete({ where: { id: today.id } });
  });

  it("the worker process runs a due reminder from the queue in PostgreSQL", async () => {
    const { startWorker } = await import("@/lib/jobs/worker");
    const { senderBoss, QUEUES } = await import("@/lib/jobs/queue");
    const before = (await mailsTo("marc@exemple.org")).length;
    await (
      await senderBoss()
    ).send(QUEUES.meetingReminder, { meetingId, sequence: 0 }, { startAfter: new Date() });
    const worker = await startWorker({ pollingIntervalSeconds: 0.5 });
    try {
      await expect
        .poll(async () => (await mailsTo("marc@exemple.org")).length, { timeout: 60_000, interval: 250 })
        .toBe(before + 1);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });

  it("a new date sends an update (same UID, higher SEQUENCE); a cancellation sends CANCEL", async () => {
    await updateMeeting(coordinator, meetingId, {
      startsAt: new Date("2026-12-18T18:30:00Z"),
      place: "Salle du centre",
      videoUrl: null,
      title: null,
      assemblyType: null,
    });
    const update = (await mailsTo("marc@exemple.org")).at(-1)!;
    expect(update.subject).toContain("Changement");
    expect(icsOf(update)).toContain("SEQUENCE:1");
    expect(icsOf(update)).toContain(`UID:${meetingId}@portail-scic`);
    expect(icsOf(update)).toContain("DTSTART:20261218T183000Z");

    await setMeetingStatus(coordinator, meetingId, "CANCELLED");
    const cancel = (await mailsTo("marc@exemple.org")).at(-1)!;
    expect(cancel.subject).toContain("Annulation");
    expect(icsOf(cancel)).toContain("METHOD:CANCEL");
    expect(icsOf(cancel)).toContain("SEQUENCE:2");
    expect(await sendReminder(meetingId, 1)).toBe(0); // cancelled: no reminder
  });

  it("each member's calendar feed lists the meetings of their bodies, by secret token only", async () => {
    const token = calendarToken(
      await db.membership.findUniqueOrThrow({ where: { id: salima.membershipId } }),
    );
    const feed = await feedForToken(token);
    expect(feed?.meetings.map((m) => m.title)).toEqual(["Conseil coopératif n° 4"]);
    expect(feedIcs(feed!.meetings, feed!.name)).toContain("STATUS:CANCELLED");
    const paulToken = calendarToken(
      await db.membership.findUniqueOrThrow({ where: { id: outsider.membershipId } }),
    );
    expect((await feedForToken(paulToken))?.meetings).toEqual([]);
    expect(await feedForToken("pas-un-jeton")).toBeNull();
    // The seed in the database is not the link, and a link forged without the secret reads nothing.
    const salimaRow = await db.membership.findUniqueOrThrow({ where: { id: salima.membershipId } });
    expect(await feedForToken(salimaRow.calendarSeed)).toBeNull();
    expect(await feedForToken(`${salimaRow.id}.${"A".repeat(43)}`)).toBeNull();
  });
});

describe("Courriels envoyés", () => {
  it("pages, filters by recipient and kind, and shows the .ics readable", async () => {
    const marc = await db.outboxEmail.count({ where: { toAddress: "marc@exemple.org" } });
    expect(marc).toBeGreaterThan(2);
    const first = await listOutbox(coordinator, { q: "MARC@" }, { page: 1, size: 2 });
    expect(first.total).toBe(marc);
    expect(first.rows).toHaveLength(2);
    const second = await listOutbox(coordinator, { q: "marc@" }, { page: 2, size: 2 });
    expect(second.rows.map((r) => r.id)).not.toContain(first.rows[0]!.id);
    const meetings = await listOutbox(coordinator, { kind: "meeting" });
    expect(meetings.rows.every((r) => /^(Convocation|Changement|Annulation|Rappel)/.test(r.subject))).toBe(
      true,
    );
    const invitation = meetings.rows.find((r) => r.subject.startsWith("Convocation"))!;
    expect(invitation.attachments[0]).toMatchObject({
      contentType: expect.stringContaining("text/calendar"),
    });
    expect(invitation.attachments[0]!.text).toContain("BEGIN:VCALENDAR");
    expect((await listOutbox(coordinator, { kind: "vote" })).total).toBe(0);
  });
});

// The meeting page asks whether its reader sits in the body in one query (sitsIn): the same
// answer as the whole list (bodyMembersOn), for every member, every body, before and after a
// mandate's days, at local midnight.
describe("sitting in a body, for one member", () => {
  it("agrees with the body's list for every member, on several days", async () => {
    const coop = { id: coordinator.cooperativeId };
    const bodies = await db.body.findMany({ where: { cooperativeId: coop.id } });
    const members = await db.membership.findMany({ where: { cooperativeId: coop.id }, select: { id: true } });
    const mandates = await db.mandate.findMany({ where: { cooperativeId: coop.id } });
    // Today, a day in 2023, and the local midnights that start and end mandates (23:30 UTC the
    // day before is 00:30 in Paris).
    const days = [new Date(), new Date("2023-03-27T17:00:00Z")];
    let checked = 0;
    for (const m of mandates.slice(0, 6))
      for (const d of [m.startsOn, m.endsOn].filter((x): x is Date => x !== null))
        days.push(new Date(d.getTime() - 30 * 60_000), new Date(d.getTime() - 90 * 60_000));
    for (const body of bodies)
      for (const at of days) {
        const listed = new Set((await bodyMembersOn(body, at)).map((m) => m.membershipId));
        for (const { id } of members) {
          checked++;
          expect(await sitsIn(body, { membershipId: id, at }), `${body.slug} ${at.toISOString()} ${id}`).toBe(
            listed.has(id),
          );
        }
      }
    // Not an empty comparison: members, bodies and mandates were there to compare.
    expect(checked).toBeGreaterThan(10);
    expect(mandates.length).toBeGreaterThan(0);
  });
});
