import "server-only";
import { createTranslator } from "next-intl";
import { isPublicLocale, type PublicLocale, type PublicWords } from "@/lib/i18n/public-locales";
import { publicWords } from "@/lib/ideas/translations";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { isEmail } from "@/lib/ideas/schema";
import { keyedToken } from "@/lib/links/keyed-token";
import { entriesNamed } from "@/lib/booklet/service";

// Internal to the server: no right is checked here. Called by services that have checked the
// actor's right already (lib/minutes/workflow.ts when the minutes are published, and
// publishAnswersNow in lib/ideas/council-answers.ts); never by a page or an action.

// The answers of a meeting go on the board, and the authors who left a way to reach them are
// told (e-mail; a telephone number goes on the coordinator's list). Called when the minutes of
// the meeting are published, or when the council decides to publish the answers first.
export async function publishAnswers(
  cooperativeId: string,
  meetingId: string,
  actorId: string | null = null,
  now = new Date(),
): Promise<number> {
  const ideas = await db.$transaction(async (tx) => {
    const rows = await tx.idea.findMany({
      where: { cooperativeId, meetingId, status: { in: ["ANSWERED", "MERGED"] }, answerPublishedAt: null },
      include: {
        author: { select: { person: { select: { name: true, email: true, locale: true } } } },
        mergedInto: { select: { text: true, answerKind: true, answerText: true } },
        cooperative: { select: { name: true, shortName: true, slug: true } },
      },
    });
    if (rows.length) {
      await tx.idea.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { answerPublishedAt: now },
      });
      // The booklet's entries as they are now go with the published answer: a later edit of the
      // booklet does not change what was published.
      for (const row of rows.filter((r) => r.answerPartnerIds.length))
        await tx.idea.update({
          where: { id: row.id },
          data: { answerPartners: await entriesNamed(cooperativeId, row.answerPartnerIds) },
        });
      await recordAudit(tx, {
        cooperativeId,
        actorId,
        action: "idea.answersPublished",
        entityType: "Meeting",
        entityId: meetingId,
        after: { ideas: rows.length },
      });
    }
    return rows;
  });
  // Each language's words once, with the cooperative's corrections.
  const wordsIn = new Map<PublicLocale, Promise<PublicWords>>();
  const wordsOf = (locale: PublicLocale) => {
    if (!wordsIn.has(locale)) wordsIn.set(locale, publicWords(cooperativeId, locale));
    return wordsIn.get(locale)!;
  };
  for (const idea of ideas) {
    const to = idea.author?.person.email ?? (isEmail(idea.contact) ? idea.contact : null);
    if (!to) continue;
    const coop = idea.cooperative.shortName ?? idea.cooperative.name;
    const link =
      idea.source === "PUBLIC_FORM"
        ? `${siteUrl()}/i/${idea.cooperative.slug}/suivi/${keyedToken("follow", { id: idea.id, seed: idea.followSeed })}`
        : `${siteUrl()}/idees?tri=repondues`;
    // In the language the idea was written in (the public form's), or its author's.
    const language = idea.author?.person.locale ?? idea.locale;
    const locale = isPublicLocale(language) ? language : "fr";
    const written = answerMail({
      words: await wordsOf(locale),
      partners: await entriesNamed(cooperativeId, idea.answerPartnerIds),
      text: idea.text,
      kind: idea.status === "MERGED" ? "MERGED" : idea.answerKind,
      answer: idea.answerText,
      mergedInto: idea.mergedInto?.text ?? null,
      link: idea.source === "PUBLIC_FORM" ? `${link}?lang=${locale}` : link,
      coop,
    });
    await sendEmail({ cooperativeId, to, subject: written.subject, text: written.text });
    await db.idea.update({ where: { id: idea.id }, data: { notifiedAt: new Date() } });
  }
  return ideas.length;
}

const ANSWER_WORDS: Record<string, string> = {
  ACCEPTED: "acceptée",
  PLANNED: "prévue",
  DECLINED: "non retenue",
  DONE: "réalisée",
  MERGED: "regroupée avec une idée proche",
};

export function answerWords(kind: string | null): string {
  return ANSWER_WORDS[kind ?? ""] ?? "étudiée";
}

function answerMail({
  words: { locale, messages },
  partners,
  text,
  kind,
  answer,
  mergedInto,
  link,
  coop,
}: {
  words: PublicWords;
  partners: { name: string; phone: string | null; address: string | null; hoursText: string | null }[];
  text: string;
  kind: string | null;
  answer: string | null;
  mergedInto: string | null;
  link: string;
  coop: string;
}) {
  const ideasWords = messages.ideas;
  const t = createTranslator({ locale: locale as "fr", messages, namespace: "ideas" });
  const answerWord =
    ideasWords.answers[(kind ?? "ACCEPTED") as keyof typeof ideasWords.answers] ?? answerWords(kind);
  return {
    subject: t("answerMail.subject", { coop }),
    text: [
      t("answerMail.hello"),
      "",
      t("answerMail.yourIdea", { text }),
      "",
      t("answerMail.answered", { answer: answerWord }),
      mergedInto ? t("answerMail.related", { text: mergedInto }) : null,
      answer ? `\n${answer}` : null,
      ...(partners.length
        ? [
            "",
            t("answerMail.partners"),
            ...partners.map(
              (p) => `- ${[p.name, p.address, p.hoursText, p.phone].filter(Boolean).join(" · ")}`,
            ),
          ]
        : []),
      "",
      t("answerMail.link", { link }),
      "",
      t("answerMail.thanks"),
    ]
      .filter((l) => l !== null)
      .join("\n"),
  };
}
