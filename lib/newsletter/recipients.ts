import "server-only";
import { db } from "@/lib/db";
import { withoutNul } from "@/lib/form-result";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecipientGroup } from "@/lib/generated/prisma/enums";
import { PAGE_SIZE } from "@/lib/pagination";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";

// The newsletter's recipients as the coordinator sees them: who receives the letter, who does
// not and why (no consent, unsubscribed, bounced), a page at a time, and as a spreadsheet.

export const RECIPIENT_FILTERS = ["all", "receiving", "noConsent", "unsubscribed", "bounced"] as const;
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number];
export type RecipientState = Exclude<RecipientFilter, "all">;

function whereOf(
  cooperativeId: string,
  filter: RecipientFilter,
  q: string,
): Prisma.NewsletterRecipientWhereInput {
  const state: Record<RecipientFilter, Prisma.NewsletterRecipientWhereInput> = {
    all: {},
    receiving: { consentAt: { not: null }, unsubscribedAt: null, bouncedAt: null },
    noConsent: { consentAt: null, unsubscribedAt: null, bouncedAt: null },
    unsubscribed: { unsubscribedAt: { not: null } },
    bounced: { bouncedAt: { not: null }, unsubscribedAt: null },
  };
  // A NUL cannot be in a PostgreSQL text (the query would fail): dropped.
  const text = withoutNul(q).trim();
  return {
    cooperativeId,
    ...state[filter],
    ...(text
      ? {
          OR: [
            { email: { contains: text, mode: "insensitive" } },
            { name: { contains: text, mode: "insensitive" } },
            { organisation: { contains: text, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

function stateOf(r: {
  consentAt: Date | null;
  unsubscribedAt: Date | null;
  bouncedAt: Date | null;
}): RecipientState {
  if (r.unsubscribedAt) return "unsubscribed";
  if (r.bouncedAt) return "bounced";
  return r.consentAt ? "receiving" : "noConsent";
}

export type RecipientRow = {
  id: string;
  email: string;
  name: string | null;
  organisation: string | null;
  group: RecipientGroup;
  consentAt: Date | null;
  consentSource: string | null;
  unsubscribedAt: Date | null;
  bouncedAt: Date | null;
  bounceReason: string | null;
  state: RecipientState;
};

export async function listRecipients(
  actor: Actor,
  { filter = "all", q = "", page = 1 }: { filter?: RecipientFilter; q?: string; page?: number } = {},
) {
  authorize(actor, "newsletter.manage");
  const where = whereOf(actor.cooperativeId, filter, q);
  const [rows, total, counts] = await Promise.all([
    db.newsletterRecipient.findMany({
      where,
      orderBy: [{ email: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.newsletterRecipient.count({ where }),
    Promise.all(
      RECIPIENT_FILTERS.map((f) =>
        db.newsletterRecipient.count({ where: whereOf(actor.cooperativeId, f, "") }),
      ),
    ),
  ]);
  return {
    rows: rows.map((r): RecipientRow => ({ ...r, state: stateOf(r) })),
    total,
    counts: Object.fromEntries(RECIPIENT_FILTERS.map((f, i) => [f, counts[i]!])) as Record<
      RecipientFilter,
      number
    >,
  };
}

// Every recipient of the filter, as a table (header first) whose headers and cells the import
// reads back; cells a spreadsheet would take for formulas are neutralised by lib/spreadsheet.ts.
export async function recipientsTable(
  actor: Actor,
  { filter = "all", q = "", locale = "fr" }: { filter?: RecipientFilter; q?: string; locale?: Locale } = {},
): Promise<string[][]> {
  authorize(actor, "newsletter.manage");
  const t = translator(locale);
  const rows = await db.newsletterRecipient.findMany({
    where: whereOf(actor.cooperativeId, filter, q),
    orderBy: [{ email: "asc" }],
  });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return [
    [
      t("newsletter.list.columns.email"),
      t("newsletter.list.columns.name"),
      t("newsletter.list.columns.organisation"),
      t("newsletter.list.columns.group"),
      t("newsletter.list.columns.consent"),
      t("newsletter.list.columns.consentSource"),
      t("newsletter.list.columns.unsubscribedAt"),
      t("newsletter.list.columns.bouncedAt"),
      t("newsletter.list.columns.state"),
    ],
    ...rows.map((r) => [
      r.email,
      r.name ?? "",
      r.organisation ?? "",
      t(`newsletter.list.groups.${r.group}`),
      // The day of the agreement (the import reads it back as a yes on that day), or no.
      r.consentAt && !r.unsubscribedAt ? day(r.consentAt) : t("newsletter.list.no"),
      r.consentSource ?? "",
      day(r.unsubscribedAt),
      day(r.bouncedAt),
      t(`newsletter.list.states.${stateOf(r)}`),
    ]),
  ];
}
