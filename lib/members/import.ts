import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { dayKey, parseDateKey } from "@/lib/dates";
import { addConsentingMembers, importRecipients } from "@/lib/newsletter/recipients.internal";
import { parseSpreadsheet, type ParsedFile } from "@/lib/members/import-file";
import {
  checkMemberRows,
  checkRecipientRows,
  type ImportKind,
  type RowError,
} from "@/lib/members/import-rules";

export type ImportLine = { lines: number[]; label: string; action: "create" | "update" | "keepUnsubscribed" };
export type ImportPreview = {
  kind: ImportKind;
  lines: ImportLine[];
  errors: RowError[];
  toCreate: number;
  toUpdate: number;
};
// What the import form shows: the file's report, and whether it was written.
export type ImportReport = { preview: ImportPreview; imported: boolean };
export type ImportResult =
  | { ok: true; preview: ImportPreview; imported: boolean }
  | { ok: false; error: Exclude<ParsedFile, { ok: true }>["error"] | "rowErrors"; preview?: ImportPreview };

type Plan = { preview: ImportPreview; write: () => Promise<void> };

async function planMembers(
  actor: Actor,
  rows: Parameters<typeof checkMemberRows>[0],
  now: Date,
): Promise<Plan> {
  const cooperativeId = actor.cooperativeId;
  const categories = await db.category.findMany({
    where: { cooperativeId },
    select: { id: true, name: true },
  });
  const checked = checkMemberRows(rows, categories);
  const emails = checked.rows.map((r) => r.email).filter((e): e is string => e !== null);
  const persons = await db.person.findMany({
    where: { email: { in: emails } },
    include: { memberships: { where: { cooperativeId }, select: { id: true } } },
  });
  const personByEmail = new Map(persons.map((p) => [p.email!, p]));
  const lines: ImportLine[] = checked.rows.map((r) => ({
    lines: r.lines,
    label: r.email ? `${r.name} <${r.email}>` : r.name,
    action: r.email && personByEmail.get(r.email)?.memberships.length ? "update" : "create",
  }));
  const preview: ImportPreview = {
    kind: "members",
    lines,
    errors: checked.errors,
    toCreate: lines.filter((l) => l.action === "create").length,
    toUpdate: lines.filter((l) => l.action === "update").length,
  };
  const today = dayKey(now);

  async function write() {
    await db.$transaction(
      async (tx) => {
        const newPersons: { id: string; name: string; email: string | null }[] = [];
        const newMemberships: {
          id: string;
          cooperativeId: string;
          personId: string;
          kind: "ASSOCIATE" | "GUEST";
          joinedOn: Date | null;
          shares: number;
          phone: string | null;
          address: string | null;
        }[] = [];
        const assignments: {
          cooperativeId: string;
          membershipId: string;
          categoryId: string;
          validFrom: Date;
        }[] = [];
        const consents: { email: string; name: string }[] = [];
        for (const row of checked.rows) {
          const known = row.email ? personByEmail.get(row.email) : undefined;
          if (known?.memberships.length) {
            // Already in the register: contact details are refreshed, the category is kept
            // (a change of category is dated, and made on the member's page).
            await tx.person.update({ where: { id: known.id }, data: { name: row.name } });
            await tx.membership.update({
              where: { id: known.memberships[0]!.id },
              data: {
                ...(row.phone ? { phone: row.phone } : {}),
                ...(row.address ? { address: row.address } : {}),
              },
            });
          } else {
            const personId = known?.id ?? randomUUID();
            if (!known) newPersons.push({ id: personId, name: row.name, email: row.email });
            const membershipId = randomUUID();
            const joinedOn = parseDateKey(row.joinedOn ?? today);
            const guest = row.kind === "GUEST";
            newMemberships.push({
              id: membershipId,
              cooperativeId,
              personId,
              kind: row.kind,
              joinedOn: guest ? null : joinedOn,
              shares: guest ? 0 : row.shares,
              phone: row.phone,
              address: row.address,
            });
            if (row.categoryId)
              assignments.push({
                cooperativeId,
                membershipId,
                categoryId: row.categoryId,
                validFrom: joinedOn,
              });
          }
          if (row.email && row.newsletterConsent) consents.push({ email: row.email, name: row.name });
        }
        await tx.person.createMany({ data: newPersons });
        await tx.membership.createMany({ data: newMemberships });
        await tx.categoryAssignment.createMany({ data: assignments });
        await addConsentingMembers(tx, { cooperativeId, members: consents, now });
        await recordAudit(tx, {
          cooperativeId,
          actorId: actor.personId,
          action: "members.imported",
          entityType: "Cooperative",
          entityId: cooperativeId,
          after: { created: preview.toCreate, updated: preview.toUpdate },
        });
      },
      { timeout: 120_000 },
    );
  }
  return { preview, write };
}

async function planRecipients(
  actor: Actor,
  rows: Parameters<typeof checkRecipientRows>[0],
  now: Date,
): Promise<Plan> {
  const cooperativeId = actor.cooperativeId;
  const checked = checkRecipientRows(rows);
  const existing = await db.newsletterRecipient.findMany({
    where: { cooperativeId, email: { in: checked.rows.map((r) => r.email) } },
  });
  const byEmail = new Map(existing.map((r) => [r.email, r]));
  const lines: ImportLine[] = checked.rows.map((r) => {
    const known = byEmail.get(r.email);
    // Someone who unsubscribed stays unsubscribed: an old spreadsheet never overrides that.
    return {
      lines: r.lines,
      label: r.name ? `${r.name} <${r.email}>` : r.email,
      action: !known ? "create" : known.unsubscribedAt ? "keepUnsubscribed" : "update",
    };
  });
  const preview: ImportPreview = {
    kind: "recipients",
    lines,
    errors: checked.errors,
    toCreate: lines.filter((l) => l.action === "create").length,
    toUpdate: lines.filter((l) => l.action === "update").length,
  };
  async function write() {
    await db.$transaction(
      async (tx) => {
        await importRecipients(tx, { cooperativeId, rows: checked.rows, known: byEmail, now });
        await recordAudit(tx, {
          cooperativeId,
          actorId: actor.personId,
          action: "recipients.imported",
          entityType: "Cooperative",
          entityId: cooperativeId,
          after: { created: preview.toCreate, updated: preview.toUpdate },
        });
      },
      { timeout: 120_000 },
    );
  }
  return { preview, write };
}

// Preview, or import all-or-nothing: a single bad row anywhere imports nothing and says so.
export async function importSpreadsheet(
  actor: Actor,
  { kind, file, commit }: { kind: ImportKind; file: File; commit: boolean },
  now = new Date(),
): Promise<ImportResult> {
  authorize(actor, kind === "members" ? "member.manage" : "newsletter.manage");
  const parsed = await parseSpreadsheet(file);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const plan =
    kind === "members"
      ? await planMembers(actor, parsed.rows, now)
      : await planRecipients(actor, parsed.rows, now);
  if (plan.preview.errors.length) return { ok: false, error: "rowErrors", preview: plan.preview };
  if (!commit) return { ok: true, preview: plan.preview, imported: false };
  await plan.write();
  return { ok: true, preview: plan.preview, imported: true };
}
