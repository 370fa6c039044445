import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { createPasswordLink, resetPassword } from "@/lib/auth/service";
import { createMember, getMember, inviteMember, updateMember } from "@/lib/members/service";
import { memberSchema } from "@/lib/members/schema";
import { actorFor, createCooperative, createMember as createMemberRow } from "@/tests/factories/people";

// An account belongs to its person (issue 15, 1): the coordinator of another cooperative of the
// network, who may add anyone to their own register, never gets a way into someone's account —
// no password link on their request, no changed e-mail, no changed name — and a password change
// shows in the journal of every cooperative the person belongs to.

const input = (fields: Record<string, string>) =>
  memberSchema.parse({ kind: "GUEST", shares: "0", ...fields });

let coordinatorA: Actor, coordinatorB: Actor;
let victim: { personId: string; email: string; name: string };

beforeAll(async () => {
  const a = await createCooperative("Centre de santé A");
  const b = await createCooperative("Centre de santé B");
  const clara = await createMemberRow(a.cooperative.id, { isCoordinator: true, name: "Clara Gautier" });
  coordinatorA = await actorFor(clara.person.id);
  coordinatorB = await actorFor(
    (await createMemberRow(b.cooperative.id, { isCoordinator: true, name: "Coordination B" })).person.id,
  );
  victim = { personId: clara.person.id, email: clara.email, name: "Clara Gautier" };
});

describe("another cooperative's coordinator adds someone who has an account", () => {
  let membershipInB: string;

  it("creates the membership and tells the person, with no link to choose a password", async () => {
    const tokensBefore = await db.passwordResetToken.count({ where: { personId: victim.personId } });
    const created = await createMember(
      coordinatorB,
      input({ name: "Nom choisi par B", email: victim.email, invite: "on" }),
    );
    if (!created.ok) throw new Error(created.error);
    membershipInB = created.data.id;
    expect(await db.passwordResetToken.count({ where: { personId: victim.personId } })).toBe(tokensBefore);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: victim.email, cooperativeId: coordinatorB.cooperativeId },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.textBody).toContain("Connectez-vous avec votre compte habituel");
    expect(mail.textBody).not.toMatch(/mot-de-passe\/nouveau|token=/);
    // The person's name is theirs: B's form did not rename them.
    expect((await db.person.findUniqueOrThrow({ where: { id: victim.personId } })).name).toBe(victim.name);
  });

  it("names them in B only, cannot change their account's name nor e-mail, and a resend sends no link", async () => {
    // B shows the name typed there; A and the account keep hers.
    expect(
      await updateMember(
        coordinatorB,
        membershipInB,
        input({ name: "Clara G. (centre Bois-Joli)", email: victim.email }),
      ),
    ).toEqual({ ok: true, data: null });
    expect((await getMember(coordinatorB, membershipInB))?.name).toBe("Clara G. (centre Bois-Joli)");
    const own = await db.membership.findFirstOrThrow({
      where: { personId: victim.personId, cooperativeId: coordinatorA.cooperativeId },
    });
    expect((await getMember(coordinatorA, own.id))?.name).toBe(victim.name);
    expect((await loadActor(victim.personId, coordinatorA.cooperativeId))?.name).toBe(victim.name);
    expect(
      await updateMember(
        coordinatorB,
        membershipInB,
        input({ name: victim.name, email: "pirate@exemple.org" }),
      ),
    ).toMatchObject({ ok: false, error: "accountOwnedEmail", fieldErrors: { email: "accountOwnedEmail" } });
    expect(await inviteMember(coordinatorB, membershipInB)).toEqual({ ok: true, data: null });
    const person = await db.person.findUniqueOrThrow({ where: { id: victim.personId } });
    expect(person).toMatchObject({ name: victim.name, email: victim.email });
    expect(await db.passwordResetToken.count({ where: { personId: victim.personId, usedAt: null } })).toBe(0);
  });

  it("her own cooperative's coordinator cannot move her e-mail either, once the account is hers", async () => {
    const own = await db.membership.findFirstOrThrow({
      where: { personId: victim.personId, cooperativeId: coordinatorA.cooperativeId },
    });
    expect(
      await updateMember(coordinatorA, own.id, input({ name: victim.name, email: "ailleurs@exemple.org" })),
    ).toMatchObject({ ok: false, error: "accountOwnedEmail" });
  });
});

describe("a register's own record, before its person has an account", () => {
  it("is still the coordinator's to correct", async () => {
    const created = await createMember(
      coordinatorA,
      input({ name: "Pierre-Yves Colinn", email: "py@exemple.org" }),
    );
    if (!created.ok) throw new Error(created.error);
    expect(
      await updateMember(
        coordinatorA,
        created.data.id,
        input({ name: "Pierre-Yves Colin", email: "pyc@exemple.org" }),
      ),
    ).toEqual({ ok: true, data: null });
  });
});

describe("a password change", () => {
  it("is in the journal of every cooperative the person belongs to, and the person is told", async () => {
    const link = await createPasswordLink(victim.personId, "http://portail.test", 3_600_000);
    const token = new URL(link).searchParams.get("token")!;
    const password = "un-mot-de-passe-neuf";
    expect(await resetPassword({ token, password, confirm: password })).toEqual({ ok: true, data: null });
    for (const coordinator of [coordinatorA, coordinatorB])
      expect(
        await db.auditEntry.count({
          where: {
            cooperativeId: coordinator.cooperativeId,
            action: "person.passwordReset",
            entityId: victim.personId,
          },
        }),
      ).toBe(1);
    const told = await db.outboxEmail.findFirst({
      where: { toAddress: victim.email, subject: { startsWith: "Votre mot de passe a été changé" } },
    });
    expect(told?.textBody).toContain("vos autres connexions sont terminées");
  });
});
