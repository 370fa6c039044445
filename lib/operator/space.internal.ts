import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { createPasswordLink } from "@/lib/auth/service";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { createCooperativeRecord } from "@/lib/statutes/new-cooperative.internal";
import { createFirstBodies } from "@/lib/bodies/new-cooperative.internal";
import { addFirstCoordinator } from "@/lib/members/first-coordinator.internal";
import type { Result } from "@/lib/form-result";
import type { NewCooperativeInput } from "@/lib/operator/schema";

export type CreateCooperativeResult = Result<{ id: string; slug: string }, "slugTaken">;

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// Creates a cooperative ready for its first steps: statutes at the law's defaults, a council and
// a general assembly, its coordinator. The coordinator gets an e-mail: a link to choose their
// password (14 days), or, for someone who already has an account, a note to sign in with it.
// Internal: the operator's page (lib/operator/service.ts) and `npm run cooperative:create` call it.
export async function createCooperativeSpace(
  input: NewCooperativeInput,
  { actorId }: { actorId: string | null },
): Promise<CreateCooperativeResult> {
  if (await db.cooperative.findUnique({ where: { slug: input.slug }, select: { id: true } }))
    return { ok: false, error: "slugTaken", fieldErrors: { slug: "slugTaken" } };
  const created = await db.$transaction(async (tx) => {
    const coop = await createCooperativeRecord(tx, {
      name: input.name,
      shortName: input.shortName,
      city: input.city,
      slug: input.slug,
    });
    await createFirstBodies(tx, coop.id);
    const coordinator = await addFirstCoordinator(tx, {
      cooperativeId: coop.id,
      email: input.coordinatorEmail,
      name: input.coordinatorName,
    });
    await recordAudit(tx, {
      cooperativeId: coop.id,
      actorId,
      action: "cooperative.created",
      entityType: "Cooperative",
      entityId: coop.id,
      after: { name: input.name, slug: input.slug, coordinatorEmail: input.coordinatorEmail },
    });
    return { coop, coordinator };
  });
  await inviteFirstCoordinator({
    cooperativeId: created.coop.id,
    cooperativeName: input.name,
    personId: created.coordinator.personId,
    email: input.coordinatorEmail,
    name: input.coordinatorName,
    owned: created.coordinator.owned,
  });
  return { ok: true, data: { id: created.coop.id, slug: created.coop.slug } };
}

async function inviteFirstCoordinator(to: {
  cooperativeId: string;
  cooperativeName: string;
  personId: string;
  email: string;
  name: string;
  owned: boolean;
}) {
  const intro =
    `Bonjour ${to.name},\n\nL'espace de ${to.cooperativeName} est ouvert sur le Portail SCIC, et vous en êtes ` +
    `la coordination : vous y préparez les réunions, les comptes rendus, les votes et la boîte à idées.\n\n`;
  const steps =
    `Une liste de premiers pas vous attend sur l'accueil : l'identité de la coopérative, les catégories et ` +
    `collèges, le conseil et ses sièges, le registre des membres, la première réunion.\n`;
  if (to.owned) {
    await sendEmail({
      cooperativeId: to.cooperativeId,
      to: to.email,
      subject: `Votre espace ${to.cooperativeName} sur le Portail SCIC`,
      text: `${intro}Connectez-vous avec votre compte habituel : ${siteUrl()}/connexion\n\n${steps}`,
    });
    return;
  }
  const url = await createPasswordLink(to.personId, siteUrl(), INVITATION_TTL_MS);
  await sendEmail({
    cooperativeId: to.cooperativeId,
    to: to.email,
    subject: `Votre espace ${to.cooperativeName} sur le Portail SCIC`,
    text:
      `${intro}Pour choisir votre mot de passe, ouvrez ce lien (valable 14 jours) :\n${url}\n\n${steps}\n—\n\n` +
      `The space of ${to.cooperativeName} is open on Portail SCIC and you coordinate it. ` +
      `To choose your password, open this link (valid for 14 days):\n${url}\n`,
  });
}
