import pg from "pg";
import { expect, test } from "./test";
import { e2eDatabaseUrl, expectAccessible, signIn, signOut } from "./helpers";

// Two cooperatives on one portal (issue 15, 1): the coordinator of a neighbouring centre adds
// the demo's coordinator to their own register and asks for an invitation. They never get a way
// into her account: no password link, her e-mail and her account's name stay hers (B names her
// in B only).

test("another cooperative's coordinator cannot take over an account by adding it to their register", async ({
  page,
  demo,
}) => {
  const neighbour = `${demo.cooperativeId}-b`;
  const coordinatorB = `coordination@${demo.slug}-b.example.org`;
  const victim = demo.email("coordination");
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Cooperative" (id, slug, name) VALUES ($1, $1, 'Centre de santé B')`, [
      neighbour,
    ]);
    await client.query(`INSERT INTO "StatuteSettings" ("cooperativeId", "updatedAt") VALUES ($1, now())`, [
      neighbour,
    ]);
    await client.query(
      `INSERT INTO "Person" (id, email, name, "passwordHash", "updatedAt")
       SELECT $1, $2, 'Coordination B', "passwordHash", now() FROM "Person" WHERE email = $3`,
      [neighbour, coordinatorB, victim],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "cooperativeId", "personId", "isCoordinator", "calendarSeed")
       VALUES ($1, $1, $1, true, $1)`,
      [neighbour],
    );
  } finally {
    await client.end();
  }

  await signIn(page, coordinatorB);
  await expect(page.getByRole("heading", { name: "Bonjour Coordination B" })).toBeVisible();
  await page.goto("/admin/membres/nouveau");
  await page.getByLabel("Nom et prénom").fill("Clara, renommée par B");
  await page.getByLabel("Adresse e-mail").fill(victim);
  await page.getByRole("radio", { name: /invité·e, sans droit de vote/ }).check();
  await page.getByLabel("Envoyer tout de suite l'invitation par e-mail").check();
  await page.getByRole("button", { name: "Ajouter le membre" }).click();
  await expect(page.getByText("Membre ajouté·e au registre.")).toBeVisible();

  // B names her as B's members know her: shown in B only, her account keeps its own name.
  await expect(
    page.getByText("Ce compte appartient à la personne (son nom de compte : Clara Gautier)"),
  ).toBeVisible();
  await page.getByLabel("Nom et prénom").fill("Clara G. (centre Bois-Joli)");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.goto("/admin/membres");
  await expect(page.getByRole("link", { name: "Clara G. (centre Bois-Joli)" })).toBeVisible();
  await page.getByRole("link", { name: "Clara G. (centre Bois-Joli)" }).click();
  // Moving her address to one of B's: refused, in words, what was typed kept.
  await page.getByLabel("Adresse e-mail").fill("boite-de-b@exemple.org");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(
    page
      .getByText("Ce compte appartient à la personne : son adresse e-mail ne se change que par elle.")
      .first(),
  ).toBeVisible();
  await expectAccessible(page);

  // What B's outbox shows: she was told, with no link to choose a password.
  await page.goto(`/admin/courriels?q=${encodeURIComponent(victim)}`);
  const mail = page.getByRole("listitem").filter({ hasText: victim }).first();
  await mail.locator("summary").click();
  await expect(mail.locator("pre").first()).toContainText("Connectez-vous avec votre compte habituel");
  await expect(mail.locator("pre").first()).not.toContainText(/mot-de-passe\/nouveau|token=/);
  await signOut(page);

  // She is still herself, with her password and her name, in her own cooperative.
  await signIn(page, victim);
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres");
  await expect(page.getByRole("link", { name: "Clara Gautier", exact: true }).first()).toBeVisible();
});
