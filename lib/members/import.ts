import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { dayKey, parseDateKey } from "@/lib/dates";
import {
  addConsentingMembers,
  importRecipients,
  setMemberConsent,
} from "@/lib/newsletter/recipients.internal";
import { parseSpreadsheet, type ParsedFile } from "@/lib/members/import-file";
import {
  checkMemberRows,
  checkRecipientRows,
  type ImportKind,
  type RowError,
  type RowWarning,
} from "@/lib/members/import-rules";

// Why a recipient will get the letter, or not (import.reasons.<reason>).
export type RecipientReason =
  | "consentYes"
  | "consentOn"
  | "alreadyConsented"
  | "consentNo"
  | "consentBlank"
  | "withdrawn"
  | "unsubscribed"
  | "bounced"
  | "conflict";
export type ImportLine = {
  lines: number[];
  label: string;
  action: "create" | "update" | "keepUnsubscribed";
  // Newsletter recipients: whether the letter will reach them, and why.
  receives?: boolean;
  reason?: RecipientReason;
  consentOn?: string | null;
};
// The same address answered yes and no: the coordinator chooses (form field consent:<email>).
export type ConsentConflict = {
  email: string;
  answers: { line: number; consent: boolean }[];
  choice: boolean | null;
};
export type ImportPreview = {
  kind: ImportKind;
  lines: ImportLine[];
  errors: RowError[];
  warnings: RowWarning[];
  conflicts: ConsentConflict[];
  toCreate: number;
  toUpdate: number;
  receivers: number;
};
// What the import form shows: the file's report, and whether it was written.
export type ImportReport = { preview: ImportPreview; imported: boolean };
export type ImportResult =
  | { ok: true; preview: ImportPreview; imported: boolean }
  | {
      ok: false;
      error: Exclude<ParsedFile, { ok: true }>["error"] | "rowErrors" | "conflicts";
      preview?: ImportPreview;
    };

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
    warnings: [],
    conflicts: [],
    toCreate: lines.filter((l) => l.action === "create").length,
    toUpdate: lines.filter((l) => l.action === "update").length,
    receivers: 0,
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
          // A « non » in the file withdraws a consent already recorded for a known member.
          if (row.email && row.newsletterRefused && known?.memberships.length)
            await setMemberConsent(tx, {
              cooperativeId,
              email: row.email,
              name: row.name,
              consent: false,
              now,
            });
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
  {
    rows,
    resolutions,
  }: { rows: Parameters<typeof checkRecipientRows>[0]; resolutions: ReadonlyMap<string, boolean> },
  now: Date,
): Promise<Plan> {
  const cooperativeId = actor.cooperativeId;
  const checked = checkRecipientRows(rows);
  const existing = await db.newsletterRecipient.findMany({
    where: { cooperativeId, email: { in: checked.rows.map((r) => r.email) } },
  });
  const byEmail = new Map(existing.map((r) => [r.email, r]));
  const conflicts: ConsentConflict[] = checked.rows
    .filter((r) => r.conflict)
    .map((r) => ({ email: r.email, answers: r.conflict!, choice: resolutions.get(r.email) ?? null }));
  // The answer kept for each address: the file's, or the coordinator's choice for a conflict.
  const answers = checked.rows.map((r) => ({
    row: r,
    consent: r.conflict ? (resolutions.get(r.email) ?? null) : r.consent,
  }));
  const lines: ImportLine[] = answers.map(({ row: r, consent }) => {
    const known = byEmail.get(r.email);
    const label = r.name ? `${r.name} <${r.email}>` : r.email;
    // Someone who unsubscribed stays unsubscribed: an old spreadsheet never overrides that.
    const action = !known ? "create" : known.unsubscribedAt ? "keepUnsubscribed" : "update";
    const reason: RecipientReason = known?.unsubscribedAt
      ? "unsubscribed"
      : known?.bouncedAt
        ? "bounced"
        : consent === null
          ? "conflict"
          : consent
            ? known?.consentAt
              ? "alreadyConsented"
              : r.consentOn
                ? "consentOn"
                : "consentYes"
            : known?.consentAt
              ? "withdrawn"
              : r.blank && !r.conflict
                ? "consentBlank"
                : "consentNo";
    const receives = ["consentYes", "consentOn", "alreadyConsented"].includes(reason);
    return { lines: r.lines, label, action, receives, reason, consentOn: r.consentOn };
  });
  const preview: ImportPreview = {
    kind: "recipients",
    lines,
    errors: checked.errors,
    warnings: checked.warnings,
    conflicts,
    toCreate: lines.filter((l) => l.action === "create").length,
    toUpdate: lines.filter((l) => l.action === "update").length,
    receivers: lines.filter((l) => l.receives).length,
  };
  async function write() {
    await db.$transaction(
      async (tx) => {
        await importRecipients(tx, {
          cooperativeId,
          rows: answers.map(({ row, consent }) => ({
            email: row.email,
            name: row.name,
            organisation: row.organisation,
            group: row.group,
            consent: consent === true,
            consentOn: row.consentOn ? parseDateKey(row.consentOn) : null,
          })),
          known: byEmail,
          now,
        });
        await recordAudit(tx, {
          cooperativeId,
          actorId: actor.personId,
          action: "recipients.imported",
          entityType: "Cooperative",
          entityId: cooperativeId,
          after: {
            created: preview.toCreate,
            updated: preview.toUpdate,
            receivers: preview.receivers,
            conflictsResolved: conflicts.length,
          },
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
  {
    kind,
    file,
    commit,
    resolutions = new Map(),
  }: { kind: ImportKind; file: File; commit: boolean; resolutions?: ReadonlyMap<string, boolean> },
  now = new Date(),
): Promise<ImportResult> {
  authorize(actor, kind === "members" ? "member.manage" : "newsletter.manage");
  const parsed = await parseSpreadsheet(file);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const plan =
    kind === "members"
      ? await planMembers(actor, parsed.rows, now)
      : await planRecipients(actor, { rows: parsed.rows, resolutions }, now);
  if (plan.preview.errors.length) return { ok: false, error: "rowErrors", preview: plan.preview };
  // Nothing is written while an address has two answers and no choice.
  if (commit && plan.preview.conflicts.some((c) => c.choice === null))
    return { ok: false, error: "conflicts", preview: plan.preview };
  if (!commit) return { ok: true, preview: plan.preview, imported: false };
  await plan.write();
  return { ok: true, preview: plan.preview, imported: true };
}
