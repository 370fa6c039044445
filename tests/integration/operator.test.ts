import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor, loadSupportActor } from "@/lib/auth/actor";
import { resetPassword, verifyCredentials } from "@/lib/auth/service";
import { completeSetup, makeOperator, setupIsOpen, setupLinkIfEmpty } from "@/lib/operator/accounts.internal";
import { NotOperatorError, type Operator } from "@/lib/operator/operator";
import { deleteDueCooperatives } from "@/lib/operator/deletion.internal";
import {
  cancelDeletion,
  createCooperative,
  requestDeletion,
  listCooperatives,
  resumeCooperative,
  suspendCooperative,
} from "@/lib/operator/service";
import { firstSteps } from "@/lib/statutes/first-steps";
import { cooperativeExport } from "@/lib/operator/export";
import { castOwnBallot } from "@/lib/votes/cast";
import { postPublicIdea } from "@/lib/ideas/public-page";
import { grantSupport, openSupport, revokeSupport, supportGrants } from "@/lib/operator/support";
import { seedIfEmpty } from "@/scripts/seed";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { createMember, PASSWORD } from "@/tests/factories/people";

// Issue 16: the network's operator starts a real cooperative's space; the demo only when asked.

const linkIn = async (to: string) => {
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: to },
    orderBy: { createdAt: "desc" },
  });
  return { mail, token: /token=([^\s&]+)/.exec(mail.textBody)?.[1] };
};

describe("an empty portal", () => {
  it("prints a one-time link that creates its first operator, and no other", async () => {
    // Workers started together each printed a link; all are used at the same instant.
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++)
      tokens.push(decodeURIComponent((await setupLinkIfEmpty())!.split("jeton=")[1]!));
    const race = await Promise.all(
      tokens.map((token, i) =>
        completeSetup({
          token,
          name: `Course ${i}`,
          email: `course${i}@reseau.example.org`,
          password: "un-mot-de-passe-sur",
          confirm: "un-mot-de-passe-sur",
        }),
      ),
    );
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.person.count({ where: { isOperator: true } })).toBe(1);
    await db.person.updateMany({ where: { isOperator: true }, data: { isOperator: false } });
    await db.operatorSetup.deleteMany({});

    const link = await setupLinkIfEmpty();
    expect(link).toMatch(/\/installation\?jeton=[A-Za-z0-9_-]{43}$/);
    const token = decodeURIComponent(link!.split("jeton=")[1]!);
    expect(await db.operatorSetup.count({ where: { tokenHash: token } })).toBe(0); // stored hashed
    expect(await setupIsOpen(token)).toBe(true);
    const input = {
      token,
      name: "Réseau des centres",
      email: "exploitation@reseau.example.org",
      password: "un-mot-de-passe-sur",
      confirm: "un-mot-de-passe-sur",
    };
    expect(await completeSetup(input)).toEqual({ ok: true, data: null });
    // The operator signs in without belonging to any cooperative.
    const signedIn = await verifyCredentials(input.email, input.password, null);
    expect(signedIn.ok).toBe(true);
    // Used once; and with an operator, no new link is printed.
    expect(await completeSetup({ ...input, email: "autre@exemple.org" })).toEqual({
      ok: false,
      error: "setupInvalid",
    });
    expect(await setupIsOpen(token)).toBe(false);
    expect(await setupLinkIfEmpty()).toBeNull();
  });
});

async function theOperator(): Promise<Operator> {
  const person = await db.person.upsert({
    where: { email: "exploitation@reseau.example.org" },
    create: { email: "exploitation@reseau.example.org", name: "Réseau", isOperator: true },
    update: { isOperator: true },
  });
  return { personId: person.id, name: person.name, email: person.email, isOperator: true };
}

describe("the operator creates a cooperative", () => {
  it("ready for its first steps: law's statutes, council and assembly, its coordinator invited", async () => {
    const operator = await theOperator();
    const created = await createCooperative(operator, {
      name: "SCIC Maison de santé des Tilleuls",
      shortName: null,
      city: null,
      slug: "tilleuls",
      coordinatorName: "Nadia Ouali",
      coordinatorEmail: "nadia@tilleuls.example.org",
    });
    if (!created.ok) throw new Error(created.error);
    const coop = await db.cooperative.findUniqueOrThrow({
      where: { id: created.data.id },
      include: { statutes: true, bodies: true },
    });
    expect(coop.isDemo).toBe(false);
    expect(coop.statutes).not.toBeNull();
    expect(coop.bodies.map((b) => b.kind).sort()).toEqual(["COUNCIL", "GENERAL_ASSEMBLY"]);
    expect(
      await db.auditEntry.count({ where: { cooperativeId: coop.id, action: "cooperative.created" } }),
    ).toBe(1);

    // Her invitation is hers: a link to choose her password.
    const { mail, token } = await linkIn("nadia@tilleuls.example.org");
    expect(mail.subject).toContain("SCIC Maison de santé des Tilleuls");
    expect(token).toBeTruthy();
    expect(
      await resetPassword({ token: decodeURIComponent(token!), password: PASSWORD, confirm: PASSWORD }),
    ).toEqual({ ok: true, data: null });
    const signedIn = await verifyCredentials("nadia@tilleuls.example.org", PASSWORD, null);
    if (!signedIn.ok) throw new Error(signedIn.error);
    const nadia = (await loadActor(signedIn.personId))!;
    expect(nadia.cooperativeId).toBe(coop.id);
    expect(nadia.roles).toContain("coordinator");
    // Her home lists the first steps, none done but… none.
    const steps = await firstSteps(nadia);
    expect(steps?.map((s) => [s.key, s.done])).toEqual([
      ["identity", false],
      ["colleges", false],
      ["council", false],
      ["register", false],
      ["meeting", false],
    ]);

    // The same short address is refused, in words under the field.
    expect(
      await createCooperative(operator, {
        name: "Autre",
        shortName: null,
        city: null,
        slug: "tilleuls",
        coordinatorName: "X",
        coordinatorEmail: "x@exemple.org",
      }),
    ).toEqual({ ok: false, error: "slugTaken", fieldErrors: { slug: "slugTaken" } });

    // The operator's list: how to reach it and its size, not its content.
    const rows = await listCooperatives(operator);
    const row = rows.find((r) => r.id === coop.id)!;
    expect(row).toMatchObject({ slug: "tilleuls", members: 1, isDemo: false, suspendedAt: null });
    expect(Object.keys(row).sort()).toEqual(
      [
        "bytesUsed",
        "city",
        "createdAt",
        "deletionDueAt",
        "id",
        "isDemo",
        "lastActivity",
        "members",
        "name",
        "shortName",
        "slug",
        "supportUntil",
        "suspendedAt",
      ].sort(),
    );
  });

  it("someone who already has an account keeps it, and is told without a password link", async () => {
    const operator = await theOperator();
    const other = await createCooperative(operator, {
      name: "Première",
      shortName: null,
      city: null,
      slug: "premiere",
      coordinatorName: "Paul",
      coordinatorEmail: "paul-existant@exemple.org",
    });
    if (!other.ok) throw new Error(other.error);
    await db.person.update({ where: { email: "paul-existant@exemple.org" }, data: { passwordHash: "x" } });
    const second = await createCooperative(operator, {
      name: "Seconde",
      shortName: null,
      city: null,
      slug: "seconde",
      coordinatorName: "Paul (seconde)",
      coordinatorEmail: "paul-existant@exemple.org",
    });
    if (!second.ok) throw new Error(second.error);
    const { mail, token } = await linkIn("paul-existant@exemple.org");
    expect(mail.cooperativeId).toBe(second.data.id);
    expect(token).toBeUndefined();
    expect(mail.textBody).toContain("Connectez-vous avec votre compte habituel");
    const membership = await db.membership.findFirstOrThrow({ where: { cooperativeId: second.data.id } });
    expect(membership.displayName).toBe("Paul (seconde)");
  });

  it("is refused to anyone who is not the operator, whatever they hold", async () => {
    const { person } = await createMember((await db.cooperative.findFirstOrThrow()).id, {
      isCoordinator: true,
    });
    const forged = { personId: person.id, name: "x", email: null, isOperator: false } as unknown as Operator;
    await expect(listCooperatives(forged)).rejects.toBeInstanceOf(NotOperatorError);
    await expect(
      createCooperative(forged, {
        name: "Pirate",
        shortName: null,
        city: null,
        slug: "pirate",
        coordinatorName: "x",
        coordinatorEmail: "x@exemple.org",
      }),
    ).rejects.toBeInstanceOf(NotOperatorError);
    expect(await db.cooperative.count({ where: { slug: "pirate" } })).toBe(0);
  });

  it("suspends one: its members see the operator's message and the cooperative is read-only", async () => {
    const operator = await theOperator();
    const coop = await db.cooperative.findUniqueOrThrow({ where: { slug: "tilleuls" } });
    const nadia = await db.person.findUniqueOrThrow({ where: { email: "nadia@tilleuls.example.org" } });
    expect(await suspendCooperative(operator, { id: coop.id, note: "Facture en attente." })).toEqual({
      ok: true,
      data: null,
    });
    expect((await loadActor(nadia.id))?.cooperativeSuspension).toBe("Facture en attente.");
    // Read-only for everyone: the ballot box and the public idea box refuse too.
    expect(
      await castOwnBallot({
        personId: nadia.id,
        sessionVersion: nadia.sessionVersion,
        preferredCooperativeId: coop.id,
        questionId: "nimporte-laquelle",
        choice: "FOR",
      }),
    ).toEqual({ ok: false, reason: "suspended" });
    expect(
      await postPublicIdea({
        slug: "tilleuls",
        input: { text: "Une idée", theme: null, name: null, contact: null, website: "" },
        address: "192.0.2.50",
        locale: "fr",
      }),
    ).toEqual({ ok: false, error: "suspended" });
    expect(await resumeCooperative(operator, coop.id)).toEqual({ ok: true, data: null });
    expect((await loadActor(nadia.id))?.cooperativeSuspension).toBeNull();
    expect(await suspendCooperative(operator, { id: "inconnue", note: "x" })).toEqual({
      ok: false,
      error: "notFound",
    });
  });

  it("makeOperator (npm run operator:create) gives a link to choose the password once", async () => {
    const link = await makeOperator({ email: "Seconde.Exploitante@Reseau.example.org", name: "Seconde" });
    expect(link).toMatch(/\/mot-de-passe\/nouveau\?token=/);
    const person = await db.person.findUniqueOrThrow({
      where: { email: "seconde.exploitante@reseau.example.org" },
    });
    expect(person.isOperator).toBe(true);
    await db.person.update({ where: { id: person.id }, data: { passwordHash: "x" } });
    expect(
      await makeOperator({ email: "seconde.exploitante@reseau.example.org", name: "Seconde" }),
    ).toBeNull();
  });
});

describe("support access", () => {
  it("is granted by the coordinator for a while, read-only, audited, and revocable", async () => {
    const operator = await theOperator();
    const coop = await db.cooperative.findUniqueOrThrow({ where: { slug: "tilleuls" } });
    const nadiaPerson = await db.person.findUniqueOrThrow({ where: { email: "nadia@tilleuls.example.org" } });
    const nadia = (await loadActor(nadiaPerson.id, coop.id))!;
    // No grant: the operator reads nothing, and cannot open it.
    expect(await loadSupportActor(operator.personId, coop.id)).toBeNull();
    expect(await openSupport(operator, coop.id)).toEqual({ ok: false, error: "notFound" });
    expect(await cooperativeExport(operator, coop.id)).toBeNull();

    expect(await grantSupport(nadia, { hours: 24, reason: "Vérifier les collèges" })).toEqual({
      ok: true,
      data: null,
    });
    const [grant] = await supportGrants(nadia);
    expect(grant).toMatchObject({ reason: "Vérifier les collèges", active: true });
    expect((await listCooperatives(operator)).find((c) => c.id === coop.id)?.supportUntil).toEqual(
      grant!.expiresAt,
    );
    expect(await openSupport(operator, coop.id)).toEqual({ ok: true, data: { cooperativeId: coop.id } });
    // With the grant, its file may leave (to move it to another portal).
    expect((await cooperativeExport(operator, coop.id))?.filename).toMatch(/^cooperative-tilleuls-/);
    const support = await loadSupportActor(operator.personId, coop.id);
    expect(support).toMatchObject({ cooperativeId: coop.id, membershipId: "", roles: ["coordinator"] });
    expect(support?.support?.until).toEqual(grant!.expiresAt);
    // Someone who is not the operator gets nothing from the grant.
    expect(await loadSupportActor(nadiaPerson.id, coop.id)).toBeNull();
    // After the grant's end, nothing either.
    expect(
      await loadSupportActor(operator.personId, coop.id, new Date(Date.now() + 25 * 3_600_000)),
    ).toBeNull();
    // Every step is in the cooperative's journal.
    const journal = await db.auditEntry.findMany({
      where: { cooperativeId: coop.id, action: { startsWith: "support." } },
      select: { action: true },
    });
    expect(journal.map((j) => j.action).sort()).toEqual(["support.granted", "support.opened"]);

    // Revoked: the operator's reading ends at once.
    expect(await revokeSupport(nadia, grant!.id)).toEqual({ ok: true, data: null });
    expect(await loadSupportActor(operator.personId, coop.id)).toBeNull();
    expect(await revokeSupport(nadia, grant!.id)).toEqual({ ok: false, error: "notFound" });
    expect(await db.auditEntry.count({ where: { cooperativeId: coop.id, action: "support.revoked" } })).toBe(
      1,
    );
  });

  it("another cooperative's coordinator cannot revoke nor list it", async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { slug: "tilleuls" } });
    const nadiaPerson = await db.person.findUniqueOrThrow({ where: { email: "nadia@tilleuls.example.org" } });
    const nadia = (await loadActor(nadiaPerson.id, coop.id))!;
    await grantSupport(nadia, { hours: 1, reason: "Aide" });
    const [grant] = await supportGrants(nadia);
    const elsewhere = await db.cooperative.findUniqueOrThrow({ where: { slug: "seconde" } });
    const paul = await db.person.findUniqueOrThrow({ where: { email: "paul-existant@exemple.org" } });
    const other = (await loadActor(paul.id, elsewhere.id))!;
    expect(await revokeSupport(other, grant!.id)).toEqual({ ok: false, error: "notFound" });
    expect((await supportGrants(other)).some((g) => g.id === grant!.id)).toBe(false);
  });
});

describe("deleting a cooperative", () => {
  it("asks its name, suspends it, can be restored, then the worker deletes it and its own accounts", async () => {
    const operator = await theOperator();
    const made = await createCooperative(operator, {
      name: "SCIC Éphémère",
      shortName: null,
      city: null,
      slug: "ephemere",
      coordinatorName: "Léa",
      coordinatorEmail: "lea@ephemere.example.org",
    });
    if (!made.ok) throw new Error(made.error);
    const id = made.data.id;
    // Also a member there: Paul, who coordinates « Seconde » too and keeps his account.
    const paul = await db.person.findUniqueOrThrow({ where: { email: "paul-existant@exemple.org" } });
    await db.membership.create({ data: { cooperativeId: id, personId: paul.id } });

    expect(await requestDeletion(operator, { id, confirmName: "SCIC Ephemere" })).toEqual({
      ok: false,
      error: "deletionNameMismatch",
      fieldErrors: { confirmName: "deletionNameMismatch" },
    });
    const asked = await requestDeletion(operator, { id, confirmName: "SCIC Éphémère" });
    expect(asked.ok).toBe(true);
    const pending = await db.cooperative.findUniqueOrThrow({ where: { id } });
    expect(pending.suspendedAt).not.toBeNull();
    expect(pending.deletionDueAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // Before its day, the worker leaves it; restored, it is whole again.
    expect(await deleteDueCooperatives()).toEqual([]);
    expect(await cancelDeletion(operator, id)).toEqual({ ok: true, data: null });
    expect(await db.cooperative.findUniqueOrThrow({ where: { id } })).toMatchObject({
      deletionDueAt: null,
      suspendedAt: null,
    });
    expect(await cancelDeletion(operator, id)).toEqual({ ok: false, error: "notFound" });

    // Suspended before (an unpaid bill), then deleted, then restored: still suspended, as it was.
    await suspendCooperative(operator, { id, note: "Facture en attente." });
    await requestDeletion(operator, { id, confirmName: "SCIC Éphémère" });
    await cancelDeletion(operator, id);
    expect(await db.cooperative.findUniqueOrThrow({ where: { id } })).toMatchObject({
      deletionDueAt: null,
      suspendedAt: expect.any(Date),
      suspensionNote: "Facture en attente.",
    });
    await resumeCooperative(operator, id);

    await requestDeletion(operator, { id, confirmName: "SCIC Éphémère" });
    expect(await deleteDueCooperatives(new Date(Date.now() + 8 * 86_400_000))).toEqual([id]);
    expect(await db.cooperative.count({ where: { id } })).toBe(0);
    expect(await db.membership.count({ where: { cooperativeId: id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { cooperativeId: id } })).toBe(0);
    // Léa belonged nowhere else: her account goes. Paul's stays, with his other cooperative.
    expect(await db.person.count({ where: { email: "lea@ephemere.example.org" } })).toBe(0);
    expect(await db.person.count({ where: { id: paul.id } })).toBe(1);
    expect(await db.cooperative.count({ where: { slug: "seconde" } })).toBe(1);
  });
});

describe("the demo only when asked", () => {
  const before = process.env.PORTAIL_DEMO;
  afterEach(() => {
    process.env.PORTAIL_DEMO = before;
  });

  it("marks the demo; with the demo off, its accounts sign in nowhere and its sessions end", async () => {
    await seedIfEmpty(process.env.DATABASE_URL!);
    const demo = await db.cooperative.findFirstOrThrow({ where: { isDemo: true } });
    expect(demo.slug).toBe("bois-joli");
    const clara = await db.person.findUniqueOrThrow({
      where: { email: "coordination@demo.portail-scic.fr" },
    });
    process.env.PORTAIL_DEMO = "true";
    expect((await verifyCredentials(clara.email!, DEMO_PASSWORD, null)).ok).toBe(true);
    expect((await loadActor(clara.id))?.cooperativeIsDemo).toBe(true);
    process.env.PORTAIL_DEMO = "false";
    expect(await verifyCredentials(clara.email!, DEMO_PASSWORD, null)).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await loadActor(clara.id)).toBeNull();
  });
});
