import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  callSheet,
  consentByToken,
  consentFromProfile,
  consentFromPublicPage,
  contactList,
  enterPaperConsent,
  mailSelection,
  myContactConsent,
  removeContact,
  withdrawByToken,
  withdrawMine,
} from "@/lib/contacts/service";
import { consentSchema, contactFilter } from "@/lib/contacts/schema";
import { exportMyData } from "@/lib/members/privacy";
import { reconfirmContacts } from "@/lib/contacts/reminders.internal";
import { confirmByToken } from "@/lib/contacts/service";
import { seedIfEmpty } from "../../scripts/seed";
import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";

// Issue 20: people willing to be contacted — explicit, dated consent, apart from membership,
// withdrawn by one link; the coordinator filters, calls and writes; nobody else reads the list.

let coordinator: Actor, member: Actor, other: Actor;
const filter = (params: Record<string, string> = {}) => contactFilter(params);
const form = (values: Record<string, string>) => consentSchema.safeParse(values);

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, member] = (await Promise.all(["coordination", "paul.martin"].map(signInAs))) as [
    Actor,
    Actor,
  ];
  const { cooperative } = await createCooperative("Contacts Est");
  const boss = await createMember(cooperative.id, { isCoordinator: true });
  other = await actorFor(boss.person.id, cooperative.id);
});

describe("consent is explicit", () => {
  it("needs the box ticked, a reason and a way to be reached", () => {
    const missing = form({ name: "Nadia" });
    expect(missing.success).toBe(false);
    const codes = missing.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(codes).toEqual(
      expect.arrayContaining(["agree:agreeRequired", "purposes:purposeRequired", "phone:reachRequired"]),
    );
    // A forged purpose or channel is dropped, not stored.
    const forged = form({
      name: "N",
      phone: "06",
      purposes: "visitors,admin",
      channels: "pigeon,sms",
      agree: "on",
    });
    expect(forged.success && forged.data).toMatchObject({ purposes: ["visitors"], channels: ["sms"] });
  });
});

describe("joining the list and leaving it", () => {
  it("an inhabitant without an account joins from the public page and leaves with one link", async () => {
    const input = form({
      name: "Nadia Benyahia",
      phone: "06 12 34 56 78",
      purposes: "visitors,events",
      channels: "phone,sms",
      availability: "le soir",
      languages: "Arabe, français",
      agree: "on",
    });
    const joined = await consentFromPublicPage({
      slug: "bois-joli",
      input: input.success ? input.data : (null as never),
      address: "10.1.2.3",
      locale: "fr",
    });
    expect(joined.ok).toBe(true);
    const link = joined.ok ? joined.data.withdrawal : "";
    expect(link).toMatch(/\/i\/bois-joli\/contact\/retrait\/\S+$/);
    const row = await db.contactConsent.findFirstOrThrow({ where: { name: "Nadia Benyahia" } });
    expect(row).toMatchObject({
      source: "PUBLIC_FORM",
      membershipId: null,
      languages: ["arabe", "français"],
      consentText: expect.stringContaining("J'accepte que le centre de santé me contacte"),
    });
    expect(row.consentAt).toBeInstanceOf(Date);
    // The coordinator finds her by purpose and language.
    const found = await contactList(coordinator, filter({ pour: "visitors", langue: "arabe" }));
    expect(found.contacts.map((c) => c.name)).toContain("Nadia Benyahia");
    // The link of another cooperative's address, or a forged one, withdraws nobody.
    const token = link.split("/").at(-1)!;
    expect(await consentByToken("autre-cooperative", token)).toBeNull();
    expect(await withdrawByToken("bois-joli", `${row.id}.${"A".repeat(43)}`)).toBe(false);
    expect(await withdrawByToken("bois-joli", token)).toBe(true);
    // Withdrawn is gone: nothing of her is kept but the journal's line.
    expect(await db.contactConsent.count({ where: { id: row.id } })).toBe(0);
    expect((await contactList(coordinator, filter())).contacts.map((c) => c.name)).not.toContain(
      "Nadia Benyahia",
    );
    const journal = await db.auditEntry.findMany({
      where: { entityId: row.id },
      orderBy: { createdAt: "asc" },
    });
    expect(journal.map((e) => e.action)).toEqual(["contact.consented", "contact.withdrawn"]);
  });

  it("a member says yes in their profile, sees it in their data, and withdraws there", async () => {
    const input = form({
      name: "Paul Martin",
      email: "paul@exemple.org",
      purposes: "testimonies",
      agree: "on",
    });
    expect(await consentFromProfile(member, input.success ? input.data : (null as never))).toEqual({
      ok: true,
      data: null,
    });
    expect((await myContactConsent(member))?.source).toBe("PROFILE");
    const data = await exportMyData(member);
    expect(data.contactList.map((c) => c.purposes)).toContainEqual(["testimonies"]);
    expect(await withdrawMine(member)).toEqual({ ok: true, data: null });
    expect(await myContactConsent(member)).toBeNull();
  });
});

describe("an address typed on the public page", () => {
  it("is written to only after its owner confirms it (anyone can type anyone's address)", async () => {
    const input = form({ name: "Lina Voisine", email: "lina@exemple.org", purposes: "events", agree: "on" });
    const joined = await consentFromPublicPage({
      slug: "bois-joli",
      input: input.success ? input.data : (null as never),
      address: "10.1.2.4",
      locale: "fr",
    });
    expect(joined.ok).toBe(true);
    const row = await db.contactConsent.findFirstOrThrow({ where: { email: "lina@exemple.org" } });
    const mail = { subject: "Fête", body: "Samedi", footer: (l: string) => l };
    expect(await mailSelection(coordinator, { ids: [row.id], ...mail })).toEqual({
      ok: false,
      error: "notFound",
    });
    const verify = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "lina@exemple.org" } });
    expect(verify.subject).toMatch(/^Confirmez votre adresse/);
    const token = /\/contact\/confirmer\/(\S+)/.exec(verify.textBody)![1]!;
    expect(await confirmByToken("bois-joli", token)).toBe(true);
    expect(await mailSelection(coordinator, { ids: [row.id], ...mail })).toEqual({
      ok: true,
      data: { sent: 1 },
    });
  });
});

describe("the coordinator's list", () => {
  it("types in a paper form, exports a call sheet, writes through the outbox with each one's own link", async () => {
    const paper = form({
      name: "Mamadou Sy",
      phone: "06 99 88 77 66",
      email: "mamadou@exemple.org",
      purposes: "network",
      languages: "wolof, français",
      agree: "on",
    });
    expect(await enterPaperConsent(coordinator, paper.success ? paper.data : (null as never))).toEqual({
      ok: true,
      data: null,
    });
    const row = await db.contactConsent.findFirstOrThrow({ where: { name: "Mamadou Sy" } });
    expect(row).toMatchObject({ source: "PAPER", enteredById: coordinator.membershipId });
    const sheet = await callSheet(coordinator, filter({ pour: "network" }), {
      headers: ["Nom", "Téléphone", "E-mail", "Pour", "Quand", "Langues", "Mot", "À dire"],
      purpose: (p) => p,
      say: (name, purposes) => `Bonjour ${name} (${purposes})`,
    });
    expect(sheet.find((r) => r[0] === "Mamadou Sy")).toEqual([
      "Mamadou Sy",
      "06 99 88 77 66",
      "mamadou@exemple.org",
      "network",
      "",
      "wolof, français",
      "",
      "Bonjour Mamadou Sy (network)",
    ]);
    const sent = await mailSelection(coordinator, {
      ids: [row.id],
      subject: "Rencontres du réseau",
      body: "Le réseau se réunit du 27 au 30 septembre.",
      footer: (link) => `Pour ne plus être contacté·e : ${link}`,
    });
    expect(sent).toEqual({ ok: true, data: { sent: 1 } });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "mamadou@exemple.org" } });
    expect(mail.textBody).toMatch(/Pour ne plus être contacté·e : \S+\/i\/bois-joli\/contact\/retrait\/\S+/);
    // Withdrawn people are not written to.
    await withdrawByToken("bois-joli", mail.textBody.split("/contact/retrait/")[1]!.trim());
    expect(
      await mailSelection(coordinator, { ids: [row.id], subject: "x", body: "y", footer: (l) => l }),
    ).toEqual({ ok: false, error: "notFound" });
  });

  it("is the coordinator's only: a member is refused, another cooperative sees and removes nothing", async () => {
    await expect(contactList(member, filter())).rejects.toBeInstanceOf(ForbiddenError);
    const paper = form({ name: "X", phone: "1", purposes: "events", agree: "on" });
    await expect(
      enterPaperConsent(member, paper.success ? paper.data : (null as never)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await contactList(other, filter())).total).toBe(0);
    const ours = await db.contactConsent.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId },
    });
    expect(await removeContact(other, ours.id)).toEqual({ ok: false, error: "notFound" });
    expect(await mailSelection(other, { ids: [ours.id], subject: "s", body: "b", footer: (l) => l })).toEqual(
      { ok: false, error: "notFound" },
    );
    expect(await removeContact(coordinator, ours.id)).toEqual({ ok: true, data: null });
    expect(await db.contactConsent.count({ where: { id: ours.id } })).toBe(0);
  });
});

describe("every two years, consent is asked again", () => {
  it("asks once by e-mail, keeps who says yes, removes who does not answer in 30 days or cannot be asked", async () => {
    const day = 86_400_000;
    const now = new Date();
    const row = (
      name: string,
      email: string | null,
      confirmedDaysAgo: number,
      askedDaysAgo: number | null = null,
    ) =>
      db.contactConsent.create({
        data: {
          cooperativeId: coordinator.cooperativeId,
          name,
          email,
          phone: email ? null : "06 00 00 00 01",
          purposes: ["events"],
          source: "PAPER",
          consentText: "J'accepte.",
          consentAt: new Date(now.getTime() - confirmedDaysAgo * day),
          confirmedAt: new Date(now.getTime() - confirmedDaysAgo * day),
          confirmAskedAt: askedDaysAgo === null ? null : new Date(now.getTime() - askedDaysAgo * day),
        },
      });
    const asked = await row("Ancienne Réponse", "ancienne@exemple.org", 731);
    const silent = await row("Sans Réponse", "silence@exemple.org", 770, 31);
    const noEmail = await row("Sans Courriel", null, 770);
    const recent = await row("Récente", "recente@exemple.org", 100);
    const result = await reconfirmContacts(now);
    expect(result.removed).toBeGreaterThanOrEqual(2);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "ancienne@exemple.org" } });
    expect(mail.subject).toMatch(/^Voulez-vous rester sur la liste \?/);
    expect(await db.contactConsent.count({ where: { id: { in: [silent.id, noEmail.id] } } })).toBe(0);
    expect(await db.contactConsent.count({ where: { id: { in: [asked.id, recent.id] } } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { toAddress: "recente@exemple.org" } })).toBe(0);
    // Asked once only.
    await reconfirmContacts(now);
    expect(await db.outboxEmail.count({ where: { toAddress: "ancienne@exemple.org" } })).toBe(1);
    // « Oui, je reste »: two more years.
    const token = /\/contact\/confirmer\/(\S+)/.exec(mail.textBody)![1]!;
    expect(await confirmByToken("bois-joli", token)).toBe(true);
    const kept = await db.contactConsent.findUniqueOrThrow({ where: { id: asked.id } });
    expect(kept.confirmAskedAt).toBeNull();
    expect(kept.confirmedAt.getTime()).toBeGreaterThan(now.getTime() - day);
    const journal = await db.auditEntry.findMany({ where: { entityId: { in: [silent.id, asked.id] } } });
    expect(journal.map((e) => e.action).sort()).toEqual(["contact.confirmed", "contact.expired"]);
  });
});
