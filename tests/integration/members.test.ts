import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  changeCategory,
  createMember,
  getMember,
  inviteMember,
  listMembers,
  setArchived,
  updateMember,
} from "@/lib/members/service";
import { getMeeting } from "@/lib/meetings/service";
import { verifyCredentials, resetPassword } from "@/lib/auth/service";
import { memberSchema } from "@/lib/members/schema";
import { actorFor, createCooperative, createMember as createMemberRow } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

let coordinator: Actor;
let other: Actor;
let employees: string;
let supporters: string;
let councilId: string;

const input = (fields: Record<string, string>) =>
  memberSchema.parse({
    kind: "ASSOCIATE",
    joinedOn: "2019-09-01",
    shares: "1",
    categoryId: employees,
    ...fields,
  });

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  councilId = council.id;
  coordinator = await actorFor(
    (await createMemberRow(cooperative.id, { isCoordinator: true, name: "Clara Coord" })).person.id,
  );
  employees = (
    await db.category.create({
      data: { cooperativeId: cooperative.id, name: "salarié·es", kind: "EMPLOYEE", position: 1 },
    })
  ).id;
  supporters = (
    await db.category.create({
      data: { cooperativeId: cooperative.id, name: "soutiens militants", position: 2 },
    })
  ).id;
  const elsewhere = await createCooperative("Ailleurs");
  other = await actorFor(
    (await createMemberRow(elsewhere.cooperative.id, { isCoordinator: true })).person.id,
  );
});

describe("the member register", () => {
  it("adds a member with category, shares and newsletter consent, and an audit entry", async () => {
    const result = await createMember(
      coordinator,
      input({ name: "Élise Hamon", email: "Elise@Exemple.org", newsletterConsent: "on", shares: "3" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const member = await getMember(coordinator, result.data.id);
    expect(member).toMatchObject({
      name: "Élise Hamon",
      email: "elise@exemple.org",
      category: "salarié·es",
      shares: 3,
      newsletterConsent: true,
      activated: false,
    });
    expect(await db.auditEntry.count({ where: { entityId: result.data.id, action: "member.created" } })).toBe(
      1,
    );
  });

  it("refuses a second member with the same e-mail", async () => {
    expect(await createMember(coordinator, input({ name: "Double", email: "elise@exemple.org" }))).toEqual({
      ok: false,
      error: "emailTaken",
    });
  });

  it("refuses a category of another cooperative", async () => {
    const foreign = await db.category.create({
      data: { cooperativeId: other.cooperativeId, name: "x", position: 1 },
    });
    expect(await createMember(coordinator, input({ name: "X", categoryId: foreign.id }))).toEqual({
      ok: false,
      error: "categoryUnknown",
    });
  });

  it("changes a category with dates, and counts the person in the old college before and the new one after", async () => {
    const created = await createMember(
      coordinator,
      input({ name: "Émilie Hameau", email: "emilie@exemple.org" }),
    );
    if (!created.ok) throw new Error("not created");
    const id = created.data.id;
    expect(await changeCategory(coordinator, id, { categoryId: supporters, from: "2019-08-01" })).toEqual({
      ok: false,
      error: "changeNotAfterCurrent",
    });
    expect(await changeCategory(coordinator, id, { categoryId: supporters, from: "2023-02-15" })).toEqual({
      ok: true,
      data: null,
    });

    const member = await getMember(coordinator, id);
    expect(member?.history).toEqual([
      { categoryName: "salarié·es", validFrom: "2019-09-01", validTo: "2023-02-15" },
      { categoryName: "soutiens militants", validFrom: "2023-02-15", validTo: null },
    ]);

    // Two council meetings, the day before and the day of the change.
    for (const [number, startsAt] of [
      [21, "2023-02-14T18:30:00Z"],
      [22, "2023-02-15T18:30:00Z"],
    ] as const) {
      const meeting = await buildMeeting({
        cooperativeId: coordinator.cooperativeId,
        bodyId: councilId,
        number,
        startsAt: new Date(startsAt),
      });
      await db.attendance.create({
        data: {
          cooperativeId: coordinator.cooperativeId,
          meetingId: meeting.id,
          membershipId: id,
          status: "PRESENT",
        },
      });
    }
    expect((await getMeeting(coordinator, "conseil", 21))?.attendance.present[0]?.category).toBe(
      "salarié·es",
    );
    const after = (await getMeeting(coordinator, "conseil", 22))?.attendance.present[0];
    expect(after).toMatchObject({ category: "soutiens militants", formerCategory: "salarié·es" });
  });

  it("edits identity and consent; unticking consent unsubscribes, it does not delete", async () => {
    const created = await createMember(
      coordinator,
      input({ name: "Paul", email: "paul@exemple.org", newsletterConsent: "on" }),
    );
    if (!created.ok) throw new Error("not created");
    expect(
      await updateMember(
        coordinator,
        created.data.id,
        input({ name: "Paul Martin", email: "paul@exemple.org", phone: "01 02 03 04 05" }),
      ),
    ).toEqual({ ok: true, data: null });
    expect(await getMember(coordinator, created.data.id)).toMatchObject({
      name: "Paul Martin",
      phone: "01 02 03 04 05",
      newsletterConsent: false,
    });
    const recipient = await db.newsletterRecipient.findFirst({ where: { email: "paul@exemple.org" } });
    expect(recipient?.unsubscribedAt).not.toBeNull();
  });

  it("a save that leaves the box as it was never undoes an unsubscribe made meanwhile", async () => {
    const created = await createMember(
      coordinator,
      input({ name: "Lina", email: "lina@exemple.org", newsletterConsent: "on" }),
    );
    if (!created.ok) throw new Error("not created");
    // The page opened with the box ticked; meanwhile Lina unsubscribed from a letter.
    await db.newsletterRecipient.updateMany({
      where: { email: "lina@exemple.org" },
      data: { unsubscribedAt: new Date() },
    });
    await updateMember(
      coordinator,
      created.data.id,
      input({
        name: "Lina",
        email: "lina@exemple.org",
        phone: "06 00 00 00 00",
        newsletterConsent: "on",
        newsletterConsentWas: "on",
      }),
    );
    const kept = await db.newsletterRecipient.findFirst({ where: { email: "lina@exemple.org" } });
    expect(kept?.unsubscribedAt).not.toBeNull();
    // The coordinator ticks it on purpose (she asked again): then it is consent again.
    await updateMember(
      coordinator,
      created.data.id,
      input({ name: "Lina", email: "lina@exemple.org", newsletterConsent: "on", newsletterConsentWas: "" }),
    );
    const again = await db.newsletterRecipient.findFirst({ where: { email: "lina@exemple.org" } });
    expect(again?.unsubscribedAt).toBeNull();
  });

  it("invites by e-mail; the link sets a password and activates the account", async () => {
    const created = await createMember(coordinator, input({ name: "Awa Touré", email: "awa@exemple.org" }));
    if (!created.ok) throw new Error("not created");
    expect((await listMembers(coordinator, { status: "inactive" })).map((m) => m.name)).toContain(
      "Awa Touré",
    );
    expect(await inviteMember(coordinator, created.data.id)).toEqual({ ok: true, data: null });
    expect(await inviteMember(coordinator, created.data.id)).toEqual({ ok: true, data: null }); // resend
    const mails = await db.outboxEmail.findMany({ where: { toAddress: "awa@exemple.org" } });
    expect(mails).toHaveLength(2);
    const token = decodeURIComponent(/token=(\S+)/.exec(mails[1]!.textBody)![1]!);
    expect(await resetPassword({ token, password: "mon-mot-de-passe", confirm: "mon-mot-de-passe" })).toEqual(
      { ok: true, data: null },
    );
    expect((await verifyCredentials("awa@exemple.org", "mon-mot-de-passe", null)).ok).toBe(true);
    expect((await listMembers(coordinator, { status: "inactive" })).map((m) => m.name)).not.toContain(
      "Awa Touré",
    );
  });

  it("archives without deleting: no sign-in, mandates end, history kept, and can be restored", async () => {
    const created = await createMember(coordinator, input({ name: "Marc", email: "marc@exemple.org" }));
    if (!created.ok) throw new Error("not created");
    const id = created.data.id;
    await db.mandate.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        bodyId: councilId,
        membershipId: id,
        startsOn: new Date("2022-06-15"),
      },
    });
    await inviteMember(coordinator, id);
    expect(await setArchived(coordinator, id, true)).toEqual({ ok: true, data: null });
    expect((await listMembers(coordinator)).map((m) => m.name)).not.toContain("Marc");
    expect((await listMembers(coordinator, { status: "archived" })).map((m) => m.name)).toContain("Marc");
    expect((await db.mandate.findFirstOrThrow({ where: { membershipId: id } })).endsOn).not.toBeNull();
    expect(await inviteMember(coordinator, id)).toEqual({ ok: false, error: "archived" });
    expect(await getMember(coordinator, id)).toMatchObject({
      status: "ARCHIVED",
      history: [{ categoryName: "salarié·es" }],
    });
    expect(await setArchived(coordinator, id, false)).toEqual({ ok: true, data: null });
    expect(
      await db.auditEntry.count({
        where: { entityId: id, action: { in: ["member.archived", "member.restored"] } },
      }),
    ).toBe(2);
  });

  it("finds members by name or e-mail, whatever the case", async () => {
    expect((await listMembers(coordinator, { q: "HAMON" })).map((m) => m.name)).toEqual(["Élise Hamon"]);
    expect((await listMembers(coordinator, { q: "awa@" })).map((m) => m.name)).toEqual(["Awa Touré"]);
  });

  it("stays inside the cooperative and the coordinator's role", async () => {
    const [someone] = await listMembers(coordinator);
    expect(await getMember(other, someone!.id)).toBeNull();
    expect(await setArchived(other, someone!.id, true)).toEqual({ ok: false, error: "notFound" });
    const plain = await actorFor((await createMemberRow(coordinator.cooperativeId)).person.id);
    await expect(listMembers(plain)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMember(plain, input({ name: "Intrus" }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
