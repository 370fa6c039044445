import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { dateKey } from "@/lib/dates";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import { shownName } from "@/lib/members/names";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";

// Headers the import reads (in French and in English), so an exported file imports back as it is.
const COLUMNS = [
  "name",
  "email",
  "phone",
  "address",
  "category",
  "joinedOn",
  "shares",
  "newsletter",
  "status",
  "account",
] as const;

export async function registerTable(
  actor: Actor,
  { today = new Date(), locale = "fr" }: { today?: Date; locale?: Locale } = {},
): Promise<string[][]> {
  authorize(actor, "member.manage");
  const t = translator(locale);
  const yes = t("members.register.yes");
  const no = t("members.register.no");
  const [members, recipients] = await Promise.all([
    db.membership.findMany({
      where: { cooperativeId: actor.cooperativeId },
      include: { person: true, categoryAssignments: { include: { category: { select: { name: true } } } } },
      orderBy: { person: { name: "asc" } },
    }),
    db.newsletterRecipient.findMany({
      where: { cooperativeId: actor.cooperativeId, consentAt: { not: null }, unsubscribedAt: null },
      select: { email: true },
    }),
  ]);
  const consenting = new Set(recipients.map((r) => r.email));
  return [
    COLUMNS.map((column) => t(`members.register.columns.${column}`)),
    ...members.map((m) => {
      const category = categoryOn(spansOf(m.categoryAssignments), today);
      return [
        shownName(m),
        m.person.email ?? "",
        m.phone ?? "",
        m.address ?? "",
        category?.categoryName ?? "",
        m.joinedOn ? dateKey(m.joinedOn) : "",
        String(m.shares),
        m.person.email && consenting.has(m.person.email) ? yes : no,
        t(`members.register.status.${m.status === "ACTIVE" ? m.kind : "ARCHIVED"}`),
        m.person.passwordHash || m.person.emailVerifiedAt ? yes : no,
      ];
    }),
  ];
}
