// Rows of a spreadsheet (the cooperative's address file) checked before anything is written.
// Pure: the parser hands over strings, the service writes what this accepts.
import { z } from "zod";
import type { RecipientGroup } from "@/lib/generated/prisma/enums";

export type RawRow = { line: number; cells: Record<string, string> };
export type ImportKind = "members" | "recipients";

export type RowError = {
  line: number;
  // A column of the file (import.columns.<field>).
  field: "name" | "email" | "category" | "joinedOn" | "shares" | "group" | "consent";
  code:
    | "emailInvalid"
    | "emailMissing"
    | "nameMissing"
    | "categoryUnknown"
    | "dateInvalid"
    | "sharesInvalid"
    | "groupUnknown"
    | "duplicateConflict"
    | "consentColumnMissing"
    | "consentUnclear"
    | "consentConflict";
  value: string;
};

export type MemberRow = {
  lines: number[];
  kind: "ASSOCIATE" | "GUEST";
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  categoryId: string | null;
  joinedOn: string | null;
  shares: number;
  newsletterConsent: boolean;
  // The file said no (not a blank cell): a consent already recorded is withdrawn.
  newsletterRefused: boolean;
};

// A recipient's answer to « do you agree to receive the letter? »: yes (on a day, when the cell is
// a date), or no — a blank cell is a no (consent is given, never presumed).
export type ConsentAnswer = { consent: boolean; on: string | null; blank: boolean };

export type RecipientRow = {
  lines: number[];
  email: string;
  name: string | null;
  organisation: string | null;
  group: RecipientGroup;
  consent: boolean;
  // The day the cell gave, when it was a date.
  consentOn: string | null;
  blank: boolean;
  // The same address said yes on one line and no on another: the coordinator decides.
  conflict: { line: number; consent: boolean }[] | null;
};

// A cell a spreadsheet would take for a formula (=, +, -, @): kept as text, shown as a warning.
export type RowWarning = { line: number; field: "name" | "organisation"; value: string };

// Header cells as people write them, reduced to one key each.
const HEADERS: Record<string, string[]> = {
  name: ["nom", "nom complet", "nom et prenom", "prenom nom", "name", "full name"],
  lastName: ["nom de famille", "last name"],
  firstName: ["prenom", "first name"],
  email: ["email", "e-mail", "mail", "courriel", "adresse email", "adresse e-mail", "adresse mail"],
  phone: ["telephone", "tel", "portable", "phone"],
  address: ["adresse", "adresse postale", "address"],
  category: ["categorie", "college", "category"],
  joinedOn: ["date d'adhesion", "adhesion", "date adhesion", "membre depuis", "joined", "membership date"],
  shares: ["parts", "nombre de parts", "parts sociales", "shares"],
  consent: ["lettre", "newsletter", "consentement", "lettre d'information", "accepte la lettre", "consent"],
  status: ["statut", "status"],
  organisation: ["organisation", "structure", "organisme", "institution", "organization"],
  group: ["groupe", "type", "liste", "group"],
};

export function normalizeHeader(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  for (const [key, names] of Object.entries(HEADERS)) if (names.includes(plain)) return key;
  return plain;
}

const emailCheck = z.email();
const YES = ["oui", "o", "yes", "y", "x", "1", "true", "vrai", "ok", "accepte", "d'accord"];
const NO = ["non", "n", "no", "0", "false", "faux", "refuse", "-"];

// The consent cell read: null when it says neither yes, no nor a date (an error to correct).
export function consentAnswer(text: string): ConsentAnswer | null {
  const value = plain(text);
  if (value === "") return { consent: false, on: null, blank: true };
  if (YES.includes(value)) return { consent: true, on: null, blank: false };
  if (NO.includes(value)) return { consent: false, on: null, blank: false };
  // Only a date alone (« 2024-03-01 non » is not a yes on that day).
  const alone = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})$/.test(text.trim());
  const day = alone ? parseDay(text) : null;
  return day ? { consent: true, on: day, blank: false } : null;
}

export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

// 14/02/2023, 14-02-2023, 2023-02-14 → 2023-02-14; null when it is not a real day.
export function parseDay(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function plain(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[·.]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const GROUPS: Record<string, RecipientGroup> = {
  membre: "MEMBER",
  membres: "MEMBER",
  associe: "MEMBER",
  associes: "MEMBER",
  associees: "MEMBER",
  member: "MEMBER",
  salarie: "EMPLOYEE",
  salaries: "EMPLOYEE",
  salariees: "EMPLOYEE",
  employee: "EMPLOYEE",
  invite: "EVENT_GUEST",
  invites: "EVENT_GUEST",
  invitee: "EVENT_GUEST",
  "invite 30 ans": "EVENT_GUEST",
  guest: "EVENT_GUEST",
  institution: "INSTITUTION",
  institutionnel: "INSTITUTION",
  institutionnels: "INSTITUTION",
  reseau: "NETWORK",
  network: "NETWORK",
  urscop: "NETWORK",
  autre: "OTHER",
  other: "OTHER",
  "": "OTHER",
};

function cell(row: RawRow, key: string) {
  return (row.cells[key] ?? "").trim();
}

function nameOf(row: RawRow) {
  const full = cell(row, "name");
  const first = cell(row, "firstName");
  const last = cell(row, "lastName");
  if (first && (last || full)) return `${first} ${last || full}`;
  return full || last || first;
}

export function checkMemberRows(
  rows: readonly RawRow[],
  categories: readonly { id: string; name: string }[],
): { rows: MemberRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const byEmail = new Map<string, MemberRow>();
  const accepted: MemberRow[] = [];
  const categoryByName = new Map(categories.map((c) => [plain(c.name), c.id]));
  for (const row of rows) {
    const name = nameOf(row);
    const emailText = cell(row, "email").toLowerCase();
    const categoryText = cell(row, "category");
    const joinedText = cell(row, "joinedOn");
    const sharesText = cell(row, "shares");
    const rowErrors: RowError[] = [];
    if (!name) rowErrors.push({ line: row.line, field: "name", code: "nameMissing", value: "" });
    if (emailText && !emailCheck.safeParse(emailText).success)
      rowErrors.push({ line: row.line, field: "email", code: "emailInvalid", value: emailText });
    // A guest (invité·e, as the export writes it) has no category; an associé·e must have one.
    const status = plain(cell(row, "status"));
    const kind = status.startsWith("invite") || status.startsWith("guest") ? "GUEST" : "ASSOCIATE";
    const categoryId = categoryByName.get(plain(categoryText)) ?? null;
    if (!categoryId && (kind === "ASSOCIATE" || categoryText))
      rowErrors.push({ line: row.line, field: "category", code: "categoryUnknown", value: categoryText });
    const joinedOn = joinedText ? parseDay(joinedText) : null;
    if (joinedText && !joinedOn)
      rowErrors.push({ line: row.line, field: "joinedOn", code: "dateInvalid", value: joinedText });
    const shares = sharesText ? Number(sharesText.replace(",", ".")) : 1;
    if (!Number.isInteger(shares) || shares < 0)
      rowErrors.push({ line: row.line, field: "shares", code: "sharesInvalid", value: sharesText });
    // The newsletter's column, read as in the recipients' import: given, never presumed.
    const answer = consentAnswer(cell(row, "consent"));
    if (!answer)
      rowErrors.push({
        line: row.line,
        field: "consent",
        code: "consentUnclear",
        value: cell(row, "consent"),
      });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const member: MemberRow = {
      lines: [row.line],
      kind,
      name,
      email: emailText || null,
      phone: cell(row, "phone") || null,
      address: cell(row, "address") || null,
      categoryId,
      joinedOn,
      shares,
      newsletterConsent: answer!.consent,
      newsletterRefused: !answer!.consent && !answer!.blank,
    };
    const earlier = member.email ? byEmail.get(member.email) : undefined;
    if (!earlier) {
      if (member.email) byEmail.set(member.email, member);
      accepted.push(member);
      continue;
    }
    // The same person twice: merged, the later line filling what the earlier left empty;
    // two different categories cannot be merged.
    if (earlier.categoryId !== member.categoryId) {
      errors.push({ line: row.line, field: "email", code: "duplicateConflict", value: member.email! });
      continue;
    }
    // Nor a yes and a no to the newsletter: the file says which (no yes wins by default).
    if (
      (earlier.newsletterConsent && member.newsletterRefused) ||
      (earlier.newsletterRefused && member.newsletterConsent)
    ) {
      errors.push({ line: row.line, field: "consent", code: "consentConflict", value: member.email! });
      continue;
    }
    earlier.lines.push(row.line);
    earlier.phone ??= member.phone;
    earlier.address ??= member.address;
    earlier.joinedOn ??= member.joinedOn;
    earlier.newsletterConsent ||= member.newsletterConsent;
    earlier.newsletterRefused ||= member.newsletterRefused;
  }
  return { rows: accepted, errors };
}

export function checkRecipientRows(rows: readonly RawRow[]): {
  rows: RecipientRow[];
  errors: RowError[];
  warnings: RowWarning[];
} {
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  // Without a consent column nobody said yes: the file is refused rather than imported as all no.
  if (rows.length > 0 && !rows.some((row) => "consent" in row.cells))
    return {
      rows: [],
      errors: [{ line: 1, field: "consent", code: "consentColumnMissing", value: "" }],
      warnings,
    };
  const byEmail = new Map<string, RecipientRow>();
  for (const row of rows) {
    const email = cell(row, "email").toLowerCase();
    const groupText = plain(cell(row, "group"));
    const group = GROUPS[groupText];
    const answer = consentAnswer(cell(row, "consent"));
    const rowErrors: RowError[] = [];
    if (!email) rowErrors.push({ line: row.line, field: "email", code: "emailMissing", value: "" });
    else if (!emailCheck.safeParse(email).success)
      rowErrors.push({ line: row.line, field: "email", code: "emailInvalid", value: email });
    if (!group)
      rowErrors.push({ line: row.line, field: "group", code: "groupUnknown", value: cell(row, "group") });
    if (!answer)
      rowErrors.push({
        line: row.line,
        field: "consent",
        code: "consentUnclear",
        value: cell(row, "consent"),
      });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const name = nameOf(row) || null;
    const organisation = cell(row, "organisation") || null;
    if (name && looksLikeFormula(name)) warnings.push({ line: row.line, field: "name", value: name });
    if (organisation && looksLikeFormula(organisation))
      warnings.push({ line: row.line, field: "organisation", value: organisation });
    const earlier = byEmail.get(email);
    if (earlier) {
      earlier.lines.push(row.line);
      earlier.name ??= name;
      earlier.organisation ??= organisation;
      if (earlier.consent !== answer!.consent || earlier.conflict) {
        earlier.conflict ??= [{ line: earlier.lines[0]!, consent: earlier.consent }];
        earlier.conflict.push({ line: row.line, consent: answer!.consent });
      }
      earlier.consentOn ??= answer!.on;
      continue;
    }
    byEmail.set(email, {
      lines: [row.line],
      email,
      name,
      organisation,
      group: group!,
      consent: answer!.consent,
      consentOn: answer!.on,
      blank: answer!.blank,
      conflict: null,
    });
  }
  return { rows: [...byEmail.values()], errors, warnings };
}
