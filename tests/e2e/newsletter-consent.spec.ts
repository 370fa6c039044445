import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "./test";
import { e2eDatabaseUrl, expectAccessible, lastLinkSentTo, signIn } from "./helpers";

// Consent is given, never presumed: the coordinator imports a sheet with yes, no, blank and a
// duplicate that said both, decides the conflict, sees who will receive the letter and why not
// the others, sends it, and one recipient unsubscribes. Only those who said yes get the letter.

async function newsletterAddresses(subject: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ toAddress: string }>(
      `SELECT "toAddress" FROM "OutboxEmail" WHERE subject = $1 ORDER BY 1`,
      [subject],
    );
    return rows.map((r) => r.toAddress);
  } finally {
    await client.end();
  }
}

test("a recipients' sheet with yes, no, blank and a conflicting duplicate: only the yes get the letter", async ({
  page,
  browser,
  demo,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const at = (name: string) => `${name}.${tag}@voisins.test`;
  const file = path.join(os.tmpdir(), `consentement-${tag}.csv`);
  fs.writeFileSync(
    file,
    [
      "E-mail;Nom;Lettre",
      `${at("oui")};Odile Oui;oui`,
      `${at("date")};Denis Daté;14/02/2025`,
      `${at("non")};Nina Non;non`,
      `${at("vide")};Victor Vide;`,
      `${at("double")};Dora Double;oui`,
      `${at("formule")};=1+1;oui`,
      `${at("double").toUpperCase()};Dora Double;non`,
    ].join("\n"),
  );
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/lettre");
  await page.getByRole("link", { name: /Voir les destinataires/ }).click();
  await expect(page.getByRole("heading", { name: "Destinataires de la lettre" })).toBeVisible();
  await page.getByRole("link", { name: "Importer des destinataires" }).click();
  // The import opens on the newsletter's kind.
  await expect(page.getByLabel("des destinataires de la lettre d'information")).toBeChecked();
  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Prévisualiser" }).click();

  // The conflict, to decide; the preview says who receives it and why not the others.
  await expect(page.getByRole("group", { name: "Réponses contradictoires à trancher" })).toBeVisible();
  const conflict = page.getByRole("group", { name: at("double") });
  await expect(conflict).toContainText("ligne 6 : oui, ligne 8 : non");
  await expect(page.getByText("« =1+1 » commence comme une formule de tableur")).toBeVisible();
  const line = (name: string) => page.getByRole("listitem").filter({ hasText: name });
  await expect(line("Odile Oui")).toContainText("recevra la lettre (a dit oui)");
  await expect(line("Denis Daté")).toContainText("recevra la lettre (accord du 14 février 2025)");
  await expect(line("Nina Non")).toContainText("ne la recevra pas : a dit non");
  await expect(line("Victor Vide")).toContainText("ne la recevra pas : case vide (vide = non)");
  await expect(line("Dora Double")).toContainText("à trancher");
  await expectAccessible(page);

  // Importing before deciding imports nothing, and says why.
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText("Rien n'a été importé : 1 adresse a deux réponses.")).toBeVisible();
  await conflict.getByLabel("ne pas l'inscrire").check();
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("D'après ce fichier, 3 personnes recevront la lettre")).toBeVisible();
  await expect(line("Dora Double")).toContainText("ne la recevra pas : a dit non");
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText("Import terminé : 6 ajouts")).toBeVisible();

  // The list: who receives it, filtered; consent's date and source.
  await page.goto(`/admin/lettre/destinataires?q=${tag}&filtre=receiving`);
  await expectAccessible(page);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").filter({ hasText: at("date") })).toContainText(
    "accord du 14 févr. 2025 (import)",
  );
  await page.goto(`/admin/lettre/destinataires?q=${tag}&filtre=noConsent`);
  await expect(table.getByRole("row").filter({ hasText: at("vide") })).toContainText("pas d'accord");
  await expect(table.getByRole("row").filter({ hasText: at("double") })).toBeVisible();
  // The export neutralises the formula-like name.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter (CSV)" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain(at("vide"));
  expect(csv).not.toContain(at("oui"));

  // The letter goes to those who said yes, and to the demo's own consenting members.
  const subject = `Lettre du consentement ${tag}`;
  await page.goto("/admin/lettre");
  await page.getByLabel("Objet").fill(subject);
  await page.getByLabel("Texte", { exact: true }).fill("Bonjour à toutes et à tous.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const send = page.getByRole("button", { name: /^Envoyer à \d+ destinataires$/ });
  page.once("dialog", (dialog) => void dialog.accept());
  await send.click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Envoyée le")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  const sentTo = (await newsletterAddresses(subject)).filter((a) => a.includes(tag));
  expect(sentTo.sort()).toEqual([at("date"), at("formule"), at("oui")].sort());

  // One of them unsubscribes: the page says before what will happen, then what happened.
  const link = await lastLinkSentTo(at("oui"), /https?:\/\/\S+\/desabonnement\/\S+/);
  const visitor = await browser.newContext({ locale: "fr-FR" });
  const other = await visitor.newPage();
  await other.goto(new URL(link).pathname);
  await expect(
    other.getByText(`En appuyant sur « Me désabonner », l'adresse ${at("oui")} ne recevra plus`),
  ).toBeVisible();
  await other.getByRole("button", { name: "Me désabonner" }).click();
  await expect(other.getByText("C'est fait : cette adresse ne recevra plus la lettre.")).toBeVisible();
  await visitor.close();
  await page.goto(`/admin/lettre/destinataires?q=${tag}&filtre=unsubscribed`);
  await expect(
    page
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: at("oui") }),
  ).toContainText("désabonnée le");
  await page.goto("/admin/journal");
  await expect(
    page.getByRole("cell", { name: `newsletter.unsubscribed · NewsletterRecipient · ${at("oui")}` }),
  ).toBeVisible();
});
