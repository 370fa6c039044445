import { expect, test } from "./test";
import pg from "pg";
import { e2eDatabaseUrl, signIn } from "./helpers";

// Cooperative isolation, page by page: the coordinator of another cooperative of the network —
// who holds every right there — signs in to the same portal and types the demo cooperative's
// addresses and ids. Every page, file and API answers « not found » (or shows their own
// cooperative's rows), never the demo cooperative's.

const OTHER = "coordination@voisine.example.org";

type Ids = { membership: string; question: string; issue: string; section: string | null };
let ids: Ids;
let createdIssue = false;

test.beforeAll(async ({ demos }, testInfo) => {
  const demo = await demos(testInfo.file);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
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

    // The neighbouring cooperative: its coordinator (same password as the demo accounts), a
    // council with a meeting n° 3 of its own.
    await client.query(
      `INSERT INTO "Cooperative" (id, slug, name) VALUES ('voisine', 'voisine', 'Centre de santé voisin') ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "StatuteSettings" ("cooperativeId", "updatedAt") VALUES ('voisine', now()) ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "Person" (id, email, name, "passwordHash", "updatedAt") SELECT 'voisine-coord', $1, 'Coordination voisine', "passwordHash", now() FROM "Person" WHERE email = $2 ON CONFLICT DO NOTHING`,
      [OTHER, demo.email("coordination")],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "cooperativeId", "personId", "isCoordinator", "calendarSeed") VALUES ('voisine-m', 'voisine', 'voisine-coord', true, 'voisine-cal') ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "Body" (id, "cooperativeId", kind, name, slug) VALUES ('voisine-conseil', 'voisine', 'COUNCIL', 'Conseil du centre voisin', 'conseil') ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "Meeting" (id, "cooperativeId", "bodyId", number, "startsAt", status, "updatedAt") VALUES ('voisine-3', 'voisine', 'voisine-conseil', 3, now() - interval '3 days', 'HELD', now()) ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "AgendaItem" (id, "cooperativeId", "meetingId", position, kind, title) VALUES ('voisine-3-1', 'voisine', 'voisine-3', 0, 'INFORMATION', 'Point du centre voisin') ON CONFLICT DO NOTHING`,
    );
  } finally {
    await client.end();
  }
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
  await signIn(page, OTHER);
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
  // shows the neighbour's own meeting n° 3, and n° 4 (which only the demo has) is not found.
  await page.goto("/reunions/conseil/3");
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
