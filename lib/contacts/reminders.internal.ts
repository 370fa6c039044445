import "server-only";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/mail/send";
import { recordAudit } from "@/lib/audit/record";
import { siteUrl } from "@/lib/site-url";
import { keyedToken } from "@/lib/links/keyed-token";
import { localeOf, mailTranslator } from "@/lib/i18n/translator";
import { withdrawalLink } from "@/lib/contacts/service";

// Internal to the server: the job worker's daily pass (RGPD: consent is not kept for ever).
// An agreement not confirmed for two years is asked again once, by e-mail; without a yes within
// 30 days — or with no e-mail to ask at — the entry is removed (the journal keeps that it was).
import { TWO_YEARS } from "@/lib/contacts/schema";
const GRACE = 30 * 86_400_000;

export async function reconfirmContacts(now = new Date()): Promise<{ asked: number; removed: number }> {
  const old = await db.contactConsent.findMany({
    where: {
      withdrawnAt: null,
      confirmedAt: { lt: new Date(now.getTime() - TWO_YEARS) },
      cooperative: { suspendedAt: null },
    },
    include: {
      cooperative: { select: { slug: true, name: true, shortName: true } },
      membership: { select: { person: { select: { locale: true } } } },
    },
  });
  let asked = 0;
  const removed: { id: string; cooperativeId: string }[] = [];
  for (const row of old) {
    const askedLongAgo = row.confirmAskedAt && row.confirmAskedAt.getTime() < now.getTime() - GRACE;
    const noWayToAsk = !row.email && row.confirmedAt.getTime() < now.getTime() - TWO_YEARS - GRACE;
    if (askedLongAgo || noWayToAsk) {
      removed.push({ id: row.id, cooperativeId: row.cooperativeId });
      continue;
    }
    if (row.confirmAskedAt || !row.email) continue;
    const t = mailTranslator(localeOf(row.membership?.person.locale));
    const cooperative = row.cooperative.shortName ?? row.cooperative.name;
    const confirm = `${siteUrl()}/i/${row.cooperative.slug}/contact/confirmer/${keyedToken("contact", { id: row.id, seed: row.linkSeed })}`;
    await sendEmail({
      cooperativeId: row.cooperativeId,
      to: row.email,
      subject: t("contacts.confirmSubject", { cooperative }),
      text: [
        t("contacts.confirmHello", { name: row.name }),
        "",
        t("contacts.confirmText", { cooperative }),
        "",
        t("contacts.confirmLink", { link: confirm }),
        t("contacts.leaveLink", { link: withdrawalLink(row, row.cooperative.slug) }),
      ].join("\n"),
    });
    await db.contactConsent.update({ where: { id: row.id }, data: { confirmAskedAt: now } });
    asked++;
  }
  for (const { id, cooperativeId } of removed)
    await db.$transaction(async (tx) => {
      await tx.contactConsent.delete({ where: { id } });
      await recordAudit(tx, {
        cooperativeId,
        actorId: null,
        action: "contact.expired",
        entityType: "ContactConsent",
        entityId: id,
      });
    });
  return { asked, removed: removed.length };
}
