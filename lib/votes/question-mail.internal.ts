import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverAll, sendEmail } from "@/lib/mail/send";
import { queueEmail } from "@/lib/mail/outbox.internal";
import { siteUrl } from "@/lib/site-url";
import { TIME_ZONE } from "@/lib/dates";
import { dateTimeFormat } from "@/lib/intl";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { mayVote } from "@/lib/votes/eligibility";
import { questionFacts, voterFacts, type LoadedQuestion } from "@/lib/votes/facts";
import type { Locale } from "@/lib/i18n/config";
import { localeOf, mailTranslator } from "@/lib/i18n/translator";

// Internal to the server: no right is checked here. The e-mails about a question (opened,
// result, reminder), sent by services that have checked the actor's right already and by the
// job worker; never by a page or an action.

export function when(date: Date) {
  return dateTimeFormat("fr-FR", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

// The members who may vote on it now (for the e-mails): the same rule as a ballot.
export async function eligibleVoters(q: LoadedQuestion, at: Date) {
  const members = await bodyMembersOn(q.body, q.meeting?.startsAt ?? at);
  const facts = questionFacts({ ...q, status: "OPEN" });
  const out: { membershipId: string; name: string; email: string | null }[] = [];
  for (const m of members) {
    const voter = await voterFacts(q, m.membershipId, { at });
    // In a meeting, presence is checked at the moment of the ballot; the e-mail goes to the seated.
    const ok =
      voter &&
      (q.kind === "MEETING_BALLOT"
        ? mayVote({ ...facts, kind: "WRITTEN_CONSULTATION" }, voter, at).ok
        : mayVote(facts, voter, at).ok);
    if (ok) out.push({ membershipId: m.membershipId, name: m.name, email: m.email });
  }
  return out;
}

export async function mail(
  q: LoadedQuestion,
  recipients: { name: string; email: string | null }[],
  { subject, text }: { subject: string; text: string },
) {
  for (const r of recipients) {
    if (!r.email) continue;
    await sendEmail({
      cooperativeId: q.cooperativeId,
      to: r.email,
      subject,
      text: `Bonjour ${r.name},\n\n${text}\n\n${siteUrl()}/votes/${q.id}\n`,
    });
  }
}

// The same e-mails, written to the outbox inside the caller's transaction (the opening or the
// close of a vote): they exist if and only if the change does. Sent after the commit by
// deliverAll, or by the worker's sweep if the process stops in between. `compose` writes the
// e-mail in each recipient's language (by their membership); otherwise subject and text are
// French.
export async function queueMail(
  tx: Prisma.TransactionClient,
  {
    question: q,
    recipients,
    subject,
    text,
    compose,
  }: {
    question: Pick<LoadedQuestion, "id" | "cooperativeId">;
    recipients: { name: string; email: string | null; membershipId?: string }[];
    subject: string;
    text: string;
    compose?: (locale: Locale) => { subject: string; text: string };
  },
): Promise<string[]> {
  const ids: string[] = [];
  const locales = compose
    ? new Map(
        (
          await tx.membership.findMany({
            where: { id: { in: recipients.flatMap((r) => (r.membershipId ? [r.membershipId] : [])) } },
            select: { id: true, person: { select: { locale: true } } },
          })
        ).map((m) => [m.id, localeOf(m.person.locale)]),
      )
    : new Map<string, Locale>();
  for (const r of recipients) {
    if (!r.email) continue;
    const locale = (r.membershipId && locales.get(r.membershipId)) || "fr";
    const written = compose ? compose(locale) : { subject, text };
    const hello = mailTranslator(locale)("meeting.hello", { name: r.name });
    ids.push(
      await queueEmail(tx, {
        cooperativeId: q.cooperativeId,
        to: r.email,
        subject: written.subject,
        text: `${hello}\n\n${written.text}\n\n${siteUrl()}/votes/${q.id}\n`,
      }),
    );
  }
  return ids;
}

export { deliverAll };
