import { expect, test } from "./test";
import pg from "pg";
import { choosePassword, createOperator, e2eDatabaseUrl, lastLinkSentTo, signIn } from "./helpers";

// Cooperative isolation, page by page: the coordinator of another cooperative of the network —
// who holds every right there — signs in to the same portal and types the demo cooperative's
// addresses and ids. Every page, file and API answers « not found » (or shows their own
// cooperative's rows), never the demo cooperative's. The neighbouring cooperative is made as the
// network makes one: its operator (npm run operator:create) creates it in the operator's pages,
// its coordinator follows the invitation and prepares a first meeting; nothing by SQL.

const KEY = Date.now().toString(36);
const OTHER = `coordination@voisine-${KEY}.example.org`;
const OTHER_PASSWORD = "le-mot-de-passe-de-la-voisine";

type Ids = { membership: string; question: string; issue: string; section: string | null };
let ids: Ids;
let createdIssue = false;

test.beforeAll(async ({ demos, browser }, testInfo) => {
  test.setTimeout(180_000);
  const demo = await demos(testInfo.file);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    // The demo cooperative's ids, as an attacker would have copied them from a link.
    const a = demo.cooperativeId;
    const one = async (sql: string) => (await client.query<{ id: string }>(sql, [a])).rows[0]?.id ?? null;
    let issue = await one(`SELECT id FROM "NewsletterIssue" WHERE "cooperativeId" = $1 LIMIT 1`);
    if (!issue) {
      issue = "e2e-isolation-issue";
      createdIssue = true;
      await client.query(
        `INSERT INTO "NewsletterIssue" (id, "cooperativeId", number, subject, body) VALUES ($1, $2, 99, 'Lettre secrète de la démo', 'Contenu réservé')`,
        [issue, a],
      );
    }
    const paul = await client.query<{ id: string }>(
      `SELECT m.id FROM "Membership" m JOIN "Person" p ON p.id = m."personId" WHERE m."cooperativeId" = $1 AND p.email = $2`,
      [a, demo.email("paul.martin")],
    );
    ids = {
      membership: paul.rows[0]!.id,
      question: (await one(`SELECT id FROM "VoteQuestion" WHERE "cooperativeId" = $1 LIMIT 1`))!,
      issue,
      section: await one(`SELECT id FROM "MinutesSection" WHERE "cooperativeId" = $1 LIMIT 1`),
    };
  } finally {
    await client.end();
  }

  // The network's operator creates the neighbouring cooperative.
  const operatorEmail = `exploitation-${KEY}@reseau.example.org`;
  const operator = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await choosePassword(operator, await createOperator(operatorEmail, "Réseau"), "le-mot-de-passe-du-reseau");
  await signIn(operator, operatorEmail, "le-mot-de-passe-du-reseau");
  await expect(operator.getByRole("heading", { name: "Exploitation du portail" })).toBeVisible();
  await operator.getByLabel("Nom complet").fill("Centre de santé voisin");
  await operator.getByLabel("Adresse courte").fill(`voisine-${KEY}`);
  await operator.getByLabel("Nom de la personne qui coordonne").fill("Coordination voisine");
  await operator.getByLabel("Son adresse e-mail").fill(OTHER);
  await operator.getByRole("button", { name: "Créer la coopérative" }).click();
  await expect(operator.getByText("Coopérative créée.")).toBeVisible();
  await operator.context().close();

  // Its coordinator follows the invitation and prepares the council's first meeting.
  const other = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await choosePassword(
    other,
    await lastLinkSentTo(OTHER, /http\S+mot-de-passe\/nouveau\?token=\S+/),
    OTHER_PASSWORD,
  );
  await signIn(other, OTHER, OTHER_PASSWORD);
  await expect(other.getByRole("heading", { name: "Bonjour Coordination voisine" })).toBeVisible();
  await other.goto("/reunions/nouvelle");
  await other.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  const day = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  await other.getByLabel("Date et heure").fill(`${day}T18:30`);
  await other.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(other.getByRole("heading", { name: "Préparer : Conseil coopératif n° 1" })).toBeVisible();
  await other.locator("#new-item-title").fill("Point du centre voisin");
  await other.getByRole("button", { name: "Ajouter le point" }).click();
  await expect(
    other.getByRole("region", { name: "Ordre du jour" }).getByText("1. Point du centre voisin"),
  ).toBeVisible();
  await other.context().close();
});

// The demo's newsletter numbering is the neighbourhood journey's to start.
test.afterAll(async () => {
  if (!createdIssue) return;
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  await client.query(`DELETE FROM "NewsletterIssue" WHERE id = 'e2e-isolation-issue'`);
  await client.end();
});

// Words that only the demo cooperative's pages hold.
const DEMO_WORDS =
  /Tilleuls|Bertrand Lemoine|Paul Martin|Clara Gautier|Fatou Diallo|SecPa|chaises pour enfants|Lettre secrète/;

test("the coordinator of another cooperative reaches nothing of the demo cooperative", async ({ page }) => {
  await signIn(page, OTHER, OTHER_PASSWORD);
  await expect(page.getByRole("heading", { name: "Bonjour Coordination voisine" })).toBeVisible();

  // Pages addressed by an id of the demo cooperative: not found.
  for (const url of [
    `/admin/membres/${ids.membership}`,
    `/admin/lettre/${ids.issue}`,
    `/votes/${ids.question}`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.locator("main"), url).not.toContainText(DEMO_WORDS);
  }

  // Meetings are addressed by body and number within one's own cooperative: the same address
  // shows the neighbour's own meeting n° 1, and n° 4 (which only the demo has) is not found.
  await page.goto("/reunions/conseil/1");
  await expect(page.getByText("Point du centre voisin")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(DEMO_WORDS);
  for (const url of [
    "/reunions/conseil/4",
    "/reunions/conseil/4/preparer",
    "/reunions/conseil/4/idees",
    "/reunions/conseil/4/compte-rendu",
    "/reunions/conseil/4/compte-rendu/versions",
    "/reunions/conseil/4/compte-rendu/impression",
    "/reunions/conseil/4/compte-rendu/corriger",
    "/reunions/conseil/4/presences",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }

  // Lists, search and exports hold only the neighbour's rows.
  for (const url of [
    "/",
    "/reunions",
    "/decisions",
    "/votes",
    "/idees",
    "/idees/gestion",
    "/annuaire",
    "/admin/membres",
    "/admin/lettre",
    "/admin/courriels",
    "/admin/journal",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    await expect(page.locator("main"), url).not.toContainText(DEMO_WORDS);
  }
  // Search: the demo's minutes and decisions speak of SecPa; the neighbour finds none of it.
  await page.goto("/recherche?q=SecPa");
  await expect(page.getByText("Aucun résultat pour « SecPa »")).toBeVisible();
  for (const url of ["/decisions/export", "/admin/membres/export?format=csv", "/reunions/conseil/4/ics"]) {
    const response = await page.request.get(url);
    expect(response.status() === 404 || !DEMO_WORDS.test(await response.text()), url).toBe(true);
  }

  // The APIs: a ballot in the demo's question, a save into the demo's minutes.
  const ballot = await page.request.post(`/api/votes/${ids.question}/ballot`, { data: { choice: "FOR" } });
  expect(ballot.status()).toBe(404);
  if (ids.section) {
    const save = await page.request.put(`/api/minutes/sections/${ids.section}`, {
      data: { body: "Écrit par la voisine", revision: 0 },
    });
    expect(save.status()).toBe(404);
  }
});
