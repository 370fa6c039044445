import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  archiveEntry,
  bookletEntry,
  createEntry,
  publicBooklet,
  searchBooklet,
  updateBookletSettings,
  updateEntry,
  verifyEntry,
} from "@/lib/booklet/service";
import { bookletTable, importBooklet } from "@/lib/booklet/spreadsheet";
import { remindStaleEntries } from "@/lib/booklet/reminders.internal";
import { bookletFilter, entrySchema } from "@/lib/booklet/schema";
import { toCsv } from "@/lib/spreadsheet";
import { seedIfEmpty } from "../../scripts/seed";
import { answerIdea, publishAnswersNow } from "@/lib/ideas/council-answers";
import { approveIdea } from "@/lib/ideas/moderation";
import { followIdea, postPublicIdea } from "@/lib/ideas/public-page";
import { publicIdeaSchema } from "@/lib/ideas/schema";
import { ideaBoard } from "@/lib/ideas/board";
import { tokenId } from "@/lib/links/keyed-token";
import { buildMeeting } from "@/tests/factories/meetings";
import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";

// Issue 20: the partners' booklet — reception finds an address; members keep it right; the
// coordinator imports, prints, publishes; nothing crosses to another cooperative.

let coordinator: Actor, member: Actor, guest: Actor, other: Actor;
const filter = (params: Record<string, string>) => bookletFilter(params);
// Tuesday 1 December 2026: 10:30 and 15:00 in Paris.
const tuesdayMorning = new Date("2026-12-01T09:30:00Z");
const tuesdayAfternoon = new Date("2026-12-01T14:00:00Z");

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, member] = (await Promise.all(["coordination", "paul.martin"].map(signInAs))) as [
    Actor,
    Actor,
  ];
  const { cooperative } = await createCooperative("Carnet Voisin");
  const boss = await createMember(cooperative.id, { isCoordinator: true });
  other = await actorFor(boss.person.id, cooperative.id);
  const home = await createMember(coordinator.cooperativeId, { name: "Gaby Invitée", kind: "GUEST" });
  guest = await actorFor(home.person.id, coordinator.cooperativeId);
});

describe("finding an address", () => {
  it("a French course where Arabic is spoken, open now", async () => {
    const found = await searchBooklet(
      member,
      filter({ theme: "languages", langue: "arabe", ouvert: "1" }),
      tuesdayMorning,
    );
    expect(found.entries.map((e) => e.name)).toEqual(["Parlons Ensemble"]);
    expect(found.entries[0]).toMatchObject({ openNow: true, stale: false, keeperName: "Awa Touré" });
    expect(found.languages).toEqual(expect.arrayContaining(["arabe", "tamoul", "wolof"]));
    // In the afternoon it is closed: « ouvert maintenant » finds none.
    expect(
      (
        await searchBooklet(
          member,
          filter({ theme: "languages", langue: "arabe", ouvert: "1" }),
          tuesdayAfternoon,
        )
      ).entries,
    ).toEqual([]);
    // Words, accents aside.
    expect((await searchBooklet(member, filter({ q: "epicerie" }))).entries.map((e) => e.name)).toEqual([
      "Épicerie solidaire La Cagette",
    ]);
  });

  it("marks an old entry, and one whose hours cannot be read", async () => {
    const { entries } = await searchBooklet(member, filter({}));
    expect(entries.find((e) => e.name === "Club des anciens du Bois-Joli")?.stale).toBe(true);
    const cmp = entries.find((e) => e.name === "Centre médico-psychologique du secteur")!;
    expect(cmp).toMatchObject({ hoursRead: false, openNow: null });
    // Never « open now » for hours nobody could read.
    expect(
      (await searchBooklet(member, filter({ q: "médico", ouvert: "1" }), tuesdayMorning)).entries,
    ).toEqual([]);
  });

  it("is for members: a guest is refused, another cooperative sees none of it", async () => {
    await expect(searchBooklet(guest, filter({}))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await searchBooklet(other, filter({}))).total).toBe(0);
    const ours = (await searchBooklet(coordinator, filter({}))).entries[0]!;
    expect(await bookletEntry(other, ours.id)).toBeNull();
    const input = entrySchema.parse({ name: "Pris" });
    expect(await updateEntry(other, { id: ours.id, input })).toEqual({ ok: false, error: "notFound" });
    expect(await verifyEntry(other, ours.id)).toEqual({ ok: false, error: "notFound" });
    expect(await archiveEntry(other, ours.id)).toEqual({ ok: false, error: "notFound" });
    expect((await bookletEntry(coordinator, ours.id))?.name).toBe(ours.name);
  });
});

describe("keeping it right", () => {
  it("a member adds an entry; a save dates it and names who checked; the keeper must be one of ours", async () => {
    const input = entrySchema.parse({
      name: "La Boussole",
      description: "Aide aux démarches en ligne.",
      themes: "rights,other",
      hoursText: "mer 14h-17h",
      languages: "Français, Anglais",
      walkIn: "on",
    });
    const created = await createEntry(member, input);
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    const entry = await bookletEntry(member, id);
    expect(entry).toMatchObject({
      themes: ["rights", "other"],
      languages: ["français", "anglais"],
      walkIn: true,
      hoursRead: true,
      verifiedByName: "Paul Martin",
    });
    const foreign = await db.membership.findFirstOrThrow({ where: { cooperativeId: other.cooperativeId } });
    expect(await updateEntry(member, { id, input: { ...input, keeperId: foreign.id } })).toMatchObject({
      ok: false,
      error: "keeperUnknown",
    });
    // Removing it is the coordinator's.
    await expect(archiveEntry(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await archiveEntry(coordinator, id)).toEqual({ ok: true, data: null });
    expect(await bookletEntry(member, id)).toBeNull();
  });

  it("an old entry is told to its keeper once, in their language; a check clears it", async () => {
    const keeper = await createMember(coordinator.cooperativeId, {
      name: "Rémi Gardien",
      email: "remi@exemple.org",
    });
    const created = await createEntry(
      coordinator,
      entrySchema.parse({ name: "Jardin partagé des Lilas", keeperId: keeper.membership.id }),
      new Date(Date.now() - 200 * 86_400_000),
    );
    const id = created.ok ? created.data.id : "";
    expect((await bookletEntry(member, id))?.stale).toBe(true);
    await remindStaleEntries();
    const mails = await db.outboxEmail.findMany({ where: { toAddress: "remi@exemple.org" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Carnet des partenaires : 1 adresse à vérifier/);
    expect(mails[0]!.textBody).toContain("Jardin partagé des Lilas");
    expect(mails[0]!.textBody).toContain(`/carnet/${id}`);
    // Once: the next day's pass writes nothing more for it.
    await remindStaleEntries();
    expect(await db.outboxEmail.count({ where: { toAddress: "remi@exemple.org" } })).toBe(1);
    // « Vérifié aujourd'hui »: fresh again, and the mark is cleared for the next time.
    expect(await verifyEntry(member, id)).toEqual({ ok: true, data: null });
    const checked = await db.partnerEntry.findUniqueOrThrow({ where: { id } });
    expect(checked.staleRemindedAt).toBeNull();
    expect((await bookletEntry(member, id))?.stale).toBe(false);
  });
});

describe("the spreadsheet, the settings and the public page", () => {
  it("exports and imports back the same entries; an unknown theme is shown, nothing written", async () => {
    const table = await bookletTable(coordinator);
    expect(table[0]).toEqual([
      "Nom",
      "Description",
      "Thèmes",
      "Quartier",
      "Adresse",
      "Horaires",
      "Téléphone",
      "E-mail",
      "Site",
      "Sans rendez-vous",
      "Langues",
      "Fauteuil",
      "Enfants",
      "Coût",
    ]);
    const back = await importBooklet(coordinator, {
      file: new File([toCsv(table)], "carnet.csv"),
      commit: false,
    });
    expect(back).toEqual({
      ok: true,
      data: { create: 0, update: table.length - 1, problems: [], committed: false },
    });
    const before = await db.partnerEntry.count({ where: { cooperativeId: coordinator.cooperativeId } });
    const wrong = await importBooklet(coordinator, {
      file: new File(["Nom;Thèmes\nAtelier vélo;Vélo\n=HYPERLINK(1);Sport\n"], "carnet.csv"),
      commit: true,
    });
    expect(wrong.ok && wrong.data).toMatchObject({
      committed: false,
      problems: [{ line: 2, field: "themes", code: "themeUnknown", value: "Vélo" }],
    });
    expect(await db.partnerEntry.count({ where: { cooperativeId: coordinator.cooperativeId } })).toBe(before);
    const good = await importBooklet(coordinator, {
      file: new File(
        ["Nom;Thèmes;Horaires;Langues\nAtelier vélo;Sport;sam 10h-12h;français, arabe\n"],
        "carnet.csv",
      ),
      commit: true,
    });
    expect(good).toEqual({ ok: true, data: { create: 1, update: 0, problems: [], committed: true } });
    const velo = (await searchBooklet(member, filter({ q: "vélo" }))).entries[0]!;
    expect(velo).toMatchObject({ themes: ["sport"], languages: ["français", "arabe"], hoursRead: true });
    await expect(
      importBooklet(member, { file: new File(["Nom\nX\n"], "c.csv"), commit: true }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the public page shows the entries without the team's names, only once the cooperative publishes it", async () => {
    const shown = await publicBooklet("bois-joli");
    expect(shown?.entries.length).toBeGreaterThan(10);
    expect(shown?.entries.every((e) => e.keeperName === null && e.verifiedByName === null)).toBe(true);
    expect(await updateBookletSettings(coordinator, { staleMonths: 3, public: false })).toEqual({
      ok: true,
      data: null,
    });
    expect(await publicBooklet("bois-joli")).toBeNull();
    expect(await publicBooklet(other.cooperativeId)).toBeNull();
    await expect(updateBookletSettings(member, { staleMonths: 3, public: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Three months: more entries are « à vérifier ».
    const { entries } = await searchBooklet(member, filter({}));
    expect(entries.find((e) => e.name === "Écrivain public de la Maison de quartier")?.stale).toBe(true);
    await updateBookletSettings(coordinator, { staleMonths: 6, public: true });
  });
});

describe("a council answer points to the booklet", () => {
  it("« où apprendre le français ? »: the answer names entries of this booklet only, on the board, the follow page and in the e-mail", async () => {
    const parlons = (await searchBooklet(member, filter({ q: "Parlons Ensemble" }))).entries[0]!;
    const foreign = await createEntry(other, entrySchema.parse({ name: "Ailleurs" }));
    const posted = await postPublicIdea({
      slug: "bois-joli",
      input: publicIdeaSchema.parse({ text: "Où apprendre le français ?", contact: "nadia@exemple.fr" }),
      address: "10.0.0.77",
      locale: "fr",
    });
    const token = posted.ok ? posted.data.followToken! : "";
    const idea = await db.idea.findFirstOrThrow({ where: { id: tokenId(token) ?? "" } });
    await approveIdea(coordinator, idea.id);
    const council = await db.body.findFirstOrThrow({
      where: { slug: "conseil", cooperativeId: coordinator.cooperativeId },
    });
    const meeting = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: council.id,
      number: 42,
      startsAt: new Date(Date.now() + 86400000),
    });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting.id,
        ideaId: idea.id,
        input: { answer: "ACCEPTED", text: "Des cours gratuits près du centre.", mergeInto: null },
        partnerIds: [parlons.id, foreign.ok ? foreign.data.id : "x"],
      }),
    ).toEqual({ ok: true, data: null });
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).answerPartnerIds).toEqual([
      parlons.id,
    ]);
    expect(await publishAnswersNow(coordinator, meeting.id)).toEqual({ ok: true, data: { count: 1 } });
    expect((await followIdea("bois-joli", token))?.answer?.partners.map((p) => p.name)).toEqual([
      "Parlons Ensemble",
    ]);
    const board = (await ideaBoard(member, { sort: "repondues" })).ideas.find((i) => i.id === idea.id)!;
    expect(board.answer?.partners.map((p) => p.phone)).toEqual(["01 23 45 10 01"]);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "nadia@exemple.fr" } });
    expect(mail.textBody).toContain("Les adresses que le conseil vous conseille :");
    expect(mail.textBody).toContain("- Parlons Ensemble · 4 rue des Lilas");
    expect(mail.textBody).not.toContain("Ailleurs");
    // Published is published: the booklet changes later, the answer shows what was sent.
    await updateEntry(coordinator, {
      id: parlons.id,
      input: entrySchema.parse({ name: "Parlons Ensemble", phone: "01 99 99 99 99" }),
    });
    expect((await followIdea("bois-joli", token))?.answer?.partners.map((p) => p.phone)).toEqual([
      "01 23 45 10 01",
    ]);
    const again = (await ideaBoard(member, { sort: "repondues" })).ideas.find((i) => i.id === idea.id)!;
    expect(again.answer?.partners.map((p) => p.phone)).toEqual(["01 23 45 10 01"]);
  });
});
