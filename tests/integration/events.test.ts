import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  addAtDoor,
  cancelByToken,
  cancelEvent,
  checkIn,
  createEvent,
  eventFor,
  eventIcs,
  eventList,
  inviteContacts,
  publicEvents,
  publicSignUp,
  removeSignup,
  signUp,
  signupByToken,
  updateEvent,
  withdrawSignup,
} from "@/lib/events/service";
import { eventSchema, publicSignupSchema, type EventInput } from "@/lib/events/schema";
import { forgetPastSignups, remindTomorrow } from "@/lib/events/reminders.internal";
import * as publicEventRoute from "@/app/(public)/i/[slug]/evenements/[id]/route";
import * as publicThanksRoute from "@/app/(public)/i/[slug]/evenements/merci/route";
import * as publicIcsRoute from "@/app/(public)/i/[slug]/evenements/[id]/ics/route";
import * as contactRoute from "@/app/(public)/i/[slug]/contact/route";
import { exportMyData } from "@/lib/members/privacy";
import { setArchived } from "@/lib/members/service";
import { seedIfEmpty } from "../../scripts/seed";
import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";

// Issue 20: events — announced by the coordinator, members sign up in one tap, inhabitants from
// the public page without an account, the capacity holds, the door list is ticked, the reminder
// goes out once, and another cooperative sees and touches nothing.

let coordinator: Actor, member: Actor, guest: Actor, other: Actor;
let coop: { id: string; slug: string; name: string; shortName: string | null; suspendedAt: Date | null };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const event = (over: Partial<EventInput> = {}): EventInput => ({
  kind: "CAFE",
  title: "Café-rencontre de test",
  description: "On parle du quartier.",
  startsAt: inDays(5),
  endsAt: null,
  place: "Salle commune",
  videoUrl: null,
  capacity: null,
  public: true,
  ...over,
});
const created = async (over: Partial<EventInput> = {}) => {
  const result = await createEvent(coordinator, event(over));
  if (!result.ok) throw new Error("not created");
  return result.data.id;
};
const inhabitant = (id: string, name: string, contact: { email?: string; phone?: string }) =>
  publicSignUp({
    cooperative: coop,
    eventId: id,
    input: { name, email: contact.email ?? null, phone: contact.phone ?? null },
    address: null,
    locale: "fr",
  });

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, member] = (await Promise.all(["coordination", "paul.martin"].map(signInAs))) as [
    Actor,
    Actor,
  ];
  coop = await db.cooperative.findUniqueOrThrow({
    where: { slug: "bois-joli" },
    select: { id: true, slug: true, name: true, shortName: true, suspendedAt: true },
  });
  const visitor = await createMember(coop.id, { kind: "GUEST", name: "Invitée Test" });
  guest = await actorFor(visitor.person.id, coop.id);
  const { cooperative } = await createCooperative("Événements Est");
  const boss = await createMember(cooperative.id, { isCoordinator: true });
  other = await actorFor(boss.person.id, cooperative.id);
});

describe("the form", () => {
  it("needs a kind, a title, a start, and a place or a video link; the end after the start", () => {
    const missing = eventSchema.safeParse({ title: "", startsAt: "", place: "", videoUrl: "" });
    expect(missing.success).toBe(false);
    const codes = missing.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(codes).toEqual(
      expect.arrayContaining(["kind:kindRequired", "title:titleRequired", "startsAt:dateTimeInvalid"]),
    );
    const where = eventSchema.safeParse({
      kind: "CAFE",
      title: "Café",
      startsAt: "2027-03-01T18:00",
      endsAt: "2027-03-01T17:00",
      capacity: "0",
    });
    const whereCodes = where.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(whereCodes).toEqual(
      expect.arrayContaining(["place:placeRequired", "endsAt:endBeforeStart", "capacity:capacityInvalid"]),
    );
    const forged = eventSchema.safeParse({
      kind: "PARTY",
      title: "x",
      startsAt: "2027-03-01T18:00",
      place: "x",
    });
    expect(forged.success).toBe(false);
    expect(publicSignupSchema.safeParse({ name: "Nadia" }).error!.issues[0]!.message).toBe("reachRequired");
  });
});

describe("who may do what", () => {
  it("a member or a guest reads and signs up, but does not announce, tick or invite", async () => {
    const id = await created();
    await expect(createEvent(member, event())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateEvent(member, id, event())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelEvent(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAtDoor(member, id, { name: "x", phone: null })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await signUp(guest, id)).ok).toBe(true);
    const seen = await eventFor(guest, id);
    // A member sees whether they come, not who else does.
    expect(seen).toMatchObject({ mine: true, taken: 1, signups: [] });
    const signup = await db.eventSignup.findFirstOrThrow({ where: { eventId: id } });
    await expect(checkIn(member, { eventId: id, signupId: signup.id, present: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(removeSignup(guest, { eventId: id, signupId: signup.id })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("another cooperative's coordinator neither sees nor touches the event", async () => {
    const id = await created({ title: "Café privé du Bois-Joli" });
    await signUp(member, id);
    const signup = await db.eventSignup.findFirstOrThrow({ where: { eventId: id } });
    expect(await eventFor(other, id)).toBeNull();
    expect((await eventList(other)).coming.map((e) => e.id)).not.toContain(id);
    expect(await updateEvent(other, id, event({ title: "Pris" }))).toEqual({ ok: false, error: "notFound" });
    expect(await cancelEvent(other, id)).toEqual({ ok: false, error: "notFound" });
    expect(await signUp(other, id)).toEqual({ ok: false, error: "notFound" });
    expect(await checkIn(other, { eventId: id, signupId: signup.id, present: true })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await removeSignup(other, { eventId: id, signupId: signup.id })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await addAtDoor(other, id, { name: "Intrus", phone: null })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await db.eventSignup.count({ where: { eventId: id } })).toBe(1);
    expect((await db.communityEvent.findUniqueOrThrow({ where: { id } })).title).toBe(
      "Café privé du Bois-Joli",
    );
    // Its public page does not list it either.
    expect(
      (await publicEvents((await db.cooperative.findFirstOrThrow({ where: { id: other.cooperativeId } })).id))
        .length,
    ).toBe(0);
  });
});

describe("signing up", () => {
  it("a member and an inhabitant fill the places; the next one is told it is full", async () => {
    const id = await created({ capacity: 2 });
    expect(await signUp(member, id)).toEqual({ ok: true, data: null });
    // A second tap changes nothing.
    expect(await signUp(member, id)).toEqual({ ok: true, data: null });
    const joined = await inhabitant(id, "Nadia Benyahia", { email: "nadia.events@exemple.org" });
    expect(joined.ok && joined.data.cancel).toBeTruthy();
    expect(await signUp(guest, id)).toEqual({ ok: false, error: "full" });
    expect(await inhabitant(id, "Karim", { phone: "06 00 00 00 01" })).toEqual({ ok: false, error: "full" });
    // The confirmation names the event and carries the link that frees the place.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "nadia.events@exemple.org" } });
    expect(mail.subject).toContain("Café-rencontre de test");
    expect(mail.textBody).toContain("/evenements/annuler/");
    // The member frees a place: the guest gets it.
    expect(await withdrawSignup(member, id)).toEqual({ ok: true, data: null });
    // A second tap finds nothing more to undo.
    expect(await withdrawSignup(member, id)).toEqual({ ok: true, data: null });
    expect(await withdrawSignup(other, id)).toEqual({ ok: false, error: "notFound" });
    expect(await signUp(guest, id)).toEqual({ ok: true, data: null });
  });

  it("twenty inhabitants at once for five places: exactly five get one", async () => {
    const id = await created({ capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => inhabitant(id, `Habitant ${i}`, { phone: `07 00 00 00 ${i}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "full")).toHaveLength(15);
    expect(await db.eventSignup.count({ where: { eventId: id } })).toBe(5);
  });

  it("the same contact twice is one sign-up, and the second gets no link to cancel the first", async () => {
    const id = await created();
    const first = await inhabitant(id, "Lina", { email: "lina.events@exemple.org" });
    const second = await inhabitant(id, "Quelqu'un d'autre", { email: "lina.events@exemple.org" });
    expect(first.ok && first.data.cancel).toBeTruthy();
    expect(second).toEqual({ ok: true, data: { cancel: null } });
    expect(await db.eventSignup.count({ where: { eventId: id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: "lina.events@exemple.org" } })).toBe(1);
    // A phone written another way, or a member's own address typed on the public page: the same person.
    await inhabitant(id, "Karim", { phone: "06 12 34 56 78" });
    expect(await inhabitant(id, "Karim", { phone: "+33 6 12 34 56 78" })).toEqual({
      ok: true,
      data: { cancel: null },
    });
    await signUp(member, id);
    expect(await inhabitant(id, "Paul", { email: member.email! })).toEqual({
      ok: true,
      data: { cancel: null },
    });
    expect(await db.eventSignup.count({ where: { eventId: id } })).toBe(3);
  });

  it("the confirmation never carries what was typed as a name (anyone can type anyone's address)", async () => {
    const id = await created({ title: "Café sans nom" });
    await inhabitant(id, "Gagnez un iPhone sur http://arnaque.example", {
      email: "cible.events@exemple.org",
    });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "cible.events@exemple.org" } });
    expect(mail.textBody).not.toContain("arnaque");
    expect(mail.textBody).toContain("Café sans nom");
  });

  it("a cancelled, past or members-only event takes no sign-up from the public page", async () => {
    const past = await created();
    await db.communityEvent.update({ where: { id: past }, data: { startsAt: inDays(-2) } });
    expect(await signUp(member, past)).toEqual({ ok: false, error: "over" });
    expect(await inhabitant(past, "A", { phone: "1" })).toEqual({ ok: false, error: "over" });
    const members = await created({ public: false });
    expect(await inhabitant(members, "A", { phone: "1" })).toEqual({ ok: false, error: "notFound" });
    expect((await publicEvents(coop.id)).map((e) => e.id)).not.toContain(members);
    const cancelled = await created();
    expect(await cancelEvent(coordinator, cancelled)).toEqual({ ok: true, data: null });
    expect(await signUp(member, cancelled)).toEqual({ ok: false, error: "cancelled" });
    expect(await inhabitant(cancelled, "A", { phone: "1" })).toEqual({ ok: false, error: "cancelled" });
  });

  it("an inhabitant frees the place with their link, and only with their own", async () => {
    const id = await created({ capacity: 1 });
    const joined = await inhabitant(id, "Mamadou", { phone: "06 11 22 33 44" });
    const token = joined.ok ? joined.data.cancel! : "";
    // A forged link, or the right link on another cooperative's address, finds nothing.
    const [rowId] = token.split(".");
    expect(await signupByToken(coop.slug, `${rowId}.${"A".repeat(43)}`)).toBeNull();
    const otherSlug = (await db.cooperative.findUniqueOrThrow({ where: { id: other.cooperativeId } })).slug;
    expect(await cancelByToken(otherSlug, token)).toBe("invalid");
    expect(await signupByToken(coop.slug, token)).toMatchObject({ name: "Mamadou" });
    expect(await cancelByToken(coop.slug, token)).toBe("done");
    expect(await cancelByToken(coop.slug, token)).toBe("invalid");
    expect(await signUp(member, id)).toEqual({ ok: true, data: null });
  });
});

describe("the coordinator", () => {
  it("cannot lower the places under who already signed up, and a cancellation tells them", async () => {
    const at = inDays(5);
    const id = await created({ capacity: 3, startsAt: at });
    await signUp(member, id);
    await inhabitant(id, "Awa", { email: "awa.events@exemple.org" });
    expect(await updateEvent(coordinator, id, event({ capacity: 1, startsAt: at }))).toEqual({
      ok: false,
      error: "capacityBelowSignups",
    });
    expect(
      await updateEvent(coordinator, id, event({ capacity: 2, title: "Café changé", startsAt: at })),
    ).toEqual({
      ok: true,
      data: null,
    });
    expect((await db.communityEvent.findUniqueOrThrow({ where: { id } })).sequence).toBe(1);
    // A new title tells nobody; a new place tells everyone who gave an e-mail.
    expect(await db.outboxEmail.count({ where: { subject: "Changement : Café changé" } })).toBe(0);
    await updateEvent(
      coordinator,
      id,
      event({ capacity: 2, title: "Café changé", place: "Salle du haut", startsAt: at }),
    );
    const moved = await db.outboxEmail.findMany({ where: { subject: "Changement : Café changé" } });
    expect(moved.map((m) => m.toAddress).sort()).toEqual(["awa.events@exemple.org", member.email].sort());
    expect(moved[0]!.textBody).toContain("Salle du haut");
    expect(await cancelEvent(coordinator, id)).toEqual({ ok: true, data: null });
    const told = await db.outboxEmail.findMany({
      where: { subject: { contains: "Annulé : Café changé" } },
      select: { toAddress: true },
    });
    expect(told.map((m) => m.toAddress).sort()).toEqual(["awa.events@exemple.org", member.email].sort());
    // A second click tells nobody again.
    expect(await cancelEvent(coordinator, id)).toEqual({ ok: false, error: "cancelled" });
    expect(await db.outboxEmail.count({ where: { subject: { contains: "Annulé : Café changé" } } })).toBe(2);
  });

  it("refuses an event announced in the past (a year mistyped)", async () => {
    expect(await createEvent(coordinator, event({ startsAt: inDays(-300) }))).toMatchObject({
      ok: false,
      error: "startInPast",
      fieldErrors: { startsAt: "startInPast" },
    });
  });

  it("ticks people at the door, adds who comes without signing up, and removes a mistake", async () => {
    const id = await created({ capacity: 1 });
    await signUp(member, id);
    // At the door the capacity does not turn anyone away.
    expect(await addAtDoor(coordinator, id, { name: "Voisin du 3e", phone: null })).toEqual({
      ok: true,
      data: null,
    });
    const list = (await eventFor(coordinator, id))!;
    expect(list.taken).toBe(1);
    expect(list.signups.map((s) => [s.name, s.source, Boolean(s.checkedInAt)])).toEqual([
      ["Paul Martin", "MEMBER", false],
      ["Voisin du 3e", "DOOR", true],
    ]);
    // The coordinator sees the member's contact from the register.
    expect(list.signups[0]!.email).toBe(member.email);
    const paul = list.signups[0]!;
    // A sign-up is ticked only through its own event (a forged pair finds nothing).
    const elsewhere = await created();
    expect(await checkIn(coordinator, { eventId: elsewhere, signupId: paul.id, present: true })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await removeSignup(coordinator, { eventId: elsewhere, signupId: paul.id })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await checkIn(coordinator, { eventId: id, signupId: paul.id, present: true })).toEqual({
      ok: true,
      data: null,
    });
    expect((await db.eventSignup.findUniqueOrThrow({ where: { id: paul.id } })).checkedInAt).not.toBeNull();
    expect(await checkIn(coordinator, { eventId: id, signupId: paul.id, present: false })).toEqual({
      ok: true,
      data: null,
    });
    expect((await db.eventSignup.findUniqueOrThrow({ where: { id: paul.id } })).checkedInAt).toBeNull();
    expect(await removeSignup(coordinator, { eventId: id, signupId: paul.id })).toEqual({
      ok: true,
      data: null,
    });
    expect((await eventFor(member, id))!.mine).toBe(false);
  });

  it("invites the contact list's people who agreed to events, once, and only for a public event", async () => {
    const words = {
      locale: "fr",
      subject: (title: string) => `Invitation : ${title}`,
      body: (v: { title: string; link: string }) => `${v.title} ${v.link}`,
      footer: (link: string) => `Ne plus être contacté·e : ${link}`,
    };
    const hidden = await created({ public: false });
    expect(await inviteContacts(coordinator, hidden, words)).toEqual({ ok: false, error: "notPublic" });
    await expect(inviteContacts(member, hidden, words)).rejects.toBeInstanceOf(ForbiddenError);
    const id = await created({ title: "Café des invité·es" });
    expect(await inviteContacts(other, id, words)).toEqual({ ok: false, error: "notFound" });
    const sent = await inviteContacts(coordinator, id, words);
    expect(sent.ok && sent.data.sent).toBeGreaterThanOrEqual(1);
    const mails = await db.outboxEmail.findMany({ where: { subject: "Invitation : Café des invité·es" } });
    // Fatou agreed to events from her profile, by e-mail; Gérard (phone only) is not written to.
    expect(mails.map((m) => m.toAddress)).toContain("fatou.diallo@demo.portail-scic.fr");
    for (const mail of mails) {
      expect(mail.textBody).toContain(`/i/bois-joli/evenements/${id}`);
      expect(mail.textBody).toContain("/contact/retrait/");
    }
    expect(await inviteContacts(coordinator, id, words)).toEqual({ ok: false, error: "alreadyInvited" });
    // Two clicks at once: one sends, the other is told it is done.
    const twice = await created({ title: "Café cliqué deux fois" });
    const both = await Promise.all([
      inviteContacts(coordinator, twice, words),
      inviteContacts(coordinator, twice, words),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.error === "alreadyInvited")).toHaveLength(1);
  });
});

describe("the reminder of the day before", () => {
  it("goes once to who gave an e-mail, never for a cancelled event or one further away", async () => {
    const now = new Date();
    const soon = await created({
      title: "Café de demain",
      startsAt: new Date(now.getTime() + 20 * 3_600_000),
    });
    await signUp(member, soon);
    await inhabitant(soon, "Inès", { email: "ines.events@exemple.org" });
    await inhabitant(soon, "Sans e-mail", { phone: "06 99 99 99 99" });
    const later = await created({ title: "Café de plus tard", startsAt: inDays(3) });
    await signUp(member, later);
    const cancelled = await created({
      title: "Café annulé demain",
      startsAt: new Date(now.getTime() + 10 * 3_600_000),
    });
    await signUp(member, cancelled);
    await cancelEvent(coordinator, cancelled);

    await remindTomorrow(now);
    const reminders = await db.outboxEmail.findMany({ where: { subject: { startsWith: "Rappel : Café" } } });
    expect(reminders.map((m) => [m.subject, m.toAddress]).sort()).toEqual(
      [
        ["Rappel : Café de demain", "ines.events@exemple.org"],
        ["Rappel : Café de demain", member.email],
      ].sort(),
    );
    // The inhabitant's reminder carries their link; the member's the portal's page.
    const ines = reminders.find((m) => m.toAddress === "ines.events@exemple.org")!;
    expect(ines.textBody).toContain("/evenements/annuler/");
    // Once: a second pass (or a second worker) sends nothing more.
    await remindTomorrow(new Date(now.getTime() + 3_600_000));
    expect(
      await db.outboxEmail.count({ where: { subject: { startsWith: "Rappel : Café de demain" } } }),
    ).toBe(2);
  });
});

describe("after the event", () => {
  it("who came stays as it was, and inhabitants' names and contacts are forgotten three months later", async () => {
    const id = await created({ startsAt: inDays(1) });
    await signUp(member, id);
    const joined = await inhabitant(id, "Rania", {
      email: "rania.events@exemple.org",
      phone: "06 44 44 44 44",
    });
    const token = joined.ok ? joined.data.cancel! : "";
    // The event took place a hundred days ago.
    await db.communityEvent.update({ where: { id }, data: { startsAt: inDays(-100) } });
    expect(await withdrawSignup(member, id)).toEqual({ ok: false, error: "over" });
    expect(await cancelByToken(coop.slug, token)).toBe("over");
    expect(await forgetPastSignups()).toBeGreaterThanOrEqual(1);
    const rows = await db.eventSignup.findMany({ where: { eventId: id }, orderBy: { source: "asc" } });
    expect(rows.map((r) => [r.source, r.name, r.email, r.phone])).toEqual([
      ["MEMBER", "Paul Martin", null, null],
      ["PUBLIC_FORM", "", null, null],
    ]);
    // A recent event keeps them.
    const recent = await created();
    await inhabitant(recent, "Rania", { email: "rania.events@exemple.org" });
    await forgetPastSignups();
    expect(await db.eventSignup.count({ where: { eventId: recent, name: "Rania" } })).toBe(1);
  });
});

describe("a member who leaves", () => {
  it("gives back their places at events to come, and keeps those of events past", async () => {
    const leaving = await createMember(coop.id, { name: "Léa Départ" });
    const lea = await actorFor(leaving.person.id, coop.id);
    const coming = await created({ capacity: 1 });
    const past = await created();
    await signUp(lea, coming);
    await signUp(lea, past);
    await db.communityEvent.update({ where: { id: past }, data: { startsAt: inDays(-10) } });
    expect(await signUp(member, coming)).toEqual({ ok: false, error: "full" });
    expect(await setArchived(coordinator, leaving.membership.id, true)).toEqual({ ok: true, data: null });
    expect(await db.eventSignup.count({ where: { membershipId: leaving.membership.id } })).toBe(1);
    expect(await signUp(member, coming)).toEqual({ ok: true, data: null });
  });
});

describe("the public pages", () => {
  const req = (url: string, init?: RequestInit) => new Request(`http://localhost${url}`, init);
  const post = (url: string, values: Record<string, string>) =>
    req(url, { method: "POST", body: new URLSearchParams(values) });
  const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });

  it("a webinar's video link is given to who signs up, not to every visitor", async () => {
    const id = await created({
      kind: "WEBINAR",
      place: null,
      videoUrl: "https://visio.example.org/secret-42",
    });
    const page = await (
      await publicEventRoute.GET(req(`/i/bois-joli/evenements/${id}`), params({ slug: "bois-joli", id }))
    ).text();
    expect(page).not.toContain("secret-42");
    expect(page).toContain("Le lien de la visio est donné à l&#39;inscription.");
    const ics = await (
      await publicIcsRoute.GET(req(`/i/bois-joli/evenements/${id}/ics`), params({ slug: "bois-joli", id }))
    ).text();
    expect(ics).not.toContain("secret-42");
    const answer = await publicEventRoute.POST(
      post(`/i/bois-joli/evenements/${id}`, { name: "Lou", email: "lou.events@exemple.org" }),
      params({ slug: "bois-joli", id }),
    );
    expect(answer.status).toBe(303);
    const thanks = answer.headers.get("location")!;
    expect(thanks).toMatch(/\/merci\?e=.+&annuler=/);
    const shown = await (await publicThanksRoute.GET(req(thanks), params({ slug: "bois-joli" }))).text();
    expect(shown).toContain("https://visio.example.org/secret-42");
    // Without the sign-up's own link, the thanks page does not give it.
    const bare = await (
      await publicThanksRoute.GET(req(`/i/bois-joli/evenements/merci?e=${id}`), params({ slug: "bois-joli" }))
    ).text();
    expect(bare).not.toContain("secret-42");
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "lou.events@exemple.org" } });
    expect(mail.textBody).toContain("https://visio.example.org/secret-42");
  });

  it("a too long name is refused in words and what was typed stays; a filled honeypot stores nothing", async () => {
    const id = await created();
    const long = "N".repeat(130);
    const refused = await publicEventRoute.POST(
      post(`/i/bois-joli/evenements/${id}`, { name: long, phone: "06 55 55 55 55" }),
      params({ slug: "bois-joli", id }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Ce texte est trop long.");
    expect(html).toContain('value="06 55 55 55 55"');
    const bot = await publicEventRoute.POST(
      post(`/i/bois-joli/evenements/${id}`, { name: "Bot", phone: "01", website: "http://spam.example" }),
      params({ slug: "bois-joli", id }),
    );
    expect(bot.status).toBe(303);
    expect(await db.eventSignup.count({ where: { eventId: id } })).toBe(0);
    // The contact list's public form: its honeypot too.
    const before = await db.contactConsent.count();
    const contactBot = await contactRoute.POST(
      post("/i/bois-joli/contact", {
        name: "Bot",
        phone: "01",
        purposes: "events",
        agree: "on",
        website: "http://spam.example",
      }),
      params({ slug: "bois-joli" }),
    );
    expect(contactBot.status).toBe(303);
    expect(await db.contactConsent.count()).toBe(before);
  });
});

describe("the calendar file and the person's data", () => {
  it("the .ics carries the title, the description and the place", async () => {
    const id = await created({ title: "Visite du jardin", description: "Rendez-vous devant la grille." });
    const { event } = (await eventFor(member, id))!;
    const { ics, filename } = eventIcs(event, {
      url: "https://portail.example/evenements/x",
      video: (u) => u,
    });
    expect(filename).toBe("visite-du-jardin.ics");
    expect(ics).toContain("SUMMARY:Visite du jardin");
    expect(ics).toContain("Rendez-vous devant la grille.");
    expect(ics).toContain("LOCATION:Salle commune");
  });

  it("the member's data export lists the events they signed up to", async () => {
    const id = await created({ title: "Café de l'export" });
    await signUp(member, id);
    const data = await exportMyData(member);
    expect(data.eventSignups.map((s) => s.event.title)).toContain("Café de l'export");
  });
});
