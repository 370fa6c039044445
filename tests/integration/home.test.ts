// The home page's reads (one plain SQL statement since issue 21): what each section returns, in
// which order, as the person's rights allow, and never another cooperative's.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getMeeting } from "@/lib/meetings/service";
import { homeSections } from "@/lib/home";
import { byItem } from "@/lib/meetings/documents";
import { minutesReadable } from "@/lib/minutes/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildQuestion } from "@/tests/factories/votes";
import { buildIdea } from "@/tests/factories/ideas";

const day = 86_400_000;
// The home page's sections, one at a time.
const nextMeeting = async (actor: Actor) => (await homeSections(actor)).meeting;
const openQuestionsFor = async (actor: Actor) => (await homeSections(actor)).questions;
const countIdeasToRead = async (actor: Actor) => (await homeSections(actor)).ideasToRead;
const minutesToReview = async (actor: Actor) => (await homeSections(actor)).toReview;
let councillor: Actor;
let plainMember: Actor;
let other: Actor;
let otherMember: Actor;
let coordinator: Actor;
let soonId: string;
let heldId: string;
let otherMeetingId: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  const assembly = await db.body.create({
    data: { cooperativeId: cooperative.id, kind: "GENERAL_ASSEMBLY", name: "Assemblée générale", slug: "ag" },
  });
  const seated = await createMember(cooperative.id);
  await db.mandate.create({
    data: {
      cooperativeId: cooperative.id,
      bodyId: council.id,
      membershipId: seated.membership.id,
      startsOn: new Date(Date.now() - 30 * day),
    },
  });
  councillor = await actorFor(seated.person.id);
  plainMember = await actorFor((await createMember(cooperative.id)).person.id);
  coordinator = await actorFor((await createMember(cooperative.id, { isCoordinator: true })).person.id);

  // Another cooperative's meeting sooner, question and ideas: never on this home page.
  const elsewhere = await createCooperative("Ailleurs");
  other = await actorFor((await createMember(elsewhere.cooperative.id, { isCoordinator: true })).person.id);
  otherMember = await actorFor((await createMember(elsewhere.cooperative.id)).person.id);
  otherMeetingId = (
    await buildMeeting({
      cooperativeId: elsewhere.cooperative.id,
      bodyId: elsewhere.council.id,
      number: 1,
      startsAt: new Date(Date.now() + day / 2),
    })
  ).id;
  await buildQuestion({
    cooperativeId: elsewhere.cooperative.id,
    bodyId: elsewhere.council.id,
    status: "OPEN",
    title: "Ailleurs",
  });
  await buildIdea({ cooperativeId: elsewhere.cooperative.id });

  const base = { cooperativeId: cooperative.id, bodyId: council.id };
  await buildMeeting({ ...base, number: 1, startsAt: new Date(Date.now() + day), status: "CANCELLED" });
  soonId = (
    await buildMeeting({ ...base, number: 2, startsAt: new Date(Date.now() + 2 * day), place: "Salle 2" })
  ).id;
  await buildMeeting({ ...base, number: 3, startsAt: new Date(Date.now() + 9 * day) });
  heldId = (
    await buildMeeting({ ...base, number: 4, startsAt: new Date(Date.now() - 9 * day), status: "HELD" })
  ).id;

  await buildQuestion({ ...base, status: "OPEN", title: "Sans date" });
  await buildQuestion({
    ...base,
    status: "OPEN",
    title: "Dans deux jours",
    closesAt: new Date(Date.now() + 2 * day),
  });
  await buildQuestion({ ...base, status: "OPEN", title: "Demain", closesAt: new Date(Date.now() + day) });
  await buildQuestion({ ...base, status: "DRAFT", title: "Brouillon" });
  await buildQuestion({ ...base, status: "CLOSED", title: "Close" });
  await buildQuestion({
    cooperativeId: cooperative.id,
    bodyId: assembly.id,
    status: "OPEN",
    title: "De l'AG",
  });

  await buildIdea({ cooperativeId: cooperative.id });
  await buildIdea({ cooperativeId: cooperative.id, status: "TO_READ" });
  await buildIdea({ cooperativeId: cooperative.id, status: "REJECTED" });
});

describe("the home page's reads", () => {
  it("the next meeting is the soonest one to come that is not cancelled, of this cooperative", async () => {
    const next = await nextMeeting(councillor);
    expect(next).toEqual({
      id: soonId,
      bodyName: "Conseil coopératif",
      bodySlug: "conseil",
      number: 2,
      // To the millisecond, in UTC (it travels in the statement's JSON as a number).
      startsAt: (await db.meeting.findUniqueOrThrow({ where: { id: soonId } })).startsAt,
      place: "Salle 2",
      status: "PLANNED",
    });
    expect((await nextMeeting(other))?.number).toBe(1);
  });

  it("open questions of the bodies one votes in, the soonest to close first, undated last", async () => {
    // A councillor who is also an associé·e votes in both bodies.
    const questions = await openQuestionsFor(councillor);
    expect(questions.slice(0, 2).map((q) => q.title)).toEqual(["Demain", "Dans deux jours"]);
    expect(
      questions
        .slice(2)
        .map((q) => q.title)
        .sort(),
    ).toEqual(["De l'AG", "Sans date"]);
    expect(questions[0]).toMatchObject({ bodyName: "Conseil coopératif", closesAt: expect.any(Date) });
    expect(questions.slice(2).every((q) => q.closesAt === null)).toBe(true);
    // A member outside the council votes in the assembly only (if an associé·e), never the council's.
    expect((await openQuestionsFor(plainMember)).map((q) => q.title)).toEqual(["De l'AG"]);
    expect((await openQuestionsFor(otherMember)).map((q) => q.title)).toEqual([]);
  });

  it("counts the ideas waiting to be read, of this cooperative only", async () => {
    const own = await db.idea.count({
      where: { cooperativeId: councillor.cooperativeId, status: { in: ["NEW", "TO_READ"] } },
    });
    expect(await countIdeasToRead(councillor)).toBe(own);
    expect(own).toBeGreaterThan(0);
    expect(await countIdeasToRead(other)).toBe(1);
  });

  it("a meeting's documents and where its minutes stand come with it, for this cooperative's members", async () => {
    const cooperativeId = councillor.cooperativeId;
    const read = async (actor: Actor) => (await getMeeting(actor, "conseil", 4))!;
    expect(await read(councillor)).toMatchObject({ id: heldId, documents: [], minutesStatus: null });
    expect(minutesReadable(plainMember, null)).toBe(false);

    const item = await db.agendaItem.create({
      data: { cooperativeId, meetingId: heldId, position: 1, kind: "INFORMATION", title: "Budget" },
    });
    const attach = (filename: string, createdAt: Date) =>
      db.document.create({
        data: {
          cooperativeId,
          meetingId: heldId,
          agendaItemId: item.id,
          filename,
          mimeType: "application/pdf",
          sizeBytes: 1200,
          storageKey: `test/${filename}-${Date.now()}`,
          createdAt,
        },
      });
    const second = await attach("budget-v2.pdf", new Date(Date.now() - day));
    const first = await attach("budget-v1.pdf", new Date(Date.now() - 2 * day));
    const documents = (await read(plainMember)).documents;
    expect(documents).toEqual([
      { id: first.id, filename: "budget-v1.pdf", sizeBytes: 1200, agendaItemId: item.id },
      { id: second.id, filename: "budget-v2.pdf", sizeBytes: 1200, agendaItemId: item.id },
    ]);
    expect(
      byItem(documents)
        .get(item.id)
        ?.map((d) => d.filename),
    ).toEqual(["budget-v1.pdf", "budget-v2.pdf"]);

    await db.minutes.create({ data: { cooperativeId, meetingId: heldId, status: "SHARED" } });
    expect((await read(plainMember)).minutesStatus).toBe("SHARED");
    // Shared minutes are for the council; the coordinator opens them at any stage.
    expect(minutesReadable(plainMember, "SHARED")).toBe(false);
    expect(minutesReadable(councillor, "SHARED")).toBe(true);
    expect(minutesReadable(coordinator, null)).toBe(true);
    await db.minutes.update({ where: { meetingId: heldId }, data: { status: "PUBLISHED" } });
    expect(minutesReadable(plainMember, (await read(plainMember)).minutesStatus)).toBe(true);
    // A guest of the meeting: published minutes only, and none of its documents.
    expect(minutesReadable(plainMember, "SHARED", { guest: true })).toBe(false);
    expect(minutesReadable(plainMember, "PUBLISHED", { guest: true })).toBe(true);
    // Another cooperative's meeting n° 4 of a « conseil »: none here (the other has only n° 1).
    expect(await getMeeting(otherMember, "conseil", 4)).toBeNull();
  });

  it("minutes waiting for the reader: shared ones for the council, approved ones too for the coordinator, the latest first, of this cooperative only", async () => {
    const base = {
      cooperativeId: councillor.cooperativeId,
      bodyId: (
        await db.body.findFirstOrThrow({
          where: { cooperativeId: councillor.cooperativeId, slug: "conseil" },
        })
      ).id,
    };
    const held = async (number: number, status: "DRAFT" | "SHARED" | "APPROVED", at: number) => {
      const meeting = await buildMeeting({
        ...base,
        number,
        startsAt: new Date(Date.now() - 20 * day),
        status: "HELD",
      });
      await db.minutes.create({
        data: {
          cooperativeId: base.cooperativeId,
          meetingId: meeting.id,
          status,
          updatedAt: new Date(Date.now() - at * day),
        },
      });
    };
    await held(10, "SHARED", 3);
    await held(11, "APPROVED", 2);
    await held(12, "SHARED", 1);
    await held(13, "DRAFT", 0);
    // Another cooperative's shared minutes: never on this home page.
    await db.minutes.create({
      data: { cooperativeId: other.cooperativeId, meetingId: otherMeetingId, status: "SHARED" },
    });
    expect(await minutesToReview(councillor)).toEqual([
      { bodyName: "Conseil coopératif", bodySlug: "conseil", number: 12, status: "SHARED" },
      { bodyName: "Conseil coopératif", bodySlug: "conseil", number: 10, status: "SHARED" },
    ]);
    expect((await minutesToReview(coordinator)).map((m) => [m.number, m.status])).toEqual([
      [12, "SHARED"],
      [11, "APPROVED"],
      [10, "SHARED"],
    ]);
    // A member outside the council reads no draft.
    expect(await minutesToReview(plainMember)).toEqual([]);
    expect((await minutesToReview(other)).map((m) => m.number)).toEqual([1]);
  });
});

describe("the home page's latest decisions and what a guest sees", () => {
  it("the five latest published decisions, newest first, on their day; a guest of the idea box gets no council section", async () => {
    const cooperativeId = councillor.cooperativeId;
    const council = await db.body.findFirstOrThrow({ where: { cooperativeId, slug: "conseil" } });
    for (let i = 1; i <= 7; i++)
      await db.decision.create({
        data: {
          cooperativeId,
          bodyId: council.id,
          title: `Décision ${i}`,
          text: "…",
          method: "CONSENSUS",
          outcome: "ADOPTED",
          decidedOn: new Date(Date.UTC(2024, 0, i)),
          publishedAt: i === 7 ? null : new Date(),
        },
      });
    // Another cooperative's newer decision: never here.
    const elsewhere = await db.body.findFirstOrThrow({ where: { cooperativeId: other.cooperativeId } });
    await db.decision.create({
      data: {
        cooperativeId: other.cooperativeId,
        bodyId: elsewhere.id,
        title: "Ailleurs",
        text: "…",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date(Date.UTC(2025, 0, 1)),
        publishedAt: new Date(),
      },
    });
    const { decisions } = await homeSections(plainMember);
    expect(decisions.map((d) => d.title)).toEqual([
      "Décision 6",
      "Décision 5",
      "Décision 4",
      "Décision 3",
      "Décision 2",
    ]);
    expect(decisions[0]).toEqual({
      id: expect.any(String),
      title: "Décision 6",
      bodyName: "Conseil coopératif",
      decidedOn: new Date("2024-01-06T00:00:00Z"),
    });
    expect((await homeSections(other)).decisions.map((d) => d.title)).toEqual(["Ailleurs"]);

    const guest = await actorFor((await createMember(cooperativeId, { kind: "GUEST" })).person.id);
    const seen = await homeSections(guest);
    expect(seen).toMatchObject({ meeting: null, questions: [], toReview: [], decisions: [] });
    expect(seen.ideasToRead).toBeGreaterThan(0);
  });
});

describe("a meeting's page read", () => {
  it("gives the agenda in order with its presenters, the attendance with categories and the chair on the meeting's own day", async () => {
    const { cooperative, council } = await createCooperative();
    const reader = await actorFor((await createMember(cooperative.id)).person.id);
    const chair = await createMember(cooperative.id, { name: "Bertrand Lemoine" });
    const former = await createMember(cooperative.id, { name: "Anne Ancienne" });
    const category = await db.category.create({
      data: { cooperativeId: cooperative.id, name: "usager·es", kind: "BENEFICIARY", position: 0 },
    });
    await db.categoryAssignment.create({
      data: {
        cooperativeId: cooperative.id,
        membershipId: chair.membership.id,
        categoryId: category.id,
        validFrom: new Date("2020-01-01"),
      },
    });
    // 00:30 in Paris on 15 June is 22:30 UTC on the 14th: the mandate starting on the 15th
    // chairs this meeting, the one ending on the 15th no longer does.
    const meeting = await buildMeeting({
      cooperativeId: cooperative.id,
      bodyId: council.id,
      number: 7,
      startsAt: new Date("2026-06-14T22:30:00Z"),
      place: "Salle 1",
    });
    for (const [who, startsOn, endsOn] of [
      [chair, "2026-06-15", null],
      [former, "2025-06-15", "2026-06-15"],
    ] as const)
      await db.mandate.create({
        data: {
          cooperativeId: cooperative.id,
          bodyId: council.id,
          membershipId: who.membership.id,
          role: "PRESIDENT",
          startsOn: new Date(startsOn),
          endsOn: endsOn ? new Date(endsOn) : null,
        },
      });
    await db.attendance.createMany({
      data: [
        {
          cooperativeId: cooperative.id,
          meetingId: meeting.id,
          membershipId: chair.membership.id,
          status: "PRESENT",
        },
        {
          cooperativeId: cooperative.id,
          meetingId: meeting.id,
          membershipId: former.membership.id,
          status: "EXCUSED",
        },
        {
          cooperativeId: cooperative.id,
          meetingId: meeting.id,
          guestName: "Sonia Benali",
          guestRole: "ARS",
          status: "GUEST",
        },
      ],
    });
    await db.agendaItem.createMany({
      data: [
        {
          cooperativeId: cooperative.id,
          meetingId: meeting.id,
          position: 1,
          kind: "DECISION",
          title: "Budget",
          presenterId: chair.membership.id,
        },
        {
          cooperativeId: cooperative.id,
          meetingId: meeting.id,
          position: 0,
          kind: "INFORMATION",
          title: "Accueil",
          presenterName: "Invitée",
        },
      ],
    });

    const read = await getMeeting(reader, "conseil", 7);
    expect(read).toMatchObject({ number: 7, place: "Salle 1", status: "PLANNED", bodySlug: "conseil" });
    expect(read!.startsAt).toEqual(new Date("2026-06-14T22:30:00Z"));
    expect(read!.agenda.map((i) => [i.title, i.presenter])).toEqual([
      ["Accueil", "Invitée"],
      ["Budget", "Bertrand Lemoine"],
    ]);
    expect(read!.attendance.present).toEqual([
      expect.objectContaining({ name: "Bertrand Lemoine", isPresident: true, category: "usager·es" }),
    ]);
    expect(read!.attendance.excused).toEqual([
      expect.objectContaining({ name: "Anne Ancienne", isPresident: false, category: null }),
    ]);
    expect(read!.attendance.guests).toEqual([
      expect.objectContaining({ name: "Sonia Benali", guestRole: "ARS" }),
    ]);
    // Another cooperative's member with the same address finds nothing.
    expect(await getMeeting(otherMember, "conseil", 7)).toBeNull();
  });
});
