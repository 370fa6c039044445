import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";

// RGPD art. 15 and 20: everything the portal holds about the person acting, in every cooperative.
export async function exportMyData(actor: Actor) {
  const person = await db.person.findUniqueOrThrow({
    where: { id: actor.personId },
    select: { id: true, name: true, email: true, locale: true, createdAt: true, emailVerifiedAt: true },
  });
  const memberships = await db.membership.findMany({
    where: { personId: actor.personId },
    include: {
      cooperative: { select: { name: true } },
      categoryAssignments: { include: { category: { select: { name: true } } } },
      mandates: { include: { body: { select: { name: true } } } },
      attendances: {
        include: { meeting: { select: { number: true, startsAt: true, body: { select: { name: true } } } } },
      },
      proxiesGiven: true,
      proxiesHeld: true,
      participations: { select: { questionId: true, channel: true, question: { select: { title: true } } } },
      ballots: { select: { questionId: true, choice: true, question: { select: { title: true } } } },
      ideas: {
        select: { text: true, theme: true, source: true, status: true, answerText: true, createdAt: true },
      },
      minutesComments: { select: { body: true, createdAt: true } },
      actionItems: { include: { actionItem: { select: { title: true, dueOn: true, status: true } } } },
    },
  });
  const emails = person.email ? [person.email] : [];
  const [recipients, outbox, audit, contacts, eventSignups] = await Promise.all([
    db.newsletterRecipient.findMany({
      where: { email: { in: emails } },
      select: {
        cooperativeId: true,
        email: true,
        name: true,
        group: true,
        consentAt: true,
        unsubscribedAt: true,
      },
    }),
    db.outboxEmail.findMany({
      where: { toAddress: { in: emails } },
      select: { subject: true, createdAt: true, status: true },
    }),
    db.auditEntry.findMany({
      where: {
        OR: [
          { actorId: actor.personId },
          { entityId: { in: [actor.personId, ...memberships.map((m) => m.id)] } },
        ],
      },
      select: { action: true, entityType: true, createdAt: true },
    }),
    // The list of people willing to be contacted (lib/contacts): by membership or e-mail.
    db.contactConsent.findMany({
      where: { OR: [{ membershipId: { in: memberships.map((m) => m.id) } }, { email: { in: emails } }] },
      select: {
        cooperativeId: true,
        name: true,
        phone: true,
        email: true,
        purposes: true,
        channels: true,
        availability: true,
        languages: true,
        note: true,
        source: true,
        consentText: true,
        consentAt: true,
        confirmedAt: true,
        withdrawnAt: true,
      },
    }),
    // Events signed up to (lib/events), from the portal or the public page with the same e-mail.
    db.eventSignup.findMany({
      where: { OR: [{ membershipId: { in: memberships.map((m) => m.id) } }, { email: { in: emails } }] },
      select: {
        cooperativeId: true,
        name: true,
        email: true,
        phone: true,
        source: true,
        checkedInAt: true,
        createdAt: true,
        event: { select: { title: true, startsAt: true } },
      },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    note: "Données détenues par le Portail SCIC à votre sujet (RGPD, art. 15 et 20). Les votes à bulletin secret ne sont liés à personne : seule votre participation y figure.",
    person,
    memberships: memberships.map(({ calendarSeed: _seed, ...m }) => m),
    newsletter: recipients,
    contactList: contacts,
    eventSignups,
    emailsSent: outbox,
    changesMadeByOrAboutYou: audit,
  };
}

export const ERASED_NAME = "un·e membre";
const ERASED_EMAIL = "[adresse effacée]";
const ERASED_PHONE = "[téléphone effacé]";
const ERASED_ADDRESS = "[adresse postale effacée]";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

// Replaces each trace in every text and JSON column of the tables that carry a cooperativeId,
// for this cooperative only. In JSON, the trace is also looked for as JSON writes it.
async function scrubCooperative(
  tx: Tx,
  { cooperativeId, traces }: { cooperativeId: string; traces: { needle: string; replacement: string }[] },
) {
  if (traces.length === 0) return;
  const columns = await tx.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT c.table_name::text AS "table", c.column_name::text AS "column", c.data_type::text AS "type"
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema()
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
      AND c.column_name NOT IN ('id', 'cooperativeId')
      AND c.table_name <> 'Person'
      AND EXISTS (
        SELECT 1 FROM information_schema.columns k
        WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name
          AND k.column_name = 'cooperativeId'
      )`;
  for (const { table, column, type } of columns) {
    const json = type === "json" || type === "jsonb";
    const text = json ? `${quote(column)}::text` : quote(column);
    const sql =
      `UPDATE ${quote(table)} SET ${quote(column)} = replace(${text}, $1, $2)${json ? `::${type}` : ""} ` +
      `WHERE "cooperativeId" = $3 AND strpos(${text}, $1) > 0`;
    for (const { needle, replacement } of traces) {
      const forms = json ? new Set([needle, JSON.stringify(needle).slice(1, -1)]) : [needle];
      for (const form of forms) await tx.$executeRawUnsafe(sql, form, replacement, cooperativeId);
    }
  }
}

// RGPD art. 17: the identity goes; what the cooperative decided stays. Ballots still count but
// no longer name anyone; minutes keep "un·e membre" where the name stood. A person who also
// belongs to another cooperative keeps their account there: only this cooperative's link goes.
export async function erasePerson(
  actor: Actor,
  membershipId: string,
): Promise<Result<null, "notFound" | "eraseSelf">> {
  authorize(actor, "member.manage");
  const cooperativeId = actor.cooperativeId;
  const membership = await db.membership.findFirst({
    where: { id: membershipId, cooperativeId },
    include: { person: { include: { memberships: { select: { id: true } } } } },
  });
  if (!membership) return { ok: false, error: "notFound" };
  if (membership.personId === actor.personId) return { ok: false, error: "eraseSelf" };
  const { person } = membership;
  const elsewhere = person.memberships.some((m) => m.id !== membershipId);

  await db.$transaction(async (tx) => {
    const anonymous = await tx.person.create({ data: { name: ERASED_NAME } });
    await tx.membership.update({
      where: { id: membershipId },
      data: {
        personId: anonymous.id,
        phone: null,
        address: null,
        title: null,
        isCoordinator: false,
        status: "ARCHIVED",
        archivedAt: new Date(),
        calendarSeed: crypto.randomUUID(),
      },
    });
    await tx.ballot.updateMany({ where: { memberId: membershipId }, data: { memberId: null } });
    await tx.idea.updateMany({
      where: { authorId: membershipId },
      data: { authorId: null, authorName: null, showName: false, contact: null },
    });
    // Off the list of people to contact, whichever way they joined it.
    await tx.contactConsent.deleteMany({
      where: {
        cooperativeId,
        OR: [{ membershipId }, ...(person.email ? [{ email: person.email }] : [])],
      },
    });
    // Off the events' lists, signed up as a member or from the public page with the same e-mail.
    await tx.eventSignup.deleteMany({
      where: {
        cooperativeId,
        OR: [{ membershipId }, ...(person.email ? [{ email: person.email }] : [])],
      },
    });
    if (person.email) {
      await tx.newsletterRecipient.deleteMany({ where: { cooperativeId, email: person.email } });
      await tx.outboxEmail.deleteMany({ where: { cooperativeId, toAddress: person.email } });
    }
    // Wherever else this cooperative wrote the name, the e-mail, the phone or the postal address
    // (minutes, versions, decisions, action items, agenda, comments, ideas, e-mails, the audit's
    // before/after…), it is replaced. Every text and JSON column of every table scoped by
    // cooperative is searched, so a column added later is covered without a change here.
    const traces = [
      { needle: person.name, replacement: ERASED_NAME },
      { needle: person.email, replacement: ERASED_EMAIL },
      { needle: membership.phone, replacement: ERASED_PHONE },
      { needle: membership.address, replacement: ERASED_ADDRESS },
    ].filter((t): t is { needle: string; replacement: string } => !!t.needle && t.needle.trim().length >= 3);
    await scrubCooperative(tx, { cooperativeId, traces });
    await tx.$executeRaw`UPDATE "AuditEntry" SET "before" = NULL, "after" = NULL WHERE "cooperativeId" = ${cooperativeId} AND "entityId" = ${membershipId}`;
    if (!elsewhere) {
      await tx.passwordResetToken.deleteMany({ where: { personId: person.id } });
      if (person.email) await tx.verificationToken.deleteMany({ where: { identifier: person.email } });
      await tx.person.update({
        where: { id: person.id },
        // Every session of the erased person ends with the account.
        data: {
          name: ERASED_NAME,
          email: null,
          passwordHash: null,
          emailVerifiedAt: null,
          sessionVersion: { increment: 1 },
        },
      });
    }
    await recordAudit(tx, {
      cooperativeId,
      actorId: actor.personId,
      action: "person.erased",
      entityType: "Membership",
      entityId: membershipId,
    });
  });
  return { ok: true, data: null };
}
