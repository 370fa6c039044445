import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/mail/send";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { limit } from "@/lib/limits/counters";
import { limitedAddress } from "@/lib/net/client-address";
import type { NewPasswordInput } from "@/lib/auth/schema";
import type { Actor } from "@/lib/auth/actor";
import { endPasswordLinksOf, endSessionsOf } from "@/lib/auth/sessions.internal";
import type { Result } from "@/lib/form-result";
import type { Locale } from "@/lib/i18n/config";
import { demoEnabled } from "@/lib/demo";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CredentialsResult =
  { ok: true; personId: string } | { ok: false; error: "invalid" | "rateLimited" };

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

// Wrong password and unknown e-mail give the same answer. Every attempt is counted before the
// password is checked, in one statement each (lib/limits): a burst cannot slip between count and
// check. The limits are built so that nobody else can lock a person out of their own account:
// - per account and address: 10 tries in 15 minutes, then 15 minutes' wait, for that address
//   only. The key carries the session version, so a new password starts a fresh count;
// - per address: 100 failures a day, whatever the accounts (someone trying many);
// - per account: 50 failures an hour from addresses the person never signed in from (someone
//   trying one account from many). The person's usual device, where they signed in within 90
//   days, is never held by it.
const perAccountAndAddress = limit({
  name: "sign-in:account+address",
  points: 10,
  seconds: 900,
  blockSeconds: 900,
});
const perAddress = limit({ name: "sign-in:address", points: 100, seconds: 86_400, blockSeconds: 86_400 });
const perAccount = limit({ name: "sign-in:account", points: 50, seconds: 3_600, blockSeconds: 3_600 });
const usualDevices = limit({ name: "sign-in:usual", points: 1_000_000, seconds: 90 * 86_400 });

export async function verifyCredentials(
  email: string,
  password: string,
  ip: string | null,
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const person = await db.person.findUnique({
    where: { email: normalized },
    select: {
      id: true,
      passwordHash: true,
      sessionVersion: true,
      isOperator: true,
      memberships: { where: activeMembership(), select: { id: true } },
    },
  });
  const account = `${normalized}#${person?.sessionVersion ?? 0}`;
  const address = ip ? limitedAddress(ip) : "unknown";
  const pair = `${account}|${address}`;
  const device = `${normalized}|${address}`;
  const usual = await usualDevices.seen(device);
  const counted = [
    await perAccountAndAddress.take(pair),
    ip ? await perAddress.take(address) : true,
    usual ? true : await perAccount.take(account),
  ];
  if (counted.includes(false)) return { ok: false, error: "rateLimited" };

  const valid = await verifyPassword(person?.passwordHash ?? null, password);
  if (!person || !valid || (person.memberships.length === 0 && !person.isOperator))
    return { ok: false, error: "invalid" };
  // The right password: this try was no failure, and this address is now a usual one.
  await perAccountAndAddress.forget(pair);
  if (ip) await perAddress.giveBack(address);
  if (!usual) await perAccount.giveBack(account);
  await usualDevices.take(device);
  return { ok: true, personId: person.id };
}

// A membership that lets its person in: active, and not in a demo cooperative unless the demo is on.
function activeMembership(): Prisma.MembershipWhereInput {
  return demoEnabled() ? { status: "ACTIVE" } : { status: "ACTIVE", cooperative: { is: { isDemo: false } } };
}

// Who may receive a sign-in link or a reset link: a person with an active membership, or the
// network's operator.
export async function findSignInPerson(email: string) {
  const person = await db.person.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      isOperator: true,
      memberships: {
        where: activeMembership(),
        select: { cooperativeId: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!person?.email || (person.memberships.length === 0 && !person.isOperator)) return null;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale,
    cooperativeId: person.memberships[0]?.cooperativeId ?? null,
  };
}

export async function sendSignInLink(email: string, url: string) {
  const person = await findSignInPerson(email);
  if (!person) return; // same answer to the visitor either way
  await sendEmail({
    cooperativeId: person.cooperativeId,
    to: person.email,
    subject: "Votre lien de connexion au Portail SCIC / Your sign-in link",
    text:
      `Bonjour ${person.name},\n\nPour vous connecter au Portail SCIC, ouvrez ce lien (valable 24 heures) :\n${url}\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message.\n\n—\n\nTo sign in to Portail SCIC, open this link (valid for 24 hours):\n${url}\n`,
  });
}

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

// A one-time link to choose a password (a reset, or an invitation); only its hash is stored.
export async function createPasswordLink(
  personId: string,
  baseUrl: string,
  ttlMs: number,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: { personId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return `${baseUrl}/mot-de-passe/nouveau?token=${encodeURIComponent(token)}`;
}

export async function requestPasswordReset(email: string, baseUrl: string, now = new Date()) {
  const person = await findSignInPerson(email);
  if (!person) return; // same answer to the visitor either way
  const url = await createPasswordLink(person.id, baseUrl, RESET_TOKEN_TTL_MS, now);
  await sendEmail({
    cooperativeId: person.cooperativeId,
    to: person.email,
    subject: "Réinitialiser votre mot de passe / Reset your password",
    text:
      `Bonjour ${person.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${url}\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n\n—\n\n` +
      `To choose a new password, open this link (valid for one hour):\n${url}\n`,
  });
}

export type ResetResult = Result<null, "tokenInvalid">;

export async function resetPassword(input: NewPasswordInput, now = new Date()): Promise<ResetResult> {
  const passwordHash = await hashPassword(input.password);
  const changed = await db.$transaction(async (tx) => {
    // Claim the token atomically: two submissions of the same link cannot both succeed.
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const token = claimed[0];
    if (!token) return { ok: false, error: "tokenInvalid" } as const;
    // Choosing a password through the e-mailed link also proves the address: the account is active.
    await tx.person.update({ where: { id: token.personId }, data: { passwordHash, emailVerifiedAt: now } });
    const email = await tx.person.findUniqueOrThrow({
      where: { id: token.personId },
      select: { email: true },
    });
    // A new password ends every session and every other link of the person.
    await endSessionsOf(tx, { personId: token.personId });
    await endPasswordLinksOf(tx, { personId: token.personId, email: email.email, now });
    // Audited in every cooperative the person belongs to: each one's journal shows it.
    const memberships = await tx.membership.findMany({
      where: { personId: token.personId },
      select: { cooperativeId: true },
      orderBy: { createdAt: "asc" },
    });
    for (const { cooperativeId } of memberships)
      await recordAudit(tx, {
        cooperativeId,
        actorId: token.personId,
        action: "person.passwordReset",
        entityType: "Person",
        entityId: token.personId,
      });
    return {
      ok: true,
      data: { personId: token.personId, cooperativeId: memberships[0]?.cooperativeId ?? null },
    } as const;
  });
  if (!changed.ok) return changed;
  await tellPasswordChanged(changed.data.personId, changed.data.cooperativeId);
  return { ok: true, data: null };
}

// The person hears of every change of their password, by e-mail: if it was not them, they know.
async function tellPasswordChanged(personId: string, cooperativeId: string | null) {
  const person = await db.person.findUnique({ where: { id: personId }, select: { email: true, name: true } });
  if (!person?.email) return;
  await sendEmail({
    cooperativeId,
    to: person.email,
    subject: "Votre mot de passe a été changé / Your password was changed",
    text:
      `Bonjour ${person.name},\n\nLe mot de passe de votre compte du Portail SCIC vient d'être changé, et vos autres ` +
      `connexions sont terminées. Si ce n'était pas vous, demandez un nouveau mot de passe (« Mot de passe oublié ? ») ` +
      `et prévenez la coordination.\n\n—\n\nThe password of your Portail SCIC account was just changed and your other ` +
      `sessions ended. If it was not you, ask for a new password and tell the coordinator.\n`,
  });
}

// « Se déconnecter partout »: every session of the person ends, this one too.
export async function endAllSessions(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await endSessionsOf(tx, { personId: actor.personId });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "person.signedOutEverywhere",
      entityType: "Person",
      entityId: actor.personId,
    });
  });
}

// Signed in: the links that would let someone else choose the password end.
export async function endLinksAtSignIn(personId: string): Promise<void> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { email: true } });
  await db.$transaction((tx) => endPasswordLinksOf(tx, { personId, email: person?.email ?? null }));
}

// The language the person reads the portal in, kept with their account.
export async function setPersonLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.person.update({ where: { id: actor.personId }, data: { locale } });
}
