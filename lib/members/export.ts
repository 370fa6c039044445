import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { dateKey } from "@/lib/dates";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import { shownName } from "@/lib/members/names";

// The same headers as the import reads, so an exported file imports back as it is.
const HEADERS = [
  "Nom",
  "E-mail",
  "Téléphone",
  "Adresse",
  "Catégorie",
  "Date d'adhésion",
  "Parts",
  "Lettre d'information",
  "Statut",
  "Compte activé",
];

export async function registerTable(actor: Actor, today = new Date()): Promise<string[][]> {
  authorize(actor, "member.manage");
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
    HEADERS,
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
        m.person.email && consenting.has(m.person.email) ? "oui" : "non",
        m.status === "ACTIVE" ? (m.kind === "ASSOCIATE" ? "associé·e" : "invité·e") : "archivé·e",
        m.person.passwordHash || m.person.emailVerifiedAt ? "oui" : "non",
      ];
    }),
  ];
}
