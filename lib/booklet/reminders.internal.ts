import "server-only";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { shownName } from "@/lib/members/names";
import { localeOf, mailTranslator } from "@/lib/i18n/translator";
import { dateIn } from "@/lib/minutes/printable";
import { isStale } from "@/lib/booklet/rules";
import { settingsOf } from "@/lib/booklet/service";

// Internal to the server: the job worker's daily pass. An entry not checked for the cooperative's
// months is told to its keeper (else to the coordinators) once — until someone checks it again,
// which clears the mark. One e-mail per person, listing their entries, in their language.
export async function remindStaleEntries(now = new Date()): Promise<number> {
  const candidates = await db.partnerEntry.findMany({
    where: {
      archivedAt: null,
      staleRemindedAt: null,
      verifiedAt: { lt: new Date(now.getTime() - 28 * 86_400_000) },
      cooperative: { suspendedAt: null },
    },
    select: {
      id: true,
      name: true,
      verifiedAt: true,
      cooperativeId: true,
      cooperative: { select: { name: true, shortName: true } },
      keeper: {
        select: {
          id: true,
          status: true,
          displayName: true,
          person: { select: { name: true, email: true, locale: true } },
        },
      },
    },
  });
  const months = new Map<string, number>();
  for (const id of new Set(candidates.map((c) => c.cooperativeId)))
    months.set(id, (await settingsOf(id)).staleMonths);
  const stale = candidates.filter((c) => isStale(c.verifiedAt, months.get(c.cooperativeId)!, now));
  // Who is told: the keeper while active, else the cooperative's coordinators.
  const letters = new Map<
    string,
    {
      to: string;
      name: string;
      locale: string | null;
      cooperativeId: string;
      cooperative: string;
      entries: typeof stale;
    }
  >();
  for (const entry of stale) {
    const keeper = entry.keeper?.status === "ACTIVE" && entry.keeper.person.email ? entry.keeper : null;
    const recipients = keeper
      ? [keeper]
      : await db.membership.findMany({
          where: { cooperativeId: entry.cooperativeId, isCoordinator: true, status: "ACTIVE" },
          select: {
            id: true,
            status: true,
            displayName: true,
            person: { select: { name: true, email: true, locale: true } },
          },
        });
    for (const r of recipients) {
      if (!r.person.email) continue;
      const letter = letters.get(r.id) ?? {
        to: r.person.email,
        name: shownName(r),
        locale: r.person.locale,
        cooperativeId: entry.cooperativeId,
        cooperative: entry.cooperative.shortName ?? entry.cooperative.name,
        entries: [],
      };
      letter.entries.push(entry);
      letters.set(r.id, letter);
    }
  }
  for (const letter of letters.values()) {
    const locale = localeOf(letter.locale);
    const t = mailTranslator(locale);
    await sendEmail({
      cooperativeId: letter.cooperativeId,
      to: letter.to,
      subject: t("booklet.subject", { count: letter.entries.length, cooperative: letter.cooperative }),
      text: [
        t("booklet.hello", { name: letter.name }),
        "",
        t("booklet.intro", { months: String(months.get(letter.cooperativeId)) }),
        "",
        ...letter.entries.map((e) =>
          t("booklet.line", {
            name: e.name,
            date: dateIn(e.verifiedAt, locale),
            url: `${siteUrl()}/carnet/${e.id}`,
          }),
        ),
        "",
        t("booklet.thanks"),
      ].join("\n"),
    });
  }
  if (stale.length)
    await db.partnerEntry.updateMany({
      where: { id: { in: stale.map((e) => e.id) }, staleRemindedAt: null },
      data: { staleRemindedAt: now },
    });
  return letters.size;
}
