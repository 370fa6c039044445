import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createPasswordLink } from "@/lib/auth/service";
import { hashPassword } from "@/lib/auth/password";
import { siteUrl } from "@/lib/site-url";
import type { Result } from "@/lib/form-result";
import type { SetupInput } from "@/lib/operator/schema";

// Internal to the server: who runs the portal for the network. Made from the shell
// (`npm run operator:create`), or once from the setup link an empty portal prints in its log.

const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SETUP_TTL_MS = 24 * 60 * 60 * 1000;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

// Makes (or marks) the person an operator. Someone without a password gets a link to choose one
// (7 days); someone who has one signs in as usual (null).
export async function makeOperator({ email, name }: { email: string; name: string }): Promise<string | null> {
  const address = email.trim().toLowerCase();
  const person = await db.person.upsert({
    where: { email: address },
    create: { email: address, name, isOperator: true },
    update: { isOperator: true },
  });
  if (person.passwordHash) return null;
  return createPasswordLink(person.id, siteUrl(), LINK_TTL_MS);
}

// An empty portal (no operator, no cooperative but the demo) prints a one-time link to create
// its first operator; null when there is nothing to set up.
export async function setupLinkIfEmpty(now = new Date()): Promise<string | null> {
  const operators = await db.person.count({ where: { isOperator: true } });
  const cooperatives = await db.cooperative.count({ where: { isDemo: false } });
  if (operators > 0 || cooperatives > 0) return null;
  const token = randomBytes(32).toString("base64url");
  await db.operatorSetup.create({
    data: { tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + SETUP_TTL_MS) },
  });
  return `${siteUrl()}/installation?jeton=${encodeURIComponent(token)}`;
}

export async function setupIsOpen(token: string, now = new Date()): Promise<boolean> {
  const setup = await db.operatorSetup.findUnique({ where: { tokenHash: hashOf(token) } });
  return Boolean(setup && !setup.usedAt && setup.expiresAt > now) && (await noOperatorYet());
}

async function noOperatorYet() {
  return (await db.person.count({ where: { isOperator: true } })) === 0;
}

// The link used: the first operator exists, with the password they chose; every setup link ends.
export async function completeSetup(
  input: SetupInput,
  now = new Date(),
): Promise<Result<null, "setupInvalid">> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Two setup links (two workers each printed one) used at the same instant: one at a time, so
    // the second sees the first's operator and is refused.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portail:operator-setup'))`;
    const claimed = await tx.operatorSetup.updateManyAndReturn({
      where: { tokenHash: hashOf(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.length === 0 || (await tx.person.count({ where: { isOperator: true } })) > 0)
      return { ok: false, error: "setupInvalid" } as const;
    await tx.operatorSetup.updateMany({ where: { usedAt: null }, data: { usedAt: now } });
    await tx.person.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name, passwordHash, emailVerifiedAt: now, isOperator: true },
      update: { isOperator: true, passwordHash, sessionVersion: { increment: 1 } },
    });
    return { ok: true, data: null } as const;
  });
}
