import { expect, test } from "./test";
import { expectAccessible, signIn, signOut } from "./helpers";

test("the coordinator seats a member on the council; the member finds it in the directory", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/instances");
  await expect(page.getByRole("heading", { name: "Instances et mandats" })).toBeVisible();
  await expect(page.getByText("Bertrand Lemoine · président·e")).toBeVisible();
  await expect(page.getByText(/L'assemblée générale réunit/)).toBeVisible();
  await expectAccessible(page);

  const council = page.getByRole("region", { name: "Conseil coopératif" });
  await council.getByLabel("Membre", { exact: true }).selectOption({ label: "Paul Martin" });
  await council.getByLabel("Rôle").selectOption({ label: "président·e" });
  await council.getByRole("button", { name: "Ajouter le mandat" }).click();
  await expect(council.getByText("Quelqu'un a déjà le rôle de président·e sur cette période")).toBeVisible();

  await council.getByLabel("Rôle").selectOption({ label: "membre" });
  await council.getByRole("button", { name: "Ajouter le mandat" }).click();
  await expect(council.getByText("Mandat ajouté.")).toBeVisible();
  await expect(council.getByRole("listitem").filter({ hasText: "Paul Martin" })).toContainText(
    "siège du collège usager·es et habitant·es",
  );
  await signOut(page);

  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Annuaire" })
    .click();
  const users = page.getByRole("region", { name: "usager·es et habitant·es" });
  await expect(users.getByText("Paul Martin")).toBeVisible();
  await expect(page.getByText(/Bertrand Lemoine \(président·e\)/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Rechercher une personne").fill("haddad");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("Salima Haddad").first()).toBeVisible();
  await expect(page.getByText("Paul Martin")).toHaveCount(0);
});
