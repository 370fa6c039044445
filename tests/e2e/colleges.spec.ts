import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

test("the coordinator configures the college weights; an unlawful one is refused", async ({ page, demo }) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/colleges");
  await expect(page.getByRole("heading", { name: "Collèges et statuts" })).toBeVisible();
  await expectAccessible(page);

  const weight = (n: number) => page.getByLabel("Poids (%)").nth(n);
  await expect(weight(0)).toHaveValue("25");
  await weight(0).fill("55");
  await weight(1).fill("15");
  await weight(2).fill("15");
  await weight(3).fill("15");
  await page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Configuration refusée" });
  await expect(refusal).toContainText(
    "Le collège « usager·es et habitant·es » pèse 55 % : un collège ne peut pas peser plus de 50 %",
  );
  await expect(weight(0)).toHaveValue("55");
  await expectAccessible(page);

  await weight(0).fill("40");
  await weight(1).fill("20");
  await weight(2).fill("20");
  await weight(3).fill("19,9");
  await page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(refusal).toContainText("font 99,9 % au total");

  await weight(3).fill("20");
  await page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(page.getByText("Catégories et collèges enregistrés.")).toBeVisible();
  await page.reload();
  await expect(weight(0)).toHaveValue("40");
  await expect(weight(3)).toHaveValue("20");

  await page.getByRole("button", { name: "Répartir également" }).click();
  await expect(page.getByText("Total : 100 %")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(page.getByText("Catégories et collèges enregistrés.")).toBeVisible();
});

test("the statute settings keep the legal defaults and refuse a malformed threshold", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/colleges");
  // The demo has an open written consultation: it keeps the rules it opened with.
  const note = page.getByText(
    /^Version \d+ des statuts et des collèges\. Une modification s'applique aux votes ouverts après elle/,
  );
  await expect(note).toContainText("garde les règles de son ouverture");
  const version = Number(/Version (\d+)/.exec((await note.textContent())!)![1]);
  const agoQuorum = page.locator("#agoQuorumFirst");
  await expect(agoQuorum).toHaveValue("1/5");
  await expect(page.locator("#ageMajority")).toHaveValue("2/3");
  await agoQuorum.fill("un cinquième");
  await page.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(
    page.getByText("Saisissez une fraction (1/5) ou un pourcentage (20 %) entre 0 et 1."),
  ).toBeVisible();
  await expect(agoQuorum).toHaveValue("un cinquième");
  await agoQuorum.fill("1/4");
  await page.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(page.getByText("Règles des statuts enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.locator("#agoQuorumFirst")).toHaveValue("1/4");
  await expect(
    page.getByText(`Version ${version + 1} des statuts et des collèges.`, { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a council member cannot open the colleges configuration", async ({ page, demo }) => {
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  const response = await page.goto("/admin/colleges");
  expect(response?.status()).toBe(403);
});
