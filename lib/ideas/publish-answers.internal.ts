import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { isEmail } from "@/lib/ideas/schema";
import { keyedToken } from "@/lib/links/keyed-token";

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
        author: { select: { person: { select: { name: true, email: true } } } },
        mergedInto: { select: { text: true, answerKind: true, answerText: true } },
        cooperative: { select: { name: true, shortName: true, slug: true } },
      },
    });
    if (rows.length) {
      await tx.idea.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { answerPublishedAt: now },
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
  for (const idea of ideas) {
    const to = idea.author?.person.email ?? (isEmail(idea.contact) ? idea.contact : null);
    if (!to) continue;
    const coop = idea.cooperative.shortName ?? idea.cooperative.name;
    const link =
      idea.source === "PUBLIC_FORM"
        ? `${siteUrl()}/i/${idea.cooperative.slug}/suivi/${keyedToken("follow", { id: idea.id, seed: idea.followSeed })}`
        : `${siteUrl()}/idees?tri=repondues`;
    await sendEmail({
      cooperativeId,
      to,
      subject: `Réponse à votre idée – ${coop}`,
      text: answerMail({
        text: idea.text,
        kind: idea.status === "MERGED" ? "MERGED" : idea.answerKind,
        answer: idea.answerText,
        mergedInto: idea.mergedInto?.text ?? null,
        link,
      }),
    });
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
  text,
  kind,
  answer,
  mergedInto,
  link,
}: {
  text: string;
  kind: string | null;
  answer: string | null;
  mergedInto: string | null;
  link: string;
}) {
  return [
    "Bonjour,",
    "",
    `Vous avez proposé dans la boîte à idées : « ${text} »`,
    "",
    `Le conseil a répondu : idée ${answerWords(kind)}.`,
    mergedInto ? `Idée proche : « ${mergedInto} »` : null,
    answer ? `\n${answer}` : null,
    "",
    `Retrouvez la réponse ici : ${link}`,
    "",
    "Merci pour votre idée.",
  ]
    .filter((l) => l !== null)
    .join("\n");
}
