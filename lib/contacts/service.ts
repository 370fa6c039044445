import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { limit } from "@/lib/limits/counters";
import { limitedAddress } from "@/lib/net/client-address";
import { keyedToken, tokenId, tokenMatches } from "@/lib/links/keyed-token";
import { publicMessages, type PublicLocale } from "@/lib/i18n/public-locales";
import { mailTranslator } from "@/lib/i18n/translator";
import type { ConsentInput, ContactFilter, Purpose } from "@/lib/contacts/schema";
import { compareFrench } from "@/lib/intl";

// People willing to be contacted: for visitors (officials, journalists), events, testimonies,
// the network's meetings. Kept apart from membership (an inhabitant without an account is here);
// consent is explicit, dated, stored with the words shown, and withdrawn by one link in every
// message or from the profile. Every two years the person is asked again (reminders.internal).

export type ContactError = "notFound" | "rateLimited" | "suspended";

// What the person agrees to, in the words they read (stored with the row).
export function consentWords(locale: PublicLocale): string {
  return createTranslator({
    locale: locale as "fr",
    messages: publicMessages(locale),
    namespace: "contacts",
  })("consentText");
}

function fields(input: ConsentInput) {
  return {
    name: input.name,
    phone: input.phone,
    email: input.email,
    purposes: input.purposes,
    channels: input.channels,
    availability: input.availability,
    languages: input.languages,
    note: input.note,
  };
}

export function withdrawalLink(row: { id: string; linkSeed: string }, slug: string): string {
  return `${siteUrl()}/i/${slug}/contact/retrait/${keyedToken("contact", { id: row.id, seed: row.linkSeed })}`;
}

const perAddress = limit({ name: "contact:address", points: 10, seconds: 3_600 });
// However many addresses: no more than this a day on one cooperative's list from its public page.
const perCooperative = limit({ name: "contact:cooperative", points: 200, seconds: 86_400 });

export function confirmationLink(row: { id: string; linkSeed: string }, slug: string): string {
  return `${siteUrl()}/i/${slug}/contact/confirmer/${keyedToken("contact", { id: row.id, seed: row.linkSeed })}`;
}

// From the public page, without an account.
export async function consentFromPublicPage({
  slug,
  input,
  address,
  locale,
  now = new Date(),
}: {
  slug: string;
  input: ConsentInput;
  address: string | null;
  locale: PublicLocale;
  now?: Date;
}): Promise<Result<{ withdrawal: string }, ContactError>> {
  const coop = await db.cooperative.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, shortName: true, suspendedAt: true },
  });
  if (!coop) return { ok: false, error: "notFound" };
  if (coop.suspendedAt) return { ok: false, error: "suspended" };
  if (address && !(await perAddress.take(`${coop.id}|${limitedAddress(address)}`)))
    return { ok: false, error: "rateLimited" };
  if (!(await perCooperative.take(coop.id))) return { ok: false, error: "rateLimited" };
  const row = await db.$transaction(async (tx) => {
    const created = await tx.contactConsent.create({
      data: {
        cooperativeId: coop.id,
        ...fields(input),
        source: "PUBLIC_FORM",
        consentText: consentWords(locale),
        consentAt: now,
        confirmedAt: now,
      },
    });
    await recordAudit(tx, {
      cooperativeId: coop.id,
      actorId: null,
      action: "contact.consented",
      entityType: "ContactConsent",
      entityId: created.id,
      after: { source: "PUBLIC_FORM", purposes: input.purposes },
    });
    return created;
  });
  // Anyone can type any address: it is written to only once its owner confirms it.
  if (row.email) {
    const t = mailTranslator(locale === "en" ? "en" : "fr");
    const cooperative = coop.shortName ?? coop.name;
    await sendEmail({
      cooperativeId: coop.id,
      to: row.email,
      subject: t("contacts.verifySubject", { cooperative }),
      text: [
        t("contacts.verifyText", { cooperative }),
        confirmationLink(row, coop.slug),
        "",
        t("contacts.verifyIgnore"),
      ].join("\n"),
    });
  }
  return { ok: true, data: { withdrawal: withdrawalLink(row, coop.slug) } };
}

// From the profile: one row per membership, updated in place; consent given again is dated again.
export async function myContactConsent(actor: Actor) {
  authorize(actor, "home.view");
  return db.contactConsent.findFirst({
    where: { cooperativeId: actor.cooperativeId, membershipId: actor.membershipId, withdrawnAt: null },
  });
}

export async function consentFromProfile(
  actor: Actor,
  input: ConsentInput,
  { locale = "fr", now = new Date() }: { locale?: PublicLocale; now?: Date } = {},
): Promise<Result<null>> {
  authorize(actor, "home.view");
  const current = await myContactConsent(actor);
  await db.$transaction(async (tx) => {
    const row = current
      ? await tx.contactConsent.update({
          where: { id: current.id },
          data: { ...fields(input), consentText: consentWords(locale), consentAt: now, confirmedAt: now },
        })
      : await tx.contactConsent.create({
          data: {
            cooperativeId: actor.cooperativeId,
            membershipId: actor.membershipId,
            ...fields(input),
            source: "PROFILE",
            consentText: consentWords(locale),
            consentAt: now,
            confirmedAt: now,
          },
        });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "contact.consented",
      entityType: "ContactConsent",
      entityId: row.id,
      after: { source: "PROFILE", purposes: input.purposes },
    });
  });
  return { ok: true, data: null };
}

export async function withdrawMine(actor: Actor, now = new Date()): Promise<Result<null, ContactError>> {
  authorize(actor, "home.view");
  const current = await myContactConsent(actor);
  if (!current) return { ok: false, error: "notFound" };
  await withdraw(current.id, { cooperativeId: actor.cooperativeId, actorId: actor.personId, now });
  return { ok: true, data: null };
}

async function withdraw(
  id: string,
  { cooperativeId, actorId, now }: { cooperativeId: string; actorId: string | null; now: Date },
) {
  await db.$transaction(async (tx) => {
    // Withdrawn is gone: nothing of the person is kept (the journal keeps that it happened).
    await tx.contactConsent.delete({ where: { id } });
    await recordAudit(tx, {
      cooperativeId,
      actorId,
      action: "contact.withdrawn",
      entityType: "ContactConsent",
      entityId: id,
      after: { at: now.toISOString() },
    });
  });
}

// The one-click link of every message: the row it names, if the link is its own.
export async function consentByToken(slug: string, token: string) {
  const id = tokenId(token);
  if (!id) return null;
  const row = await db.contactConsent.findFirst({
    where: { id, cooperative: { slug } },
    select: {
      id: true,
      linkSeed: true,
      name: true,
      withdrawnAt: true,
      cooperativeId: true,
      source: true,
      email: true,
      emailConfirmedAt: true,
      confirmAskedAt: true,
    },
  });
  return row && tokenMatches("contact", token, { id: row.id, seed: row.linkSeed }) ? row : null;
}

export async function withdrawByToken(slug: string, token: string, now = new Date()): Promise<boolean> {
  const row = await consentByToken(slug, token);
  if (!row) return false;
  if (!row.withdrawnAt) await withdraw(row.id, { cooperativeId: row.cooperativeId, actorId: null, now });
  return true;
}

// « Oui, je reste sur la liste »: two more years, from the link of the two-year e-mail.
export async function confirmByToken(slug: string, token: string, now = new Date()): Promise<boolean> {
  const row = await consentByToken(slug, token);
  if (!row || row.withdrawnAt) return false;
  await db.$transaction(async (tx) => {
    await tx.contactConsent.update({
      where: { id: row.id },
      data: { confirmedAt: now, confirmAskedAt: null, ...(row.email ? { emailConfirmedAt: now } : {}) },
    });
    await recordAudit(tx, {
      cooperativeId: row.cooperativeId,
      actorId: null,
      action: "contact.confirmed",
      entityType: "ContactConsent",
      entityId: row.id,
    });
  });
  return true;
}

// The coordinator's list: by purpose, language, and words (name, availability, note).
export async function contactList(actor: Actor, filter: ContactFilter) {
  authorize(actor, "contact.manage");
  const rows = await db.contactConsent.findMany({
    where: { cooperativeId: actor.cooperativeId, withdrawnAt: null },
    orderBy: { name: "asc" },
  });
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = rows.filter(
    (r) =>
      (!filter.purpose || r.purposes.includes(filter.purpose)) &&
      (!filter.language || r.languages.includes(filter.language)) &&
      words.every((w) => [r.name, r.availability, r.note].join(" ").toLowerCase().includes(w)),
  );
  return {
    contacts: shown,
    total: rows.length,
    languages: [...new Set(rows.flatMap((r) => r.languages))].sort(compareFrench),
  };
}

// A paper form typed in by the coordinator: marked as such.
export async function enterPaperConsent(
  actor: Actor,
  input: ConsentInput,
  now = new Date(),
): Promise<Result<null>> {
  authorize(actor, "contact.manage");
  await db.$transaction(async (tx) => {
    const row = await tx.contactConsent.create({
      data: {
        cooperativeId: actor.cooperativeId,
        ...fields(input),
        source: "PAPER",
        consentText: consentWords("fr"),
        consentAt: now,
        confirmedAt: now,
        enteredById: actor.membershipId,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "contact.paperEntered",
      entityType: "ContactConsent",
      entityId: row.id,
      after: { purposes: input.purposes },
    });
  });
  return { ok: true, data: null };
}

// RGPD: removed from the list for good (the journal keeps that it happened, not who).
export async function removeContact(actor: Actor, id: string): Promise<Result<null, ContactError>> {
  authorize(actor, "contact.manage");
  const { count } = await db.contactConsent.deleteMany({ where: { id, cooperativeId: actor.cooperativeId } });
  if (!count) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "contact.removed",
    entityType: "ContactConsent",
    entityId: id,
  });
  return { ok: true, data: null };
}

// The call sheet: who to call, their number, what for, when, and what to say first.
export async function callSheet(
  actor: Actor,
  filter: ContactFilter,
  words: {
    purpose: (p: Purpose) => string;
    say: (name: string, purposes: string) => string;
    headers: string[];
  },
): Promise<string[][]> {
  const { contacts } = await contactList(actor, filter);
  return [
    words.headers,
    ...contacts.map((c) => {
      const purposes = (filter.purpose ? [filter.purpose] : (c.purposes as Purpose[]))
        .map(words.purpose)
        .join(", ");
      return [
        c.name,
        c.phone ?? "",
        c.email ?? "",
        purposes,
        c.availability ?? "",
        c.languages.join(", "),
        c.note ?? "",
        words.say(c.name, purposes),
      ];
    }),
  ];
}

// An e-mail to the people chosen, through the outbox, each with their own withdrawal link.
export async function mailSelection(
  actor: Actor,
  {
    ids,
    subject,
    body,
    footer,
  }: { ids: string[]; subject: string; body: string; footer: (link: string) => string },
): Promise<Result<{ sent: number }, ContactError>> {
  authorize(actor, "contact.manage");
  const rows = await db.contactConsent.findMany({
    where: {
      id: { in: ids.slice(0, 500) },
      cooperativeId: actor.cooperativeId,
      withdrawnAt: null,
      email: { not: null },
      // Only who agreed to e-mail (or said nothing of how), at an address they confirmed when
      // they gave it on the public page.
      AND: [
        { OR: [{ channels: { has: "email" } }, { channels: { isEmpty: true } }] },
        { OR: [{ source: { not: "PUBLIC_FORM" } }, { emailConfirmedAt: { not: null } }] },
      ],
    },
  });
  if (!rows.length) return { ok: false, error: "notFound" };
  for (const row of rows)
    await sendEmail({
      cooperativeId: actor.cooperativeId,
      to: row.email!,
      subject,
      text: `${body}\n\n-- \n${footer(withdrawalLink(row, actor.cooperativeSlug))}`,
    });
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "contact.mailed",
    entityType: "ContactConsent",
    entityId: actor.cooperativeId,
    after: { subject, recipients: rows.length },
  });
  return { ok: true, data: { sent: rows.length } };
}
