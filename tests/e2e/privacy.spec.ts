import fs from "node:fs";
import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

test("a member downloads everything the portal holds about them", async ({ page, demo }) => {
  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.getByRole("link", { name: "Mon profil" }).click();
  await expect(page.getByRole("heading", { name: "Mon profil" })).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger mes données" }).click(),
  ]);
  const data = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(data.person).toMatchObject({ name: "Salima Haddad", email: demo.email("salima.haddad") });
  expect(data.memberships[0].categoryAssignments[0].category.name).toBe("usager·es et habitant·es");
  expect(data.memberships[0].mandates[0].body.name).toBe("Conseil coopératif");
});

test("the coordinator erases a person: the name goes, the attendance stays as « un·e membre »", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres?q=Duval");
  await page.getByRole("link", { name: "Aurélie Duval" }).click();
  await page.getByText("Effacer les données personnelles…").click();
  await page.getByLabel("Pour confirmer, recopiez le nom : Aurélie Duval").fill("Aurelie");
  await page.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(page.getByText("Le nom recopié ne correspond pas : rien n'a été effacé.")).toBeVisible();
  await page.getByLabel("Pour confirmer, recopiez le nom : Aurélie Duval").fill("Aurélie Duval");
  await page.getByRole("button", { name: "Effacer définitivement" }).click();
  // The erasure reads every text and JSON column of the cooperative (2–3 s alone in the
  // integration test): with two journeys at once in CI it once took longer than 5 s.
  await expect(page.getByText("Les données personnelles ont été effacées.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "un·e membre" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/reunions/conseil/3");
  await expect(page.getByText("Aurélie Duval")).toHaveCount(0);
  await expect(page.getByText(/un·e membre \(catégorie usager·es et habitant·es\)/)).toBeVisible();
});
