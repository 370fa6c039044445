import fs from "node:fs";
import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";
import { REGISTER_HEADERS, registerRows, xlsxBuffer } from "../fixtures/spreadsheets";

const CATEGORIES = [
  "usager·es et habitant·es",
  "salarié·es",
  "partenaires du quartier",
  "soutiens militants",
];

test("an XLSX file with one bad row imports nothing; once fixed it imports", async ({
  page,
  demo,
}, testInfo) => {
  const rows = registerRows(50, CATEGORIES, 500);
  rows[45]![2] = "adresse-sans-arobase"; // line 47 of the spreadsheet
  const badFile = testInfo.outputPath("registre-avec-erreur.xlsx");
  fs.writeFileSync(badFile, await xlsxBuffer(REGISTER_HEADERS, rows));

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres");
  await page.getByRole("link", { name: "Importer un tableur" }).click();
  await expect(page.getByRole("heading", { name: "Importer un tableur" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles(badFile);
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(
    page.getByText("Rien n'a été importé : 1 ligne contient une erreur (ligne 47)."),
  ).toBeVisible();
  const errorRow = page.getByRole("table").getByRole("row").filter({ hasText: "adresse-sans-arobase" });
  await expect(errorRow).toContainText("47");
  await expect(errorRow).toContainText("adresse e-mail invalide");
  await expectAccessible(page);

  await page.goto("/admin/membres?q=personne500");
  await expect(page.getByText("Aucun membre ne correspond à cette recherche.")).toBeVisible();

  rows[45]![2] = "personne545@exemple.org";
  const goodFile = testInfo.outputPath("registre-corrige.xlsx");
  fs.writeFileSync(goodFile, await xlsxBuffer(REGISTER_HEADERS, rows));
  await page.goto("/admin/membres/import");
  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles(goodFile);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(
    page.getByText("Le fichier est correct : 50 ajouts et aucune mise à jour à faire."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText("Import terminé : 50 ajouts, aucune mise à jour.")).toBeVisible();

  await page.goto("/admin/membres?q=personne545");
  await expect(page.getByRole("link", { name: "Prénom545 Nom545" })).toBeVisible();
});

test("the register exports as CSV and XLSX", async ({ page, demo }) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter (CSV)" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(new RegExp(`^registre-${demo.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const text = fs.readFileSync(await csv.path(), "utf8");
  expect(text).toContain("Nom;E-mail;Téléphone");
  expect(text).toContain(`Bertrand Lemoine;${demo.email("president")}`);
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter (XLSX)" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    fs
      .readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");
});
