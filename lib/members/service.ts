import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { releaseFutureSignups } from "@/lib/events/service";
import { recordAudit } from "@/lib/audit/record";
import { endMandatesOf } from "@/lib/bodies/mandates.internal";
import { endSessionsOf } from "@/lib/auth/sessions.internal";
import { setMemberConsent } from "@/lib/newsletter/recipients.internal";
import type { Result } from "@/lib/form-result";
import { createPasswordLink } from "@/lib/auth/service";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { dateKey, dayKey, parseDateKey } from "@/lib/dates";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import type { CategoryChangeInput, MemberInput } from "@/lib/members/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shownName } from "@/lib/members/names";

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type MemberFailure =
  | "notFound"
  | "emailTaken"
  | "categoryUnknown"
  | "changeNotAfterCurrent"
  | "noEmail"
  | "archived"
  | "accountOwnedEmail";

// An account belongs to its person once they have chosen a password (or proved their address),
// or as soon as another cooperative counts them too: from then on no coordinator changes its
// e-mail (which would let them receive its reset link) nor its name. The coordinator then sets
// the name as shown in their own cooperative (Membership.displayName) and nowhere else.
async function accountOf(personId: string, cooperativeId: string) {
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { passwordHash: true, emailVerifiedAt: true },
  });
  const elsewhere = await db.membership.count({ where: { personId, cooperativeId: { not: cooperativeId } } });
  return {
    owned: Boolean(person.passwordHash || person.emailVerifiedAt) || elsewhere > 0,
    elsewhere: elsewhere > 0,
  };
}
export type MemberResult<T = null> = Result<T, MemberFailure>;

export type MemberRow = {
  id: string;
  name: string;
  email: string | null;
  kind: "ASSOCIATE" | "GUEST";
  status: "ACTIVE" | "ARCHIVED";
  category: string | null;
  isCoordinator: boolean;
  activated: boolean;
  invitedAt: Date | null;
  shares: number;
};

const rowInclude = {
  person: { select: { name: true, email: true, passwordHash: true, emailVerifiedAt: true } },
  categoryAssignments: { include: { category: { select: { name: true } } } },
} satisfies Prisma.MembershipInclude;

type RowSource = Prisma.MembershipGetPayload<{ include: typeof rowInclude }>;

function toRow(m: RowSource, today: Date): MemberRow {
  return {
    id: m.id,
    name: shownName(m),
    email: m.person.email,
    kind: m.kind,
    status: m.status,
    category: categoryOn(spansOf(m.categoryAssignments), today)?.categoryName ?? null,
    isCoordinator: m.isCoordinator,
    activated: m.person.passwordHash !== null || m.person.emailVerifiedAt !== null,
    invitedAt: m.invitedAt,
    shares: m.shares,
  };
}

export type MemberFilter = { q?: string; status?: "active" | "archived" | "inactive" };

export async function listMembers(
  actor: Actor,
  filter: MemberFilter = {},
  today = new Date(),
): Promise<MemberRow[]> {
  authorize(actor, "member.manage");
  const q = filter.q?.trim();
  const members = await db.membership.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      status: filter.status === "archived" ? "ARCHIVED" : "ACTIVE",
      ...(q
        ? {
            OR: [
              { displayName: { contains: q, mode: "insensitive" } },
              {
                person: {
                  OR: [
                    { name: { contains: q, mode: "insensitive" } },
                    { email: { contains: q, mode: "insensitive" } },
                  ],
                },
              },
            ],
          }
        : {}),
    },
    include: rowInclude,
    orderBy: { person: { name: "asc" } },
  });
  const rows = members.map((m) => toRow(m, today));
  return filter.status === "inactive" ? rows.filter((r) => !r.activated) : rows;
}

export type MemberDetail = MemberRow & {
  personId: string;
  // The account is the person's own (lib/members/service.ts accountOf): its e-mail and its own
  // name are theirs; `name` above is the one shown in this cooperative.
  accountOwned: boolean;
  accountName: string;
  phone: string | null;
  address: string | null;
  title: string | null;
  joinedOn: string | null;
  categoryId: string | null;
  newsletterConsent: boolean;
  history: { categoryName: string; validFrom: string; validTo: string | null }[];
};

async function findOwn(actor: Actor, id: string) {
  return db.membership.findFirst({ where: { id, cooperativeId: actor.cooperativeId }, include: rowInclude });
}

export async function getMember(actor: Actor, id: string, today = new Date()): Promise<MemberDetail | null> {
  authorize(actor, "member.manage");
  const m = await findOwn(actor, id);
  if (!m) return null;
  const full = await db.membership.findUniqueOrThrow({
    where: { id },
    select: { phone: true, address: true, title: true, joinedOn: true },
  });
  const recipient = m.person.email
    ? await db.newsletterRecipient.findUnique({
        where: { cooperativeId_email: { cooperativeId: actor.cooperativeId, email: m.person.email } },
      })
    : null;
  const spans = spansOf(m.categoryAssignments).sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const account = await accountOf(m.personId, actor.cooperativeId);
  return {
    ...toRow(m, today),
    personId: m.personId,
    accountOwned: account.owned,
    accountName: m.person.name,
    phone: full.phone,
    address: full.address,
    title: full.title,
    joinedOn: full.joinedOn ? dateKey(full.joinedOn) : null,
    categoryId: categoryOn(spans, today)?.categoryId ?? null,
    newsletterConsent:
      recipient !== null && recipient.consentAt !== null && recipient.unsubscribedAt === null,
    history: spans.map((s) => ({
      categoryName: s.categoryName,
      validFrom: dateKey(s.validFrom),
      validTo: s.validTo ? dateKey(s.validTo) : null,
    })),
  };
}

function membershipFields(input: MemberInput) {
  const { kind, isCoordinator, title, phone, address, shares } = input;
  return {
    kind,
    isCoordinator,
    title,
    phone,
    address,
    shares,
    joinedOn: input.joinedOn ? parseDateKey(input.joinedOn) : null,
  };
}

async function categoryIsOwn(actor: Actor, categoryId: string | null) {
  if (!categoryId) return true;
  return (await db.category.count({ where: { id: categoryId, cooperativeId: actor.cooperativeId } })) === 1;
}

export async function createMember(
  actor: Actor,
  input: MemberInput,
  now = new Date(),
): Promise<MemberResult<{ id: string }>> {
  authorize(actor, "member.manage");
  if (!(await categoryIsOwn(actor, input.categoryId))) return { ok: false, error: "categoryUnknown" };
  const cooperativeId = actor.cooperativeId;
  const result = await db.$transaction(async (tx) => {
    // One account per address: someone already known (e.g. in another cooperative) is reused.
    let person = input.email ? await tx.person.findUnique({ where: { email: input.email } }) : null;
    if (person && (await tx.membership.count({ where: { cooperativeId, personId: person.id } })) > 0)
      return null;
    person ??= await tx.person.create({ data: { name: input.name, email: input.email } });
    // Someone already known keeps their own name; here they show the one typed, if different.
    const displayName = input.name === person.name ? null : input.name;
    const membership = await tx.membership.create({
      data: { cooperativeId, personId: person.id, displayName, ...membershipFields(input) },
    });
    if (input.categoryId) {
      await tx.categoryAssignment.create({
        data: {
          cooperativeId,
          membershipId: membership.id,
          categoryId: input.categoryId,
          validFrom: parseDateKey(input.joinedOn ?? dayKey(now)),
        },
      });
    }
    await setMemberConsent(tx, {
      cooperativeId,
      email: input.email,
      name: input.name,
      consent: input.newsletterConsent,
      now,
    });
    await recordAudit(tx, {
      cooperativeId,
      actorId: actor.personId,
      action: "member.created",
      entityType: "Membership",
      entityId: membership.id,
      after: input as never,
    });
    return membership.id;
  });
  if (!result) return { ok: false, error: "emailTaken" };
  if (input.invite) await inviteMember(actor, result, now);
  return { ok: true, data: { id: result } };
}

export async function updateMember(
  actor: Actor,
  id: string,
  input: MemberInput,
  now = new Date(),
): Promise<MemberResult> {
  authorize(actor, "member.manage");
  const before = await getMember(actor, id, now);
  if (!before) return { ok: false, error: "notFound" };
  const membership = await db.membership.findUniqueOrThrow({
    where: { id },
    select: { personId: true, person: { select: { name: true } } },
  });
  const account = await accountOf(membership.personId, actor.cooperativeId);
  if (account.owned && (input.email ?? null) !== (before.email ?? null))
    return { ok: false, error: "accountOwnedEmail", fieldErrors: { email: "accountOwnedEmail" } };
  if (input.email && input.email !== before.email) {
    const other = await db.person.findUnique({ where: { email: input.email } });
    if (other && other.id !== membership.personId) return { ok: false, error: "emailTaken" };
  }
  await db.$transaction(async (tx) => {
    // An account the person owns keeps its own name; this cooperative shows the one set here.
    if (!account.owned)
      await tx.person.update({
        where: { id: membership.personId },
        data: { name: input.name, email: input.email },
      });
    const ownName = account.owned ? membership.person.name : input.name;
    await tx.membership.update({
      where: { id },
      data: { ...membershipFields(input), displayName: input.name === ownName ? null : input.name },
    });
    // Only a box the coordinator changed (or a new address) changes the consent.
    const boxWas = input.newsletterConsentWas;
    if (
      boxWas === undefined ||
      input.newsletterConsent !== boxWas ||
      (input.email ?? null) !== (before.email ?? null)
    )
      await setMemberConsent(tx, {
        cooperativeId: actor.cooperativeId,
        email: input.email,
        name: input.name,
        consent: input.newsletterConsent,
        now,
      });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "member.updated",
      entityType: "Membership",
      entityId: id,
      before: before as never,
      after: input as never,
    });
  });
  return { ok: true, data: null };
}

// "salariée until 14/02/2023, soutien militant since 15/02/2023": the current category ends the
// day the new one starts; the old one stays in the history.
export async function changeCategory(
  actor: Actor,
  id: string,
  input: CategoryChangeInput,
): Promise<MemberResult> {
  authorize(actor, "member.manage");
  const member = await findOwn(actor, id);
  if (!member) return { ok: false, error: "notFound" };
  if (!(await categoryIsOwn(actor, input.categoryId))) return { ok: false, error: "categoryUnknown" };
  const from = parseDateKey(input.from);
  const open = member.categoryAssignments.find((a) => a.validTo === null);
  const latest = [...member.categoryAssignments].sort(
    (a, b) => b.validFrom.getTime() - a.validFrom.getTime(),
  )[0];
  if (latest && dateKey(from) <= dateKey(latest.validFrom))
    return { ok: false, error: "changeNotAfterCurrent" };
  await db.$transaction(async (tx) => {
    if (open) await tx.categoryAssignment.update({ where: { id: open.id }, data: { validTo: from } });
    await tx.categoryAssignment.create({
      data: {
        cooperativeId: actor.cooperativeId,
        membershipId: id,
        categoryId: input.categoryId,
        validFrom: from,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "member.categoryChanged",
      entityType: "Membership",
      entityId: id,
      before: open ? { categoryId: open.categoryId, validFrom: dateKey(open.validFrom) } : undefined,
      after: { categoryId: input.categoryId, validFrom: input.from },
    });
  });
  return { ok: true, data: null };
}

// Archiving keeps the person and every past line (attendance, ballots, history); their
// current mandates end on that day.
export async function setArchived(
  actor: Actor,
  id: string,
  archived: boolean,
  now = new Date(),
): Promise<MemberResult> {
  authorize(actor, "member.manage");
  const member = await findOwn(actor, id);
  if (!member) return { ok: false, error: "notFound" };
  const today = parseDateKey(dayKey(now));
  await db.$transaction(async (tx) => {
    await tx.membership.update({
      where: { id },
      data: archived
        ? { status: "ARCHIVED", archivedAt: now, leftOn: today }
        : { status: "ACTIVE", archivedAt: null, leftOn: null },
    });
    if (archived) {
      await endMandatesOf(tx, { membershipId: id, on: today });
      // Their places at events still to come go back to the others.
      await releaseFutureSignups(tx, { membershipId: id, now });
      // No active membership left: the person's sessions end (elsewhere, they act there still;
      // here, loadActor already refuses the archived membership).
      const left = await tx.membership.count({ where: { personId: member.personId, status: "ACTIVE" } });
      if (left === 0) await endSessionsOf(tx, { personId: member.personId });
    }
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: archived ? "member.archived" : "member.restored",
      entityType: "Membership",
      entityId: id,
    });
  });
  return { ok: true, data: null };
}

// The invitation of someone whose account is not theirs yet: a link to choose their password.
async function sendInvitation(
  actor: Actor,
  { email, name, url }: { email: string; name: string; url: string },
) {
  await sendEmail({
    cooperativeId: actor.cooperativeId,
    to: email,
    subject: `Invitation au Portail SCIC – ${actor.cooperativeName}`,
    text:
      `Bonjour ${name},\n\n${actor.name} vous invite sur le portail de ${actor.cooperativeName} : ` +
      `réunions, décisions, votes et boîte à idées.\n\nPour choisir votre mot de passe, ouvrez ce lien (valable 14 jours) :\n${url}\n\n` +
      `Votre identifiant est votre adresse e-mail : ${email}\n\n—\n\n` +
      `${actor.name} invites you to the portal of ${actor.cooperativeName}. To choose your password, open this link (valid for 14 days):\n${url}\n`,
  });
}

// An e-mail with a link to choose a password; sending it again is the "resend". Someone whose
// account is already theirs is told instead, with no link.
export async function inviteMember(actor: Actor, id: string, now = new Date()): Promise<MemberResult> {
  authorize(actor, "member.manage");
  const member = await findOwn(actor, id);
  if (!member) return { ok: false, error: "notFound" };
  if (member.status === "ARCHIVED") return { ok: false, error: "archived" };
  if (!member.person.email) return { ok: false, error: "noEmail" };
  const account = await accountOf(member.personId, actor.cooperativeId);
  if (account.owned) {
    // Their account already exists: they are told, and sign in as usual. No link to choose a
    // password goes out on a coordinator's request (it would be a way into their account).
    await sendEmail({
      cooperativeId: actor.cooperativeId,
      to: member.person.email,
      subject: `Vous êtes membre de ${actor.cooperativeName} sur le Portail SCIC`,
      text:
        `Bonjour ${member.person.name},\n\n${actor.name} vous a ajouté·e au registre de ${actor.cooperativeName}. ` +
        `Connectez-vous avec votre compte habituel : ${siteUrl()}/connexion\n` +
        `Vous passez d'une coopérative à l'autre depuis le haut de chaque page.\n\n` +
        `Si vous ne connaissez pas ${actor.cooperativeName}, répondez à ce message.\n\n—\n\n` +
        `${actor.name} added you to the register of ${actor.cooperativeName}. Sign in with your usual account: ${siteUrl()}/connexion\n`,
    });
  } else {
    const url = await createPasswordLink(member.personId, siteUrl(), INVITATION_TTL_MS, now);
    await sendInvitation(actor, { email: member.person.email, name: member.person.name, url });
  }
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id }, data: { invitedAt: now } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "member.invited",
      entityType: "Membership",
      entityId: id,
    });
  });
  return { ok: true, data: null };
}

export async function listCategories(actor: Actor) {
  authorize(actor, "member.manage");
  return db.category.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
}

// « Changer de lien » (Mon profil): the member's calendar feed gets a new secret address, from
// the crypto generator; the old one stops answering.
export async function renewCalendarLink(actor: Actor): Promise<MemberResult> {
  authorize(actor, "home.view");
  await db.$transaction(async (tx) => {
    await tx.membership.update({
      where: { id: actor.membershipId },
      data: { calendarSeed: randomBytes(32).toString("base64url") },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "member.calendarLinkRenewed",
      entityType: "Membership",
      entityId: actor.membershipId,
    });
  });
  return { ok: true, data: null };
}
