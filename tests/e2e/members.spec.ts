import { expect, test } from "./test";
import {
  expectAccessible,
  expectLinkMasked,
  lastLinkSentTo,
  signIn,
  signInWithForm,
  signOut,
} from "./helpers";

test("the coordinator changes a member's category, and the history keeps the former one", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres");
  await expectAccessible(page);
  await page.getByLabel("Rechercher par nom ou e-mail").fill("Carpentier");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("1 membre")).toBeVisible();
  await page.getByRole("link", { name: "Mathis Carpentier" }).click();
  await expect(page.getByRole("heading", { name: "Mathis Carpentier" })).toBeVisible();
  await expect(page.getByText("Catégorie salarié·es", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Nouvelle catégorie").selectOption({ label: "soutiens militants" });
  await page.getByLabel("À partir du").fill("2020-01-01");
  await page.getByRole("button", { name: "Changer de catégorie" }).click();
  await expect(
    page.getByText("La nouvelle catégorie doit commencer après le début de la catégorie actuelle.").first(),
  ).toBeVisible();

  await page.getByLabel("Nouvelle catégorie").selectOption({ label: "soutiens militants" });
  await page.getByLabel("À partir du").fill("2026-09-01");
  await page.getByRole("button", { name: "Changer de catégorie" }).click();
  await expect(page.getByText("Catégorie changée ; l'ancienne reste dans l'historique.")).toBeVisible();
  await expect(page.getByText("salarié·es du 15 juin 2022 au 31 août 2026")).toBeVisible();
  await expect(page.getByText("soutiens militants depuis le 1 septembre 2026")).toBeVisible();
  await expect(page.getByText("Catégorie soutiens militants", { exact: true })).toBeVisible();
});

test("the coordinator adds a member and invites them; the invitation sets their password", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres/nouveau");
  await expectAccessible(page);

  await page.getByLabel("Nom et prénom").fill("Nadia Ouali");
  await page.getByLabel("Adresse e-mail").fill("nadia.ouali@exemple");
  await page.getByRole("button", { name: "Ajouter le membre" }).click();
  await expect(page.getByText("Choisissez une catégorie.")).toBeVisible();
  await expect(page.getByText("Saisissez une adresse e-mail valide").first()).toBeVisible();
  await expect(page.getByLabel("Nom et prénom")).toHaveValue("Nadia Ouali");
  await expectAccessible(page);

  await page.getByLabel("Adresse e-mail").fill("nadia.ouali@exemple.org");
  await page.getByLabel("Catégorie").selectOption({ label: "usager·es et habitant·es" });
  await page.getByLabel("Accepte de recevoir la lettre d'information").check();
  await page.getByRole("button", { name: "Ajouter le membre" }).click();
  await expect(page.getByText("Membre ajouté·e au registre.")).toBeVisible();
  await expect(page.getByText(/Invitation envoyée le/)).toBeVisible();

  await expectLinkMasked(page, "nadia.ouali@exemple.org", "Invitation au Portail SCIC");
  const link = await lastLinkSentTo("nadia.ouali@exemple.org", /http\S+mot-de-passe\/nouveau\?token=\S+/);
  const visitor = await browser.newContext({ locale: "fr-FR" });
  const nadia = await visitor.newPage();
  await nadia.goto(link);
  await nadia.getByLabel("Nouveau mot de passe").fill("le-mot-de-passe-de-nadia");
  await nadia.getByLabel("Confirmer le mot de passe").fill("le-mot-de-passe-de-nadia");
  await nadia.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await signInWithForm(nadia, "nadia.ouali@exemple.org", "le-mot-de-passe-de-nadia");
  await expect(nadia.getByRole("heading", { name: "Bonjour Nadia Ouali" })).toBeVisible();
  await visitor.close();

  await page.goto("/admin/membres?statut=inactive");
  await expect(page.getByRole("link", { name: "Nadia Ouali" })).toHaveCount(0);
});

test("archiving asks for confirmation and keeps the member, who can no longer sign in", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/membres?q=Louise");
  await page.getByRole("link", { name: "Louise Perrin" }).click();
  await page.getByText("Archiver ce membre…").click();
  await page.getByRole("button", { name: "Confirmer l'archivage de Louise Perrin" }).click();
  await expect(page.getByText("Membre archivé·e. Rien n'a été effacé.")).toBeVisible();
  await expectAccessible(page);

  const visitor = await browser.newContext({ locale: "fr-FR" });
  const louise = await visitor.newPage();
  await signInWithForm(louise, demo.email("louise.perrin"));
  await expect(louise.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Adresse e-mail ou mot de passe incorrect.",
  );
  await visitor.close();

  await page.getByRole("button", { name: "Rétablir ce membre" }).click();
  await expect(page.getByText("Membre rétabli·e.")).toBeVisible();
  await signOut(page);
});
