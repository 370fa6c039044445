import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import { parseSpreadsheet } from "@/lib/members/import-file";
import { BOOKLET_THEMES, parseHours, searchable, type BookletTheme } from "@/lib/booklet/rules";
import { entrySchema } from "@/lib/booklet/schema";
import { bookletForPrint } from "@/lib/booklet/service";

// The booklet to and from the cooperative's spreadsheet: the same columns both ways, so an
// export imports back as it is; a name already in the booklet is updated, not doubled.

const COLUMNS = [
  ["name", "Nom"],
  ["description", "Description"],
  ["themes", "Thèmes"],
  ["place", "Quartier"],
  ["address", "Adresse"],
  ["hoursText", "Horaires"],
  ["phone", "Téléphone"],
  ["email", "E-mail"],
  ["website", "Site"],
  ["walkIn", "Sans rendez-vous"],
  ["languages", "Langues"],
  ["wheelchair", "Fauteuil"],
  ["childrenWelcome", "Enfants"],
  ["cost", "Coût"],
] as const;
type Column = (typeof COLUMNS)[number][0];

// Header cells as people write them (already reduced by the import's normalizeHeader).
const HEADERS: Record<string, Column> = {
  name: "name",
  description: "description",
  "ce qu'ils font": "description",
  activite: "description",
  activites: "description",
  themes: "themes",
  theme: "themes",
  category: "themes",
  quartier: "place",
  lieu: "place",
  ville: "place",
  place: "place",
  address: "address",
  horaires: "hoursText",
  hours: "hoursText",
  phone: "phone",
  email: "email",
  site: "website",
  "site internet": "website",
  "site web": "website",
  website: "website",
  "sans rendez-vous": "walkIn",
  "sans rdv": "walkIn",
  "walk-in": "walkIn",
  langues: "languages",
  "langues parlees": "languages",
  languages: "languages",
  fauteuil: "wheelchair",
  "acces fauteuil": "wheelchair",
  wheelchair: "wheelchair",
  enfants: "childrenWelcome",
  children: "childrenWelcome",
  cout: "cost",
  tarif: "cost",
  prix: "cost",
  cost: "cost",
};

const YES = new Set(["oui", "o", "yes", "y", "x", "1", "true", "vrai", "ok"]);

// « Alimentation, Santé mentale » → its theme keys, by their French or English words.
const THEME_WORDS = new Map<string, BookletTheme>(
  BOOKLET_THEMES.flatMap((theme) => [
    [searchable(theme), theme],
    [searchable(fr.booklet.themes[theme]), theme],
    [searchable(en.booklet.themes[theme]), theme],
  ]),
);
function themesOf(text: string): { themes: BookletTheme[]; unknown: string[] } {
  const themes: BookletTheme[] = [];
  const unknown: string[] = [];
  for (const word of text
    .split(/[,;/\n]/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const theme = THEME_WORDS.get(searchable(word));
    if (theme) themes.push(theme);
    else unknown.push(word);
  }
  return { themes: [...new Set(themes)], unknown };
}

export type ImportProblem = { line: number; field: string; code: string; value: string };
export type ImportReport = { create: number; update: number; problems: ImportProblem[]; committed: boolean };

export async function importBooklet(
  actor: Actor,
  { file, commit }: { file: File; commit: boolean },
  now = new Date(),
): Promise<Result<ImportReport>> {
  authorize(actor, "booklet.manage");
  const parsed = await parseSpreadsheet(file);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const existing = await db.partnerEntry.findMany({
    where: { cooperativeId: actor.cooperativeId, archivedAt: null },
    select: { id: true, name: true },
  });
  const byName = new Map(existing.map((e) => [searchable(e.name), e.id]));
  const problems: ImportProblem[] = [];
  const rows: { id: string | null; data: ReturnType<typeof entrySchema.parse> }[] = [];
  const seen = new Set<string>();
  for (const row of parsed.rows) {
    const cells: Record<string, string> = {};
    for (const [header, value] of Object.entries(row.cells)) {
      const column = HEADERS[header];
      if (column) cells[column] = value.trim();
    }
    const { themes, unknown } = themesOf(cells.themes ?? "");
    for (const word of unknown)
      problems.push({ line: row.line, field: "themes", code: "themeUnknown", value: word });
    const input = entrySchema.safeParse({
      ...cells,
      name: cells.name ?? "",
      themes: themes.join(","),
      walkIn: YES.has(searchable(cells.walkIn ?? "")) ? "on" : undefined,
      wheelchair: YES.has(searchable(cells.wheelchair ?? "")) ? "on" : undefined,
      childrenWelcome: YES.has(searchable(cells.childrenWelcome ?? "")) ? "on" : undefined,
      keeperId: undefined,
    });
    if (!input.success) {
      for (const issue of input.error.issues)
        problems.push({
          line: row.line,
          field: String(issue.path[0] ?? "name"),
          // The schema's own keys (nameRequired, tooLong…); anything else is « not valid ».
          code: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid",
          value: String(cells[String(issue.path[0])] ?? "").slice(0, 80),
        });
      continue;
    }
    const key = searchable(input.data.name);
    if (seen.has(key)) {
      problems.push({ line: row.line, field: "name", code: "duplicateName", value: input.data.name });
      continue;
    }
    seen.add(key);
    rows.push({ id: byName.get(key) ?? null, data: input.data });
  }
  const create = rows.filter((r) => !r.id).length;
  const update = rows.length - create;
  if (!commit || problems.length) return { ok: true, data: { create, update, problems, committed: false } };
  await db.$transaction(
    async (tx) => {
      for (const { id, data } of rows) {
        const { keeperId: _keeper, ...fields } = data;
        const values = {
          ...fields,
          hours: parseHours(fields.hoursText) ?? Prisma.DbNull,
          verifiedAt: now,
          verifiedById: actor.membershipId,
          staleRemindedAt: null,
        };
        if (id) await tx.partnerEntry.update({ where: { id }, data: values });
        else await tx.partnerEntry.create({ data: { ...values, cooperativeId: actor.cooperativeId } });
      }
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "booklet.imported",
        entityType: "BookletSettings",
        entityId: actor.cooperativeId,
        after: { create, update, file: file.name.slice(0, 200) },
      });
    },
    { timeout: 120_000 },
  );
  return { ok: true, data: { create, update, problems: [], committed: true } };
}

// The booklet as a table (the import's columns), for a spreadsheet.
export async function bookletTable(actor: Actor): Promise<string[][]> {
  authorize(actor, "booklet.manage");
  const entries = await bookletForPrint(actor);
  const yes = (v: boolean) => (v ? "oui" : "non");
  return [
    COLUMNS.map(([, header]) => header),
    ...entries.map((e) => [
      e.name,
      e.description,
      e.themes.map((t) => fr.booklet.themes[t]).join(", "),
      e.place ?? "",
      e.address ?? "",
      e.hoursText ?? "",
      e.phone ?? "",
      e.email ?? "",
      e.website ?? "",
      yes(e.walkIn),
      e.languages.join(", "),
      yes(e.wheelchair),
      yes(e.childrenWelcome),
      e.cost ?? "",
    ]),
  ];
}
