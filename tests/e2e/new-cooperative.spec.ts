import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { expect, test } from "./test";
import { choosePassword, DEMO_PASSWORD, e2eDatabaseUrl, expectAccessible, lastLinkSentTo } from "./helpers";
import { csvText, REGISTER_HEADERS, registerRows } from "../fixtures/spreadsheets";

// Issue 16: a portal started on an empty database (DATABASE_URL, no demo), as the network would
// run it. Its operator is created from the setup link the server prints, creates a cooperative;
// its coordinator follows the invitation, goes through the first steps (identity, colleges by
// the law's model, a 20-row register import, the council, a first meeting) and convenes the
// meeting; a member of the council signs in and sees it. Nobody touches the database.

const PORT = 3102;
const BASE = `http://localhost:${PORT}`;
const DATABASE = "portail_vide";
const databaseUrl = () => Object.assign(new URL(e2eDatabaseUrl()), { pathname: `/${DATABASE}` }).toString();

let portal: ChildProcess | null = null;
let log = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  portal = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_URL: BASE,
      PORTAIL_DATA_DIR: ".data/e2e-vide",
      PORTAIL_DEMO: "",
      NEXTAUTH_SECRET: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  portal.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  portal.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  // The worker prints the setup link; the web server answers a little later.
  await expect
    .poll(() => /installation\?jeton=/.test(log), { timeout: 200_000, intervals: [500] })
    .toBe(true);
  const answers = () =>
    fetch(`${BASE}/connexion`, { redirect: "manual" }).then(
      (r) => r.status,
      () => 0,
    );
  await expect.poll(answers, { timeout: 120_000, intervals: [500] }).toBe(200);
});

test.afterAll(async () => {
  if (portal?.pid) process.kill(-portal.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
});

const linkSentTo = (recipient: string, pattern: RegExp) => lastLinkSentTo(recipient, pattern, databaseUrl());

async function signInAt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto(`${BASE}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("from an empty database to a first council convened, without touching the database", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // No demo here: its accounts do not exist.
  const nobody = await browser.newPage();
  await signInAt(nobody, "coordination@demo.portail-scic.fr", DEMO_PASSWORD);
  await expect(nobody.getByText("Adresse e-mail ou mot de passe incorrect")).toBeVisible();
  await nobody.close();

  // The operator, from the setup link the server printed.
  const setupLink = /http[^\s"]+installation\?jeton=[A-Za-z0-9_%-]+/.exec(log)![0];
  const operator = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await operator.goto(setupLink);
  await expect(operator.getByRole("heading", { name: "Installation du portail" })).toBeVisible();
  await expectAccessible(operator);
  await operator.getByLabel("Votre nom").fill("Réseau des centres de santé");
  await operator.getByLabel("Votre adresse e-mail").fill("exploitation@reseau.example.org");
  await operator.getByLabel("Mot de passe (10 caractères au moins)").fill("le-mot-de-passe-du-reseau");
  await operator.getByLabel("Le même mot de passe, encore").fill("le-mot-de-passe-du-reseau");
  await operator.getByRole("button", { name: "Créer le compte d'exploitation" }).click();
  await expect(operator.getByText("Compte créé.")).toBeVisible();
  await operator.getByLabel("Adresse e-mail").fill("exploitation@reseau.example.org");
  await operator.getByLabel("Mot de passe", { exact: true }).fill("le-mot-de-passe-du-reseau");
  await operator.getByRole("button", { name: "Se connecter" }).click();
  await expect(operator.getByRole("heading", { name: "Exploitation du portail" })).toBeVisible();
  // The nightly backups: when, where, how many are kept, and how to restore.
  const backups = operator.getByRole("region", { name: "Sauvegardes" });
  await expect(backups).toContainText("Automatique selon « 30 2 * * * » (cron, heure de la coopérative)");
  await expect(backups).toContainText("les 7 dernières sont gardées");
  await expect(backups).toContainText("arrêtez le portail, puis npm run db:restore");
  await expect(operator.getByText("Aucune coopérative pour l'instant.")).toBeVisible();
  await expectAccessible(operator);

  // A cooperative, with its coordinator.
  await operator.getByLabel("Nom complet").fill("SCIC Maison de santé des Tilleuls");
  await operator.getByLabel("Adresse courte").fill("tilleuls");
  await operator.getByLabel("Nom de la personne qui coordonne").fill("Nadia Ouali");
  await operator.getByLabel("Son adresse e-mail").fill("nadia@tilleuls.example.org");
  await operator.getByRole("button", { name: "Créer la coopérative" }).click();
  await expect(operator.getByText("Coopérative créée.")).toBeVisible();
  const row = operator.getByRole("row").filter({ hasText: "SCIC Maison de santé des Tilleuls" });
  await expect(row).toContainText("/i/tilleuls");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");

  // The coordinator follows her invitation.
  const nadia = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await choosePassword(
    nadia,
    await linkSentTo("nadia@tilleuls.example.org", /http\S+mot-de-passe\/nouveau\?token=\S+/),
    "le-mot-de-passe-de-nadia",
  );
  await signInAt(nadia, "nadia@tilleuls.example.org", "le-mot-de-passe-de-nadia");
  await expect(nadia.getByRole("heading", { name: "Bonjour Nadia Ouali" })).toBeVisible();
  const steps = nadia.getByRole("region", { name: "Premiers pas" });
  await expect(steps).toContainText("Il manque le nom court ou la ville.");
  await expectAccessible(nadia);

  // 1. Identity; 2. colleges from the law's model.
  await steps.getByRole("link", { name: "Compléter l'identité" }).click();
  await nadia.getByLabel("Nom court (dans les pages et les e-mails)").fill("Santé des Tilleuls");
  await nadia.getByLabel("Ville").fill("Montreuil");
  await nadia.getByRole("button", { name: "Enregistrer l'identité" }).click();
  await expect(nadia.getByText("Identité enregistrée.")).toBeVisible();
  await nadia.getByRole("button", { name: "Partir du modèle de la loi" }).click();
  await nadia.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(nadia.getByText("Catégories et collèges enregistrés.")).toBeVisible();

  // 3. The register, from the spreadsheet they keep: 20 rows.
  const categories = ["usager·es et habitant·es", "salarié·es", "partenaires"];
  const rows = registerRows(20, categories, 700);
  await nadia.goto(`${BASE}/admin/membres/import`);
  await nadia.getByLabel("Fichier CSV ou XLSX").setInputFiles({
    name: "registre.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csvText(REGISTER_HEADERS, rows as (string | number)[][])),
  });
  await nadia.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(
    nadia.getByText("Le fichier est correct : 20 ajouts et aucune mise à jour à faire."),
  ).toBeVisible();
  await nadia.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(nadia.getByText("Import terminé : 20 ajouts, aucune mise à jour.")).toBeVisible();

  // 4. The council: three seats, one per college.
  await nadia.goto(`${BASE}/admin/instances`);
  const council = nadia.getByRole("region", { name: "Conseil coopératif" });
  for (const n of [700, 701, 702]) {
    await council.getByLabel("Membre", { exact: true }).selectOption({ label: `Prénom${n} Nom${n}` });
    await council.getByLabel("Rôle").selectOption({ label: n === 700 ? "président·e" : "membre" });
    await council.getByRole("button", { name: "Ajouter le mandat" }).click();
    await expect(council.getByRole("listitem").filter({ hasText: `Prénom${n} Nom${n}` })).toBeVisible();
  }

  // 5. The first meeting, convened.
  await nadia.goto(`${BASE}/`);
  await expect(nadia.getByRole("region", { name: "Premiers pas" })).toContainText(
    "Aucune réunion : créez la première",
  );
  await nadia
    .getByRole("region", { name: "Premiers pas" })
    .getByRole("link", { name: "Créer la réunion" })
    .click();
  await nadia.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  const day = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  await nadia.getByLabel("Date et heure").fill(`${day}T18:30`);
  await nadia.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(nadia.getByRole("heading", { name: "Préparer : Conseil coopératif n° 1" })).toBeVisible();
  await nadia.getByRole("button", { name: "Envoyer la convocation" }).click();
  await expect(nadia.getByText(/Convocation envoyée à 3 membres\./)).toBeVisible();
  await nadia.goto(`${BASE}/`);
  await expect(nadia.getByRole("region", { name: "Premiers pas" })).toHaveCount(0);

  // A member of the council, invited from the register, signs in and sees the meeting.
  await nadia.goto(`${BASE}/admin/membres?q=personne701`);
  await nadia.getByRole("link", { name: "Prénom701 Nom701" }).click();
  await nadia.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(nadia.getByText(/Invitation envoyée le/)).toBeVisible();
  const member = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await choosePassword(
    member,
    await linkSentTo("personne701@exemple.org", /http\S+mot-de-passe\/nouveau\?token=\S+/),
    "le-mot-de-passe-de-701",
  );
  await signInAt(member, "personne701@exemple.org", "le-mot-de-passe-de-701");
  await expect(member.getByRole("heading", { name: "Bonjour Prénom701 Nom701" })).toBeVisible();
  await expect(member.getByText("Conseil coopératif n° 1").first()).toBeVisible();
  await expect(member.getByText("Démonstration")).toHaveCount(0);

  // The operator sees its size, not its content.
  await operator.reload();
  await expect(row.getByRole("cell").nth(1)).toHaveText("21");
  await expect(operator.getByText("Prénom701")).toHaveCount(0);
  await operator.goto(`${BASE}/admin/membres`);
  await expect(operator).toHaveURL(`${BASE}/exploitation`);
});

test("a second cooperative created the same way sees nothing of the first", async ({ browser }) => {
  test.setTimeout(120_000);
  const operator = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(operator, "exploitation@reseau.example.org", "le-mot-de-passe-du-reseau");
  await expect(operator.getByRole("heading", { name: "Exploitation du portail" })).toBeVisible();
  await operator.getByLabel("Nom complet").fill("SCIC Centre de santé des Lilas");
  await operator.getByLabel("Adresse courte").fill("lilas");
  await operator.getByLabel("Nom de la personne qui coordonne").fill("Coordination des Lilas");
  await operator.getByLabel("Son adresse e-mail").fill("coordination@lilas.example.org");
  await operator.getByRole("button", { name: "Créer la coopérative" }).click();
  await expect(operator.getByText("Coopérative créée.")).toBeVisible();

  const lilas = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await choosePassword(
    lilas,
    await linkSentTo("coordination@lilas.example.org", /http\S+mot-de-passe\/nouveau\?token=\S+/),
    "le-mot-de-passe-des-lilas",
  );
  await signInAt(lilas, "coordination@lilas.example.org", "le-mot-de-passe-des-lilas");
  await expect(lilas.getByRole("heading", { name: "Bonjour Coordination des Lilas" })).toBeVisible();

  // The Tilleuls' ids and addresses, typed by hand.
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `SELECT m.id FROM "Membership" m JOIN "Person" p ON p.id = m."personId" WHERE p.email = 'personne701@exemple.org'`,
  );
  await client.end();
  const TILLEULS = /Tilleuls|Prénom70\d|Nadia Ouali/;
  for (const url of [
    `/admin/membres/${rows[0]!.id}`,
    "/reunions/conseil/1",
    "/reunions/conseil/1/preparer",
  ]) {
    const response = await lilas.goto(`${BASE}${url}`);
    expect(response?.status(), url).toBe(404);
    await expect(lilas.locator("main"), url).not.toContainText(TILLEULS);
  }
  for (const url of ["/", "/reunions", "/annuaire", "/admin/membres", "/admin/courriels", "/admin/journal"]) {
    const response = await lilas.goto(`${BASE}${url}`);
    expect(response?.status(), url).toBeLessThan(400);
    await expect(lilas.locator("main"), url).not.toContainText(TILLEULS);
  }
  await lilas.goto(`${BASE}/recherche?q=Prénom701`);
  await expect(lilas.getByText("Aucun résultat pour « Prénom701 »")).toBeVisible();
  const exported = await lilas.request.get(`${BASE}/admin/membres/export?format=csv`);
  expect(await exported.text()).not.toMatch(TILLEULS);
});

test("support access: granted by the coordinator, read-only for the operator, withdrawn at once", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const nadia = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(nadia, "nadia@tilleuls.example.org", "le-mot-de-passe-de-nadia");
  await expect(nadia.getByRole("heading", { name: "Bonjour Nadia Ouali" })).toBeVisible();
  await nadia.goto(`${BASE}/admin`);
  const card = nadia.getByRole("region", { name: "Assistance du réseau" });
  await expect(card).toContainText("Aucun accès donné à l'assistance.");
  await card.getByLabel("Durée").selectOption({ label: "un jour" });
  await card.getByLabel("Pourquoi ?").fill("Vérifier les collèges avant l'AG");
  await card.getByRole("button", { name: "Ouvrir l'accès à l'assistance" }).click();
  await expect(card.getByText("Accès ouvert à l'assistance du réseau.")).toBeVisible();
  await expectAccessible(nadia);

  // The operator reads the cooperative, and changes nothing.
  const operator = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(operator, "exploitation@reseau.example.org", "le-mot-de-passe-du-reseau");
  const row = operator.getByRole("row").filter({ hasText: "SCIC Maison de santé des Tilleuls" });
  await row.getByRole("button", { name: "Consulter en lecture seule" }).click();
  await expect(
    operator.getByText(/Assistance du réseau : vous consultez SCIC Maison de santé des Tilleuls/),
  ).toBeVisible();
  await operator.goto(`${BASE}/admin/membres`);
  await expect(operator.getByRole("link", { name: "Prénom701 Nom701" })).toBeVisible();
  await operator.goto(`${BASE}/admin/colleges`);
  await operator.getByLabel("Ville").fill("Pas Montreuil");
  await operator.getByRole("button", { name: "Enregistrer l'identité" }).click();
  await expect(
    operator.getByText("L'assistance du réseau consulte cette coopérative en lecture seule"),
  ).toBeVisible();

  await operator.goto(`${BASE}/exploitation`);
  // With the grant, its file (to move it to another portal: npm run cooperative:import).
  const downloading = operator.waitForEvent("download");
  await row.getByRole("link", { name: "Exporter (fichier) : SCIC Maison de santé des Tilleuls" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cooperative-tilleuls-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect(gunzipSync(bytes).toString("utf8").split("\n")[0]).toContain('"format":"portail-scic-cooperative"');
  // Her journal shows it; she withdraws the access, and the operator's next page says so.
  await nadia.goto(`${BASE}/admin/journal`);
  await expect(nadia.locator("main")).toContainText("support.opened");
  await nadia.goto(`${BASE}/admin`);
  await card.getByRole("button", { name: "Retirer l'accès" }).click();
  await expect(card.getByText(/terminé le/)).toBeVisible();
  await operator.goto(`${BASE}/admin/membres`);
  await expect(operator).toHaveURL(`${BASE}/exploitation`);
});

test("the operator deletes a cooperative only after typing its name, and can restore it", async ({
  browser,
}) => {
  const operator = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(operator, "exploitation@reseau.example.org", "le-mot-de-passe-du-reseau");
  const row = operator.getByRole("row").filter({ hasText: "SCIC Centre de santé des Lilas" });
  // No support grant: no export of its content.
  await expect(row.getByRole("link", { name: /Exporter \(fichier\)/ })).toHaveCount(0);
  await row.getByText("Supprimer", { exact: true }).click();
  const confirm = row.getByLabel("Pour supprimer « SCIC Centre de santé des Lilas », recopiez son nom");
  await confirm.fill("Lilas");
  await row.getByRole("button", { name: "Supprimer la coopérative" }).click();
  await expect(
    row.getByText("Le nom recopié ne correspond pas : rien n'a été supprimé.").first(),
  ).toBeVisible();
  await expect(confirm).toHaveValue("Lilas");
  await confirm.fill("SCIC Centre de santé des Lilas");
  await row.getByRole("button", { name: "Supprimer la coopérative" }).click();
  await expect(row.getByText(/suppression prévue le/)).toBeVisible();
  await expectAccessible(operator);

  // Its coordinator sees why nothing can change, and can still read.
  const lilas = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(lilas, "coordination@lilas.example.org", "le-mot-de-passe-des-lilas");
  await expect(lilas.getByText(/Suppression de l'espace prévue le/)).toBeVisible();
  await lilas.goto(`${BASE}/admin/colleges`);
  await lilas.getByLabel("Ville").fill("Bagnolet");
  await lilas.getByRole("button", { name: "Enregistrer l'identité" }).click();
  await expect(
    lilas.getByText("Cette coopérative est suspendue par l'exploitant du portail").first(),
  ).toBeVisible();

  await row.getByRole("button", { name: "Annuler la suppression" }).click();
  await expect(row.getByText(/suppression prévue le/)).toHaveCount(0);
  await lilas.reload();
  await expect(lilas.getByText(/Suppression de l'espace prévue le/)).toHaveCount(0);
});
