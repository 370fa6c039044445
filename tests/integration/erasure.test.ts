import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createMember as addMember, updateMember } from "@/lib/members/service";
import { erasePerson } from "@/lib/members/privacy";
import { requestPasswordReset, verifyCredentials } from "@/lib/auth/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildQuestion } from "@/tests/factories/votes";

// Issue 15, 7: after erasing a person, nothing in the database names them. The test leaves
// their name, e-mail, phone and postal address wherever a cooperative writes them, erases, then
// searches every text and JSON column of every table (the job queue's too) and the outbox.

const NAME = "Gwenaëlle Kerbrat-Ollivier";
const EMAIL = "gwen.kerbrat@exemple.org";
const PHONE = "06 71 42 93 58";
const ADDRESS = "12 rue des Glycines, 35000 Rennes";

let coordinator: Actor;
let cooperativeId: string;
let councilId: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative("Effacement");
  cooperativeId = cooperative.id;
  councilId = council.id;
  coordinator = await actorFor((await createMember(cooperativeId, { isCoordinator: true })).person.id);
});

// Every text and JSON column of every table in the database, whatever its schema.
async function findTraces(needles: string[]): Promise<string[]> {
  const columns = await db.$queryRaw<{ schema: string; table: string; column: string }[]>`
    SELECT c.table_schema::text AS "schema", c.table_name::text AS "table", c.column_name::text AS "column"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    for (const needle of needles) {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${q(schema)}.${q(table)} WHERE ${q(column)}::text ILIKE '%' || $1 || '%'`,
        needle,
      );
      if (row && row.n > 0n) found.push(`${schema}.${table}.${column} ∋ ${needle}`);
    }
  }
  return found;
}

describe("erasing a person leaves no trace of them", () => {
  it("in any text or JSON column, and their ballots still count", async () => {
    // Added by the coordinator through the service: audit after-image, newsletter consent,
    // invitation e-mail.
    const details = {
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      address: ADDRESS,
      kind: "GUEST" as const,
      categoryId: null,
      joinedOn: null,
      shares: 0,
      title: "bénévole",
      newsletterConsent: true,
      isCoordinator: false,
      invite: true,
    };
    const added = await addMember(coordinator, details);
    if (!added.ok) throw new Error(added.error);
    const membershipId = added.data.id;
    // Edited: audit before/after.
    await updateMember(coordinator, membershipId, { ...details, title: "bénévole, accueil", invite: false });
    await db.membership.update({ where: { id: membershipId }, data: { status: "ACTIVE" } });
    const person = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    await db.person.update({ where: { id: person.personId }, data: { passwordHash: "x" } });
    // A reset link, failed sign-ins, a sign-in link's token.
    await requestPasswordReset(EMAIL, "http://localhost:3000");
    await verifyCredentials(EMAIL, "mauvais", "198.51.100.30");
    await db.verificationToken.create({
      data: { identifier: EMAIL, token: "hash-du-lien", expires: new Date(Date.now() + 3_600_000) },
    });

    // A meeting where she presents, is named, comments, owns an action, votes.
    const meeting = await buildMeeting({
      cooperativeId,
      bodyId: councilId,
      number: 12,
      startsAt: new Date(),
    });
    await db.meeting.update({ where: { id: meeting.id }, data: { title: `Conseil avec ${NAME}` } });
    const item = await db.agendaItem.create({
      data: {
        cooperativeId,
        meetingId: meeting.id,
        position: 0,
        kind: "DISCUSSION",
        title: `Projet jardin (${NAME})`,
        description: `Contact : ${PHONE}, ${EMAIL}`,
        presenterName: NAME,
      },
    });
    await db.attendance.create({
      data: {
        cooperativeId,
        meetingId: meeting.id,
        membershipId,
        status: "PRESENT",
        rsvpNote: `${NAME} viendra`,
      },
    });
    const minutes = await db.minutes.create({
      data: { cooperativeId, meetingId: meeting.id, attendanceText: `Présent·es : ${NAME}` },
    });
    const section = await db.minutesSection.create({
      data: {
        cooperativeId,
        minutesId: minutes.id,
        agendaItemId: item.id,
        position: 0,
        title: `Jardin de ${NAME}`,
        body: `${NAME} présente le projet ; la joindre au ${PHONE} ou à ${EMAIL}, ${ADDRESS}.`,
      },
    });
    await db.minutesVersion.create({
      data: {
        cooperativeId,
        minutesId: minutes.id,
        version: 1,
        content: { sections: [{ title: `Jardin de ${NAME}`, body: `Contact ${EMAIL}` }], note: `"${NAME}"` },
        changeNote: `Ajout de ${NAME}`,
      },
    });
    await db.minutesComment.create({
      data: {
        cooperativeId,
        sectionId: section.id,
        authorId: coordinator.membershipId,
        body: `Merci ${NAME} !`,
      },
    });
    const action = await db.actionItem.create({
      data: { cooperativeId, meetingId: meeting.id, title: `${NAME} rappelle la mairie` },
    });
    await db.actionItemOwner.create({ data: { cooperativeId, actionItemId: action.id, membershipId } });
    await db.decision.create({
      data: {
        cooperativeId,
        bodyId: councilId,
        meetingId: meeting.id,
        title: "Jardin partagé",
        text: `Le conseil confie le jardin à ${NAME}.`,
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date(),
      },
    });
    const question = await buildQuestion({
      cooperativeId,
      bodyId: councilId,
      kind: "MEETING_BALLOT",
      title: "Jardin",
    });
    await db.ballot.create({
      data: { cooperativeId, questionId: question.id, memberId: membershipId, choice: "FOR" },
    });
    // Ideas: hers, and one that names her.
    await db.idea.create({
      data: {
        cooperativeId,
        text: "Des bacs à fleurs",
        source: "ONLINE",
        status: "NEW",
        authorId: membershipId,
        authorName: NAME,
        contact: PHONE,
      },
    });
    await db.idea.create({
      data: { cooperativeId, text: `Remercier ${NAME} pour le jardin`, source: "ONLINE", status: "NEW" },
    });
    await db.newsletterIssue.create({
      data: { cooperativeId, number: 1, subject: `Portrait : ${NAME}`, body: `${NAME} anime le jardin.` },
    });
    // An e-mail to someone else that names her.
    await db.outboxEmail.create({
      data: {
        cooperativeId,
        toAddress: "autre@exemple.org",
        subject: `Compte rendu : ${NAME}`,
        textBody: `${NAME} (${EMAIL}, ${PHONE}) présentera le jardin.`,
      },
    });

    // The list of people willing to be contacted: from her profile, and once from the public page
    // with her e-mail (no account named there).
    for (const source of ["PROFILE", "PUBLIC_FORM"] as const)
      await db.contactConsent.create({
        data: {
          cooperativeId,
          membershipId: source === "PROFILE" ? membershipId : null,
          name: NAME,
          phone: PHONE,
          email: EMAIL,
          purposes: ["visitors"],
          source,
          consentText: "J'accepte que le centre de santé me contacte.",
          consentAt: new Date(),
          confirmedAt: new Date(),
          note: `Demander ${NAME} à l'accueil`,
        },
      });
    // An event she signed up to as a member, and once from the public page with her e-mail.
    const event = await db.communityEvent.create({
      data: {
        cooperativeId,
        kind: "CAFE",
        title: "Café du jardin",
        startsAt: new Date(Date.now() + 86_400_000),
        place: "Jardin",
      },
    });
    await db.eventSignup.create({
      data: { cooperativeId, eventId: event.id, membershipId, name: NAME, source: "MEMBER" },
    });
    await db.eventSignup.create({
      data: {
        cooperativeId,
        eventId: event.id,
        name: NAME,
        email: EMAIL,
        phone: PHONE,
        source: "PUBLIC_FORM",
      },
    });
    const needles = [NAME, EMAIL, PHONE, ADDRESS];
    expect((await findTraces(needles)).length).toBeGreaterThan(20); // the search finds what is there

    expect(await erasePerson(coordinator, membershipId)).toEqual({ ok: true, data: null });

    expect(await findTraces(needles)).toEqual([]);
    expect(
      await db.contactConsent.count({
        where: { cooperativeId, email: { in: [EMAIL, "[adresse effacée]"] } },
      }),
    ).toBe(0);
    expect(await db.eventSignup.count({ where: { eventId: event.id } })).toBe(0);
    // The ballot still counts, without a name; the record keeps its shape.
    const ballots = await db.ballot.findMany({ where: { questionId: question.id } });
    expect(ballots).toEqual([expect.objectContaining({ choice: "FOR", memberId: null })]);
    const kept = await db.minutesSection.findUniqueOrThrow({ where: { id: section.id } });
    expect(kept.body).toBe(
      "un·e membre présente le projet ; la joindre au [téléphone effacé] ou à [adresse effacée], [adresse postale effacée].",
    );
    const version = await db.minutesVersion.findFirstOrThrow({ where: { minutesId: minutes.id } });
    expect(version.content).toEqual({
      sections: [{ title: "Jardin de un·e membre", body: "Contact [adresse effacée]" }],
      note: '"un·e membre"',
    });
  });
});
