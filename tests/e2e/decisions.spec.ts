import fs from "node:fs";
import pg from "pg";
import { expect, test } from "./test";
import { e2eDatabaseUrl, expectAccessible, signIn, signOut } from "./helpers";

test("a member reads the decision record, filters it by commission, and exports it", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Décisions" })
    .click();
  await expect(page.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();
  await expect(page.getByText("3 décisions")).toBeVisible();
  await expectAccessible(page);
  // The filters come when asked for: the decisions first.
  await expect(page.getByLabel("Instance")).toHaveCount(0);
  await page.getByRole("link", { name: "Filtrer les décisions" }).click();
  // The page comes in place (components/soft-links.tsx): its fields, then its title, before axe.
  await expect(page.getByLabel("Instance")).toBeVisible();
  await expect(page).toHaveTitle("Relevé de décisions · Portail SCIC");
  await expectAccessible(page);

  await page.getByLabel("Instance").selectOption({ label: "Commission administrative" });
  await page.getByRole("button", { name: "Filtrer", exact: true }).click();
  await expect(page.getByText("2 décisions")).toBeVisible();
  // The form stays, with its choice, to change it.
  await expect(page.getByLabel("Instance")).toHaveValue(/.+/);
  await expect(page.getByText("Lancement du recrutement d'une 3e médiatrice")).toBeVisible();
  await expect(page.getByText("Les salarié·es peuvent déposer des idées dans la boîte à idées")).toHaveCount(
    0,
  );

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter (CSV)" }).click(),
  ]);
  const text = fs.readFileSync(await csv.path(), "utf8");
  expect(text).toContain("Date;Instance;Réunion;Décision");
  expect(text).toContain("Commission administrative");
  expect(text).not.toContain("boîte à idées");

  // « Tout le relevé » takes the filters off, and the form away.
  await page.getByRole("link", { name: "Tout le relevé" }).click();
  await expect(page.getByText("3 décisions")).toBeVisible();
  await expect(page.getByLabel("Instance")).toHaveCount(0);
});

test("a member sees their things to do, the overdue ones marked; the coordinator sees everyone's", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/actions?vue=toutes");
  await expect(page.getByRole("heading", { name: "Choses à faire de toutes et tous" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Élise Hamon" })).toContainText(
    "Courrier au ministère sur la durée de l'expérimentation SecPa",
  );
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.goto("/actions?vue=toutes");
  await expect(page.getByRole("heading", { name: "Mes choses à faire" })).toBeVisible();
  await expect(page.getByText("Rien à faire pour vous en ce moment.")).toBeVisible();
});

test("search finds the decisions the record shows, and lands on them", async ({ page, demo }) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto("/recherche?q=m%C3%A9diatrice");
  const hit = page.getByRole("listitem").filter({ hasText: "Lancement du recrutement d'une 3e médiatrice" });
  await expect(hit).toContainText("Décision · Commission administrative");
  await expect(hit.locator("mark").first()).toHaveText("médiatrice");
  await hit.getByRole("link", { name: "Lancement du recrutement d'une 3e médiatrice" }).click();
  await expect(page).toHaveURL(/\/decisions(\?page=\d+)?#decision-/);
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toContainText(
    "Lancement du recrutement d'une 3e médiatrice",
  );
  await expectAccessible(page);
  // An address typed by hand that is no decision of this cooperative: the « not found » page.
  const response = await page.goto("/decisions/pas-une-decision");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});

// Last in this file: it adds thirty decisions to this file's cooperative.
test("an older decision's link lands on the page of the record that lists it, not on page 1", async ({
  page,
  demo,
}) => {
  // Thirty council decisions after the latest, published, as later councils leave them: the
  // commission's decision on the 3rd mediator moves to the record's second page.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Decision" (id, "cooperativeId", "bodyId", title, text, method, outcome, "decidedOn", "publishedAt")
       SELECT $1 || '-' || n, b."cooperativeId", b.id, 'Décision courante n° ' || n, 'Décision courante n° ' || n,
              'CONSENSUS'::"DecisionMethod", 'ADOPTED'::"DecisionOutcome", last.day + n, now()
         FROM "Body" b, generate_series(1, 30) n,
              (SELECT max("decidedOn") AS day FROM "Decision" WHERE "cooperativeId" = $2) last
        WHERE b."cooperativeId" = $2 AND b.kind = 'COUNCIL'`,
      [demo.slug, demo.cooperativeId],
    );
  } finally {
    await client.end();
  }
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto("/recherche?q=m%C3%A9diatrice");
  await page.getByRole("link", { name: "Lancement du recrutement d'une 3e médiatrice" }).click();
  await expect(page).toHaveURL(/\/decisions\?page=2#decision-/);
  await expect(page.getByText("Page 2 sur 2")).toBeVisible();
  const landed = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
  await expect(landed).toContainText("Lancement du recrutement d'une 3e médiatrice");
  await expect(landed).toBeInViewport();
});
