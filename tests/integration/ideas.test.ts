import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { ideaBoard, toggleSupport } from "@/lib/ideas/board";
import { answerIdea, answerSheet, answeredThisMonth, publishAnswersNow } from "@/lib/ideas/council-answers";
import { approveIdea, hideIdea, mergeIdea, moderationView } from "@/lib/ideas/moderation";
import { followIdea, postPublicIdea, PUBLIC_LIMIT, publicAnswers } from "@/lib/ideas/public-page";
import { enterPaperIdea, postIdea } from "@/lib/ideas/service";
import { answerSchema, publicIdeaSchema } from "@/lib/ideas/schema";
import { openMinutes } from "@/lib/minutes/service";
import { approveMinutes, publishMinutes, shareMinutes } from "@/lib/minutes/workflow";

import { seedIfEmpty } from "../../scripts/seed";

import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { ensureIdeaBoxItem } from "@/lib/ideas/idea-box.internal";
import { keyedToken, tokenId } from "@/lib/links/keyed-token";

const publicInput = (text: string, extra: Partial<{ name: string; contact: string; website: string }> = {}) =>
  publicIdeaSchema.parse({ text, ...extra });

let coordinator: Actor, president: Actor, julien: Actor, marc: Actor, ines: Actor, fatou: Actor;
let meeting4: string;

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, president, julien, marc, ines, fatou] = (await Promise.all(
    ["coordination", "president", "julien.etchepare", "marc.beaulieu", "ines.morel", "fatou.diallo"].map(
      signInAs,
    ),
  )) as [Actor, Actor, Actor, Actor, Actor, Actor];
  meeting4 = (await db.meeting.findFirstOrThrow({ where: { number: 4, body: { slug: "conseil" } } })).id;
});

describe("posting", () => {
  it("an employee posts signed in; the idea waits for the next council, whose agenda has one « Boîte à idées » item", async () => {
    const posted = await postIdea(julien, {
      text: "Un coin pour les poussettes près de l'entrée.",
      theme: "locaux",
      showName: true,
    });
    expect(posted.ok).toBe(true);
    const idea = await db.idea.findUniqueOrThrow({ where: { id: posted.ok ? posted.data.id : "" } });
    expect(idea).toMatchObject({
      source: "ONLINE",
      status: "TO_READ",
      meetingId: meeting4,
      authorName: "Julien Etchepare",
    });
    await postIdea(fatou, { text: "Des ateliers cuisine le samedi.", theme: null, showName: false });
    expect(await db.agendaItem.count({ where: { meetingId: meeting4, ideaBox: true } })).toBe(1);
    const board = (await ideaBoard(marc)).ideas;
    expect(board.find((i) => i.text === "Des ateliers cuisine le samedi.")?.authorName).toBeNull();
  });

  it("a new cooperative's next council gets the item when the first idea arrives, once", async () => {
    const { cooperative, council } = await createCooperative("Quartier Nord");
    const boss = await createMember(cooperative.id, { isCoordinator: true });
    const actor = await actorFor(boss.person.id, cooperative.id);
    const meeting = await buildMeeting({
      cooperativeId: cooperative.id,
      bodyId: council.id,
      number: 1,
      startsAt: new Date(Date.now() + 7 * 86400000),
    });
    expect(await ensureIdeaBoxItem(cooperative.id)).toBeNull(); // nothing waiting yet
    await postIdea(actor, { text: "Un banc devant le centre.", theme: null, showName: false });
    await enterPaperIdea(actor, {
      text: "Plus de permanences le soir.",
      theme: null,
      emptiedOn: "2026-11-20",
    });
    const items = await db.agendaItem.findMany({ where: { meetingId: meeting.id } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Boîte à idées", ideaBox: true });
  });

  it("the public form: honeypot stores nothing, the idea waits in moderation, the address is limited, an unknown cooperative is refused", async () => {
    const before = await db.idea.count();
    expect(
      await postPublicIdea({
        slug: "bois-joli",
        input: publicInput("Acheter des jouets", { website: "http://spam.example" }),
        address: "10.0.0.1",
        locale: "fr",
      }),
    ).toEqual({ ok: true, data: { followToken: null } });
    expect(await db.idea.count()).toBe(before);
    const posted = await postPublicIdea({
      slug: "bois-joli",
      input: publicInput("Une fontaine à eau dans la salle d'attente.", { contact: "habitante@exemple.fr" }),
      address: "10.0.0.2",
      locale: "fr",
    });
    expect(posted.ok && posted.data.followToken).toBeTruthy();
    const idea = await db.idea.findFirstOrThrow({
      where: { text: "Une fontaine à eau dans la salle d'attente." },
    });
    expect(idea).toMatchObject({
      status: "MODERATION",
      source: "PUBLIC_FORM",
      contact: "habitante@exemple.fr",
    });
    expect(JSON.stringify(idea)).not.toContain("10.0.0.2");
    expect((await ideaBoard(marc)).ideas.some((i) => i.id === idea.id)).toBe(false);
    expect(
      await followIdea("bois-joli", keyedToken("follow", { id: idea.id, seed: idea.followSeed })),
    ).toMatchObject({
      stage: "moderation",
      answer: null,
    });
    for (let i = 1; i < PUBLIC_LIMIT; i++)
      expect(
        (
          await postPublicIdea({
            slug: "bois-joli",
            input: publicInput(`Idée numéro ${i}`),
            address: "10.0.0.2",
            locale: "fr",
          })
        ).ok,
      ).toBe(true);
    expect(
      await postPublicIdea({
        slug: "bois-joli",
        input: publicInput("Une de trop"),
        address: "10.0.0.2",
        locale: "fr",
      }),
    ).toEqual({
      ok: false,
      error: "rateLimited",
    });
    expect(
      (
        await postPublicIdea({
          slug: "bois-joli",
          input: publicInput("Une autre adresse"),
          address: "10.0.0.3",
          locale: "fr",
        })
      ).ok,
    ).toBe(true);
    expect(
      await postPublicIdea({
        slug: "ailleurs",
        input: publicInput("Perdue"),
        address: "10.0.0.4",
        locale: "fr",
      }),
    ).toEqual({
      ok: false,
      error: "notFound",
    });
  });

  it("the per-address limit holds against a burst: counting and refusing are one statement", async () => {
    const before = await db.idea.count();
    const burst = await Promise.all(
      Array.from({ length: 3 * PUBLIC_LIMIT }, (_, i) =>
        postPublicIdea({
          slug: "bois-joli",
          input: publicInput(`Rafale ${i}`),
          address: "10.9.9.9",
          locale: "fr",
        }),
      ),
    );
    expect(burst.filter((r) => r.ok)).toHaveLength(PUBLIC_LIMIT);
    expect(burst.filter((r) => !r.ok && r.error === "rateLimited")).toHaveLength(2 * PUBLIC_LIMIT);
    expect(await db.idea.count()).toBe(before + PUBLIC_LIMIT);
    // The counters hold no address: only keyed hashes.
    const keys = await db.rateLimit.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes("10.9.9.9"))).toBe(false);
  });

  it("the schemas refuse an empty idea, a bad contact, a decline without a reason, a merge without a target", () => {
    expect(publicIdeaSchema.safeParse({ text: "  " }).error?.issues[0]?.message).toBe("ideaRequired");
    expect(
      publicIdeaSchema.safeParse({ text: "Une idée", contact: "pas un contact" }).error?.issues[0]?.message,
    ).toBe("contactInvalid");
    expect(publicIdeaSchema.safeParse({ text: "Une idée", contact: "06 12 34 56 78" }).success).toBe(true);
    expect(answerSchema.safeParse({ answer: "DECLINED", text: "" }).error?.issues[0]?.message).toBe(
      "reasonRequired",
    );
    expect(answerSchema.safeParse({ answer: "MERGED" }).error?.issues[0]?.message).toBe(
      "mergeTargetRequired",
    );
  });
});

describe("moderation and the paper box", () => {
  it("the coordinator enters three paper slips, approves one public idea, hides another with a reason (audited, never deleted)", async () => {
    for (const text of [
      "Un distributeur de protections périodiques gratuites.",
      "Des cours de français.",
      "Repeindre la salle d'attente.",
    ]) {
      expect((await enterPaperIdea(coordinator, { text, theme: null, emptiedOn: "2026-11-21" })).ok).toBe(
        true,
      );
    }
    expect(
      await db.idea.count({ where: { source: "PAPER", paperEmptiedOn: new Date("2026-11-21T00:00:00Z") } }),
    ).toBe(3);
    await expect(
      enterPaperIdea(marc, { text: "x x x", theme: null, emptiedOn: "2026-11-21" }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const view = await moderationView(coordinator);
    const fountain = view.queue.find((i) => i.text.startsWith("Une fontaine"))!;
    expect(await approveIdea(coordinator, fountain.id)).toEqual({ ok: true, data: null });
    expect(await approveIdea(coordinator, fountain.id)).toEqual({ ok: false, error: "notOpen" });
    expect(await db.idea.findUniqueOrThrow({ where: { id: fountain.id } })).toMatchObject({
      status: "TO_READ",
      meetingId: meeting4,
    });

    const abusive = view.queue.find((i) => i.text === "Idée numéro 1")!;
    expect(await hideIdea(coordinator, abusive.id, "Propos injurieux")).toEqual({ ok: true, data: null });
    expect(await db.idea.findUniqueOrThrow({ where: { id: abusive.id } })).toMatchObject({
      status: "REJECTED",
      hiddenReason: "Propos injurieux",
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "idea.hidden", entityId: abusive.id },
    });
    expect(audit.after).toMatchObject({ reason: "Propos injurieux" });
    expect((await moderationView(coordinator)).hidden.map((i) => i.id)).toContain(abusive.id);
  });

  it("merges a duplicate (supports follow); refuses another cooperative's coordinator and a plain member", async () => {
    const [a, b] = await Promise.all([
      postIdea(marc, { text: "Des bancs dans le jardin.", theme: null, showName: false }),
      postIdea(ines, { text: "Des bancs dehors, dans le jardin.", theme: null, showName: false }),
    ]);
    const keep = a.ok ? a.data.id : "";
    const dup = b.ok ? b.data.id : "";
    expect(await toggleSupport(fatou, dup)).toEqual({ ok: true, data: { supported: true } });
    expect(await mergeIdea(coordinator, dup, dup)).toEqual({ ok: false, error: "mergeTargetInvalid" });
    expect(await mergeIdea(coordinator, dup, keep)).toEqual({ ok: true, data: null });
    expect(await db.ideaSupport.count({ where: { ideaId: keep, membershipId: fatou.membershipId } })).toBe(1);
    const board = (await ideaBoard(marc)).ideas;
    expect(board.some((i) => i.id === dup)).toBe(false);
    expect(board.find((i) => i.id === keep)?.merged).toEqual([
      { id: dup, text: "Des bancs dehors, dans le jardin." },
    ]);

    const { cooperative } = await createCooperative("Autre");
    const other = await createMember(cooperative.id, { isCoordinator: true });
    const otherActor = await actorFor(other.person.id, cooperative.id);
    expect(await hideIdea(otherActor, keep, "Pas chez moi")).toEqual({ ok: false, error: "notFound" });
    expect(await approveIdea(otherActor, keep)).toEqual({ ok: false, error: "notFound" });
    expect(await toggleSupport(otherActor, keep)).toEqual({ ok: false, error: "notFound" });
    await expect(hideIdea(marc, keep, "Je n'aime pas")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("one support per person; a second click takes it back; the board sorts by supports", async () => {
    const posted = await postIdea(ines, { text: "Une boîte à livres.", theme: "quartier", showName: true });
    const id = posted.ok ? posted.data.id : "";
    await Promise.all([toggleSupport(marc, id), toggleSupport(julien, id), toggleSupport(fatou, id)]);
    expect(await toggleSupport(marc, id)).toEqual({ ok: true, data: { supported: false } });
    expect(await toggleSupport(marc, id)).toEqual({ ok: true, data: { supported: true } });
    expect(await db.ideaSupport.count({ where: { ideaId: id } })).toBe(3);
    const sorted = (await ideaBoard(marc, { sort: "soutenues" })).ideas;
    expect(sorted[0]).toMatchObject({ id, supports: 3, supportedByMe: true });
  });
});

describe("the board over the years", () => {
  it("is read a page at a time, and no idea falls off the end", async () => {
    const { cooperative } = await createCooperative("Quartier aux mille idées");
    const reader = await actorFor((await createMember(cooperative.id)).person.id);
    await db.idea.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        cooperativeId: cooperative.id,
        text: `Idée n° ${i}`,
        source: "PAPER" as const,
        status: "TO_READ" as const,
        createdAt: new Date(Date.UTC(2022, 0, 1, 0, i)),
      })),
    });
    const pages = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((page) => ideaBoard(reader, { sort: "recentes", page })),
    );
    expect(pages.map((p) => p.ideas.length)).toEqual([25, 25, 25, 25, 25, 5]);
    expect(pages.every((p) => p.total === 130)).toBe(true);
    const texts = pages.flatMap((p) => p.ideas.map((i) => i.text));
    expect(new Set(texts).size).toBe(130);
    expect(texts[0]).toBe("Idée n° 129");
    expect(texts.at(-1)).toBe("Idée n° 0");
    // Past the last page (an old link): no idea, and still the count of them all.
    expect(await ideaBoard(reader, { sort: "recentes", page: 7 })).toEqual({ ideas: [], total: 130 });
  });
});

describe("at the council", () => {
  it("each idea gets an answer in the meeting; answers show once published, and authors are told", async () => {
    const sheet = (await answerSheet(coordinator, meeting4))!;
    const byText = (start: string) => sheet.ideas.find((i) => i.text.startsWith(start))!;
    const fountain = byText("Une fontaine");
    const chairs = byText("Mettre des chaises");
    const languages = byText("Afficher les horaires");
    const paint = byText("Repeindre");
    const french = byText("Des cours de français");
    await expect(
      answerIdea(president, {
        meetingId: meeting4,
        ideaId: fountain.id,
        input: { answer: "ACCEPTED", text: null, mergeInto: null },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: fountain.id,
        input: {
          answer: "PLANNED",
          text: "Installée en janvier.",
          mergeInto: null,
        },
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: chairs.id,
        input: {
          answer: "DONE",
          text: "Deux chaises achetées.",
          mergeInto: null,
        },
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: languages.id,
        input: {
          answer: "ACCEPTED",
          text: null,
          mergeInto: null,
        },
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: paint.id,
        input: {
          answer: "DECLINED",
          text: "Les travaux sont prévus par le bailleur en 2027.",
          mergeInto: null,
        },
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: french.id,
        input: {
          answer: "MERGED",
          text: null,
          mergeInto: languages.id,
        },
      }),
    ).toEqual({ ok: true, data: null });

    // Not on the board yet: the minutes are not published.
    expect((await ideaBoard(marc)).ideas.find((i) => i.id === fountain.id)?.answer).toBeNull();
    expect(await publicAnswers(coordinator.cooperativeId)).toEqual([]);
    // Nor on the meeting's sheet for a member outside the council: the answers are the council's
    // until published; a council member reads them.
    const memberSheet = (await answerSheet(ines, meeting4))!;
    const seen = memberSheet.ideas.find((i) => i.id === fountain.id)!;
    expect([seen.answerKind, seen.answerText, seen.published]).toEqual([null, null, false]);
    expect((await answerSheet(marc, meeting4))!.ideas.find((i) => i.id === fountain.id)?.answerText).toBe(
      "Installée en janvier.",
    );

    // The minutes of meeting 4, published: the answers go with them.
    await db.meeting.update({
      where: { id: meeting4 },
      data: { status: "HELD", startsAt: new Date(Date.now() - 3_600_000) },
    });
    const minutes = (await openMinutes(coordinator, "conseil", 4))!;
    expect((await shareMinutes(coordinator, minutes.id)).ok).toBe(true);
    expect((await approveMinutes(president, minutes.id, null)).ok).toBe(true);
    expect((await publishMinutes(coordinator, minutes.id)).ok).toBe(true);

    const board = (await ideaBoard(marc, { sort: "repondues" })).ideas;
    expect(board.find((i) => i.id === fountain.id)?.answer).toMatchObject({
      kind: "PLANNED",
      text: "Installée en janvier.",
    });
    expect(board.find((i) => i.id === paint.id)?.answer).toMatchObject({ kind: "DECLINED" });
    expect((await publicAnswers(coordinator.cooperativeId)).length).toBeGreaterThanOrEqual(4);
    const stored = await db.idea.findUniqueOrThrow({ where: { id: fountain.id } });
    const token = keyedToken("follow", { id: stored.id, seed: stored.followSeed });
    expect(await followIdea("bois-joli", token)).toMatchObject({
      stage: "answered",
      answer: { kind: "PLANNED", text: "Installée en janvier." },
    });

    // The public author left an e-mail; Fatou (signed in) is told at her account's address.
    const told = await db.outboxEmail.findMany({
      where: { subject: { startsWith: "Réponse à votre idée" } },
    });
    expect(told.map((m) => m.toAddress)).toEqual(
      expect.arrayContaining(["habitante@exemple.fr", "fatou.diallo@demo.portail-scic.fr"]),
    );
    expect(told.find((m) => m.toAddress === "habitante@exemple.fr")!.textBody).toContain(
      `/i/bois-joli/suivi/${token}`,
    );
    // Published answers are not changed afterwards, nor supported any more (the board hides the button).
    expect(await toggleSupport(marc, fountain.id)).toEqual({ ok: false, error: "notOpen" });
    expect(
      await answerIdea(coordinator, {
        meetingId: meeting4,
        ideaId: fountain.id,
        input: { answer: "DONE", text: null, mergeInto: null },
      }),
    ).toEqual({ ok: false, error: "notOpen" });
    expect(await publishAnswersNow(coordinator, meeting4)).toEqual({ ok: false, error: "nothingToPublish" });
    expect(await answeredThisMonth(coordinator)).toContain(
      "- **Une fontaine à eau dans la salle d'attente.** : idée prévue. Installée en janvier.",
    );
  });

  it("the council may publish the answers before the minutes; a telephone contact goes on the coordinator's list", async () => {
    const posted = await postPublicIdea({
      slug: "bois-joli",
      input: publicInput("Un panneau d'affichage dehors.", { contact: "06 11 22 33 44", name: "Rosa" }),
      address: "10.0.0.9",
      locale: "fr",
    });
    const idea = await db.idea.findFirstOrThrow({
      where: { id: tokenId(posted.ok ? posted.data.followToken! : "") ?? "" },
    });
    await approveIdea(coordinator, idea.id);
    const council = await db.body.findFirstOrThrow({ where: { slug: "conseil" } });
    const next = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: council.id,
      number: 40,
      startsAt: new Date(Date.now() + 86400000),
    });
    expect(
      await answerIdea(coordinator, {
        meetingId: next.id,
        ideaId: idea.id,
        input: {
          answer: "ACCEPTED",
          text: "Posé au printemps.",
          mergeInto: null,
        },
      }),
    ).toEqual({ ok: true, data: null });
    expect(await publishAnswersNow(coordinator, next.id)).toEqual({ ok: true, data: { count: 1 } });
    expect((await moderationView(coordinator)).toCall.map((i) => i.contact)).toContain("06 11 22 33 44");
    // An assembly is not where ideas are answered.
    const assembly = await db.meeting.findFirst({ where: { body: { slug: "ag" } } });
    if (assembly)
      expect(
        await answerIdea(coordinator, {
          meetingId: assembly.id,
          ideaId: idea.id,
          input: { answer: "DONE", text: null, mergeInto: null },
        }),
      ).toEqual({ ok: false, error: "notCouncilMeeting" });
  });
});
