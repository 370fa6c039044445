import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { ERASED_NAME, erasePerson, exportMyData } from "@/lib/members/privacy";
import { verifyCredentials } from "@/lib/auth/service";
import { getMeeting } from "@/lib/meetings/service";
import { actorFor, createCooperative, createMember, PASSWORD } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildQuestion } from "@/tests/factories/votes";
import { buildIdea } from "@/tests/factories/ideas";

let coordinator: Actor;
let cooperativeId: string;
let councilId: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  cooperativeId = cooperative.id;
  councilId = council.id;
  coordinator = await actorFor((await createMember(cooperativeId, { isCoordinator: true })).person.id);
});

describe("a member's own data (RGPD)", () => {
  it("downloads everything the portal holds about them, and nothing secret", async () => {
    const { person, membership, email } = await createMember(cooperativeId, { name: "Salima Haddad" });
    const question = await buildQuestion({
      cooperativeId,
      bodyId: councilId,
      kind: "MEETING_BALLOT",
      title: "Budget",
      secret: true,
    });
    await db.voteParticipation.create({
      data: { cooperativeId, questionId: question.id, memberId: membership.id, castById: membership.id },
    });
    await db.ballot.create({
      data: { cooperativeId, questionId: question.id, collegeId: null, choice: "FOR" },
    }); // secret: no memberId
    await buildIdea({
      cooperativeId,
      text: "Des chaises pour enfants",
      source: "ONLINE",
      authorId: membership.id,
    });
    await db.newsletterRecipient.create({ data: { cooperativeId, email, consentAt: new Date() } });

    const data = await exportMyData(await actorFor(person.id));
    expect(data.person).toMatchObject({ name: "Salima Haddad", email });
    expect(data.memberships[0]).toMatchObject({
      participations: [{ question: { title: "Budget" }, channel: "ONLINE" }],
      ballots: [],
      ideas: [{ text: "Des chaises pour enfants" }],
    });
    expect(data.newsletter).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain("calendarToken");
  });
});

describe("erasing a person (RGPD)", () => {
  it("removes the identity but keeps ballots (anonymous), attendance and minutes (as « un·e membre »)", async () => {
    const { person, membership, email } = await createMember(cooperativeId, { name: "Marc Beaulieu" });
    const meeting = await buildMeeting({
      cooperativeId,
      bodyId: councilId,
      number: 3,
      startsAt: new Date("2026-03-27T17:30:00Z"),
    });
    await db.attendance.create({
      data: { cooperativeId, meetingId: meeting.id, membershipId: membership.id, status: "PRESENT" },
    });
    const question = await buildQuestion({
      cooperativeId,
      bodyId: councilId,
      kind: "MEETING_BALLOT",
      title: "Logo",
    });
    await db.ballot.create({
      data: { cooperativeId, questionId: question.id, memberId: membership.id, choice: "AGAINST" },
    });
    const minutes = await db.minutes.create({
      data: {
        cooperativeId,
        meetingId: meeting.id,
        attendanceText: "Présent·es : Marc Beaulieu (soutiens militants)",
      },
    });
    await db.minutesSection.create({
      data: {
        cooperativeId,
        minutesId: minutes.id,
        position: 0,
        title: "Tour",
        body: "Marc Beaulieu présente le plaidoyer.",
      },
    });
    await db.newsletterRecipient.create({ data: { cooperativeId, email, consentAt: new Date() } });
    await db.auditEntry.create({
      data: {
        cooperativeId,
        action: "member.created",
        entityType: "Membership",
        entityId: membership.id,
        after: { name: "Marc Beaulieu", email },
      },
    });

    expect(await erasePerson(coordinator, membership.id)).toEqual({ ok: true, data: null });

    expect(await db.person.findUnique({ where: { id: person.id } })).toMatchObject({
      name: ERASED_NAME,
      email: null,
      passwordHash: null,
    });
    expect((await verifyCredentials(email, PASSWORD, null)).ok).toBe(false);
    const ballots = await db.ballot.findMany({ where: { questionId: question.id } });
    expect(ballots).toEqual([expect.objectContaining({ choice: "AGAINST", memberId: null })]);
    expect((await getMeeting(coordinator, "conseil", 3))?.attendance.present.map((l) => l.name)).toEqual([
      ERASED_NAME,
    ]);
    expect((await db.minutesSection.findFirstOrThrow({ where: { minutesId: minutes.id } })).body).toBe(
      "un·e membre présente le plaidoyer.",
    );
    expect((await db.minutes.findUniqueOrThrow({ where: { id: minutes.id } })).attendanceText).toBe(
      "Présent·es : un·e membre (soutiens militants)",
    );
    expect(await db.newsletterRecipient.count({ where: { email } })).toBe(0);
    const dump = JSON.stringify(
      await db.auditEntry.findMany({ where: { cooperativeId }, select: { before: true, after: true } }),
    );
    expect(dump).not.toContain(email);
    expect(await db.auditEntry.count({ where: { entityId: membership.id, action: "person.erased" } })).toBe(
      1,
    );
  });

  it("keeps the account of someone who also belongs to another cooperative", async () => {
    const { person, membership, email } = await createMember(cooperativeId, { name: "Double Appartenance" });
    const other = await createCooperative("Autre");
    await db.membership.create({ data: { cooperativeId: other.cooperative.id, personId: person.id } });
    expect(await erasePerson(coordinator, membership.id)).toEqual({ ok: true, data: null });
    expect(await db.person.findUnique({ where: { id: person.id } })).toMatchObject({
      name: "Double Appartenance",
      email,
    });
    const here = await db.membership.findUniqueOrThrow({
      where: { id: membership.id },
      include: { person: true },
    });
    expect(here.person).toMatchObject({ name: ERASED_NAME, email: null });
    expect((await verifyCredentials(email, PASSWORD, null)).ok).toBe(true);
  });

  it("is refused to a member, to another cooperative, and to oneself", async () => {
    const { membership } = await createMember(cooperativeId);
    const plain = await actorFor((await createMember(cooperativeId)).person.id);
    await expect(erasePerson(plain, membership.id)).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = await createCooperative("Ailleurs");
    const foreignCoordinator = await actorFor(
      (await createMember(elsewhere.cooperative.id, { isCoordinator: true })).person.id,
    );
    expect(await erasePerson(foreignCoordinator, membership.id)).toEqual({ ok: false, error: "notFound" });
    expect(await erasePerson(coordinator, coordinator.membershipId)).toEqual({
      ok: false,
      error: "eraseSelf",
    });
  });
});
