import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  correctTranslation,
  partOf,
  publicWords,
  TRANSLATION_PARTS,
  translationsFor,
} from "@/lib/ideas/translations";
import { answerIdea, publishAnswersNow } from "@/lib/ideas/council-answers";
import { approveIdea } from "@/lib/ideas/moderation";
import { postPublicIdea } from "@/lib/ideas/public-page";
import { publicIdeaSchema } from "@/lib/ideas/schema";
import { tokenId } from "@/lib/links/keyed-token";
import { seedIfEmpty } from "../../scripts/seed";
import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

// Issue 19: a language that started as a machine translation is corrected by a coordinator, for
// their own cooperative's public path and the e-mails its authors receive; nobody else's.

let coordinator: Actor, member: Actor, other: Actor;
const TITLE = "ideas.publicTitle";
const FIXED = "عندك فكرة للمركز الصحي أو للحي؟";

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, member] = (await Promise.all(["coordination", "marc.beaulieu"].map(signInAs))) as [
    Actor,
    Actor,
  ];
  const { cooperative } = await createCooperative("Traductions Sud");
  const boss = await createMember(cooperative.id, { isCoordinator: true });
  other = await actorFor(boss.person.id, cooperative.id);
});

describe("correcting a machine-translated text", () => {
  it("lists the Arabic texts beside the French, and shows the correction on this cooperative's path only", async () => {
    const texts = await translationsFor(coordinator, "ar");
    const title = texts.find((x) => x.key === TITLE)!;
    expect(title.french).toBe("Une idée pour le centre de santé ou le quartier ?");
    expect(title.machine).toBe("هل لديك فكرة للمركز الصحي أو للحي؟");
    expect(title.corrected).toBeNull();
    // The portal's own languages are not « machine-translated »: nothing to correct there.
    expect(await translationsFor(coordinator, "fr")).toEqual([]);

    expect(await correctTranslation(coordinator, { locale: "ar", key: TITLE, text: `  ${FIXED} ` })).toEqual({
      ok: true,
      data: null,
    });
    expect((await publicWords(coordinator.cooperativeId, "ar")).messages.ideas.publicTitle).toBe(FIXED);
    // Another cooperative's page keeps the file's text; so does another language.
    expect((await publicWords(other.cooperativeId, "ar")).messages.ideas.publicTitle).toBe(title.machine);
    expect((await publicWords(coordinator.cooperativeId, "es")).messages.ideas.publicTitle).not.toBe(FIXED);
    expect((await translationsFor(coordinator, "ar")).find((x) => x.key === TITLE)?.corrected).toBe(FIXED);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, action: "translation.corrected" },
      orderBy: { createdAt: "desc" },
    });
    expect(entry).toMatchObject({ entityId: `ar:${TITLE}`, after: { text: FIXED } });
  });

  it("sorts every text into one part of the public path, each part a share of them", async () => {
    for (const locale of ["ar", "es"] as const) {
      const texts = await translationsFor(coordinator, locale);
      const sizes = TRANSLATION_PARTS.map((p) => texts.filter((x) => partOf(x.key) === p).length);
      // Each part has texts, none holds them all, and together they are every text once.
      expect(sizes.every((n) => n > 0 && n < texts.length)).toBe(true);
      expect(sizes.reduce((a, b) => a + b)).toBe(texts.length);
    }
    expect(partOf(TITLE)).toBe("ideas");
    expect(partOf("errors.ideaRequired")).toBe("other");
    expect(partOf("notFound.title")).toBe("other");
    expect(partOf("nodot")).toBe("other");
  });

  it("refuses a text that loses what it is given, or cannot be shown, or a key or language that is not there", async () => {
    const key = "ideas.thanksWhen"; // « … {date} »
    expect(
      await correctTranslation(coordinator, { locale: "ar", key, text: "سيرد المجلس قريبًا." }),
    ).toMatchObject({ ok: false, error: "form", fieldErrors: { text: "placeholders" } });
    expect(await correctTranslation(coordinator, { locale: "ar", key, text: "بعد {date} {" })).toMatchObject({
      ok: false,
      error: "form",
      fieldErrors: { text: "syntax" },
    });
    // Shapes that pass a check with numbers and fail with the real (text) values, or a tag.
    for (const text of ["بعد {date, date}", "{date, select, 1 {a} other {b}}", "بعد {date} <b>x</b>"])
      expect(await correctTranslation(coordinator, { locale: "ar", key, text })).toMatchObject({
        ok: false,
        error: "form",
        fieldErrors: { text: "syntax" },
      });
    for (const key of ["__proto__", "constructor", "toString"])
      expect(await correctTranslation(coordinator, { locale: "ar", key, text: "" })).toEqual({
        ok: false,
        error: "unknownText",
      });
    expect(await correctTranslation(coordinator, { locale: "ar", key: "ideas.nope", text: "x" })).toEqual({
      ok: false,
      error: "unknownText",
    });
    expect(await correctTranslation(coordinator, { locale: "fr", key: TITLE, text: "x" })).toEqual({
      ok: false,
      error: "unknownLanguage",
    });
    expect(
      await correctTranslation(coordinator, { locale: "ar", key: "__proto__.polluted", text: "x" }),
    ).toEqual({ ok: false, error: "unknownText" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The file's text is kept as it was.
    expect((await publicWords(coordinator.cooperativeId, "ar")).messages.ideas.thanksWhen).toContain(
      "{date}",
    );
  });

  it("is for the idea box's moderators: a member with a forged call is refused", async () => {
    await expect(correctTranslation(member, { locale: "ar", key: TITLE, text: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(translationsFor(member, "ar")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await publicWords(coordinator.cooperativeId, "ar")).messages.ideas.publicTitle).toBe(FIXED);
  });

  it("goes into the answer e-mail of an author who wrote in Arabic", async () => {
    const key = "ideas.answerMail.thanks";
    const thanks = "شكرًا جزيلًا على مشاركتك.";
    expect(await correctTranslation(coordinator, { locale: "ar", key, text: thanks })).toEqual({
      ok: true,
      data: null,
    });
    const posted = await postPublicIdea({
      slug: "bois-joli",
      input: publicIdeaSchema.parse({ text: "مترجم في الاستقبال يوم السبت.", contact: "salma@exemple.fr" }),
      address: "10.0.0.44",
      locale: "ar",
    });
    const idea = await db.idea.findFirstOrThrow({
      where: { id: tokenId(posted.ok ? posted.data.followToken! : "") ?? "" },
    });
    await approveIdea(coordinator, idea.id);
    const council = await db.body.findFirstOrThrow({
      where: { slug: "conseil", cooperativeId: coordinator.cooperativeId },
    });
    const meeting = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: council.id,
      number: 41,
      startsAt: new Date(Date.now() + 86400000),
    });
    await answerIdea(coordinator, {
      meetingId: meeting.id,
      ideaId: idea.id,
      input: { answer: "ACCEPTED", text: "Le samedi matin, dès janvier.", mergeInto: null },
    });
    expect(await publishAnswersNow(coordinator, meeting.id)).toEqual({ ok: true, data: { count: 1 } });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "salma@exemple.fr" } });
    // Arabic words around the council's French answer, the correction included, the link in Arabic.
    expect(mail.subject).toMatch(/[\u0600-\u06ff]/);
    expect(mail.textBody).toContain("مترجم في الاستقبال يوم السبت.");
    expect(mail.textBody).toContain("Le samedi matin, dès janvier.");
    expect(mail.textBody).toContain(thanks);
    expect(mail.textBody).toMatch(/\/i\/bois-joli\/suivi\/\S+\?lang=ar/);
    expect(mail.textBody).not.toContain("Bonjour");
  });

  it("emptied, or typed back as the file has it, the file's text comes back", async () => {
    const machine = (await translationsFor(coordinator, "ar")).find((x) => x.key === TITLE)!.machine;
    expect(await correctTranslation(coordinator, { locale: "ar", key: TITLE, text: machine })).toEqual({
      ok: true,
      data: null,
    });
    expect((await publicWords(coordinator.cooperativeId, "ar")).messages.ideas.publicTitle).toBe(machine);
    expect(
      await db.translationCorrection.count({
        where: { cooperativeId: coordinator.cooperativeId, key: TITLE },
      }),
    ).toBe(0);
  });
});
