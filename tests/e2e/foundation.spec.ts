import { expect, test } from "./test";
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectLinkMasked,
  lastLinkSentTo,
  signIn,
  signInWithForm,
  signOut,
} from "./helpers";

test("the coordinator signs in and reaches council meeting n° 3", async ({ page, demo }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);

  await signInWithForm(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await expect(page.getByText("coordination")).toBeVisible();
  await expect(page.getByRole("link", { name: "Conseil coopératif n° 4" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Registre des membres/ })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Réunions" })
    .click();
  await expect(page.getByRole("heading", { name: "Réunions" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Conseil coopératif n° 3" }).click();
  await expect(page.getByRole("heading", { name: "Conseil coopératif n° 3" })).toBeVisible();
  await expect(page.getByText("Tour rapide de ce que l'on a fait dans le mois")).toBeVisible();
  await expect(
    page.getByText(/Bertrand Lemoine \(président·e, catégorie soutiens militants\)/),
  ).toBeVisible();
  await expect(
    page.getByText(/Élise Hamon \(anciennement catégorie salarié·es et maintenant soutiens militants\)/),
  ).toBeVisible();
  await expect(page.getByText(/Excusé·es :/)).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
});

test("a wrong password, or an unknown e-mail, shows the same error", async ({ page, demo }) => {
  await signInWithForm(page, demo.email("coordination"), "pas-le-bon-mot-de-passe");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Adresse e-mail ou mot de passe incorrect.",
  );
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(demo.email("coordination"));
  await expectAccessible(page);

  await signInWithForm(page, "personne@exemple.org", "pas-le-bon-mot-de-passe");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Adresse e-mail ou mot de passe incorrect.",
  );
  await expect(page).toHaveURL(/\/connexion/);
});

test("after 10 failed attempts the account is paused, with a clear message", async ({ page, demo }) => {
  // An address of its own, so that the other journeys' address is not paused too.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.50" });
  const email = demo.email("pierre-yves.colin");
  for (let attempt = 0; attempt < 10; attempt++) {
    await signInWithForm(page, email, `mauvais-${attempt}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
      "Adresse e-mail ou mot de passe incorrect.",
    );
  }
  await signInWithForm(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Trop d'essais infructueux");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a member cannot open a coordinator-only page, nor see its menu", async ({ page, demo }) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link", { name: "Administration" })).toHaveCount(0);

  for (const path of ["/admin", "/admin/courriels", "/admin/journal", "/admin/membres"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("an inhabitant of the idea box sees the idea box, not the council's pages", async ({ page, demo }) => {
  // The posting page is for people signed in (the public page /i/<slug> is for everyone else).
  await page.goto("/idees/proposer");
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByLabel("Votre idée")).toHaveCount(0);
  await signIn(page, demo.email("fatou.diallo"));
  await expect(page.getByRole("heading", { name: "Bonjour Fatou Diallo" })).toBeVisible();
  await page.getByRole("link", { name: "Déposer une idée" }).click();
  await expect(page.getByRole("heading", { name: "Proposer une idée", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Votre idée")).toBeVisible();
  const response = await page.goto("/reunions/conseil/3");
  expect(response?.status()).toBe(403);
});

test("a sign-in link sent by e-mail signs the member in", async ({ page, browser, demo }) => {
  const visitor = await browser.newContext({ locale: "fr-FR" });
  const marcPage = await visitor.newPage();
  await marcPage.goto("/connexion");
  await marcPage.getByLabel("Adresse e-mail").fill(demo.email("marc.beaulieu"));
  await marcPage.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(marcPage.getByRole("heading", { name: "Consultez vos e-mails" })).toBeVisible();
  await expectAccessible(marcPage);

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  // The coordinator sees that Marc's e-mail left, never his link (else she could sign in as him).
  await expectLinkMasked(page, demo.email("marc.beaulieu"), "Votre lien de connexion");
  const link = await lastLinkSentTo(demo.email("marc.beaulieu"), /http\S+callback\/email\S+/);
  await expectAccessible(page);

  await marcPage.goto(link);
  await expect(marcPage.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await visitor.close();
});

test("a forgotten password is reset through the e-mailed link", async ({ page, browser, demo }) => {
  // Julien is signed in on a phone with the old password: the new one will end that session
  // (signing in before asking, since a sign-in ends the reset links still outstanding).
  const phoneContext = await browser.newContext({ locale: "fr-FR" });
  const phone = await phoneContext.newPage();
  await signIn(phone, demo.email("julien.etchepare"));
  await expect(phone.getByRole("heading", { name: "Bonjour Julien Etchepare" })).toBeVisible();

  const visitor = await browser.newContext({ locale: "fr-FR" });
  const julien = await visitor.newPage();
  await julien.goto("/connexion");
  await expect(julien.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute(
    "href",
    "/mot-de-passe/oublie",
  );
  // Loaded whole, so that typing starts once the form is live (a client-side navigation can
  // re-render the form under a test that types within milliseconds).
  await julien.goto("/mot-de-passe/oublie");
  await julien.getByLabel("Adresse e-mail").fill("julien.etchepare@");
  await julien.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(julien.getByText("Saisissez une adresse e-mail valide")).toBeVisible();
  await expect(julien.getByLabel("Adresse e-mail")).toHaveValue("julien.etchepare@");
  await julien.getByLabel("Adresse e-mail").fill(demo.email("julien.etchepare"));
  await julien.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(julien.getByText(/un lien de réinitialisation vient d'y être envoyé/)).toBeVisible();
  await expectAccessible(julien);

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await expectLinkMasked(page, demo.email("julien.etchepare"), "Réinitialiser votre mot de passe");
  const link = await lastLinkSentTo(
    demo.email("julien.etchepare"),
    /http\S+mot-de-passe\/nouveau\?token=\S+/,
  );

  await julien.goto(link);
  await julien.getByLabel("Nouveau mot de passe").fill("court");
  await julien.getByLabel("Confirmer le mot de passe").fill("court");
  await julien.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(julien.getByText("Le mot de passe doit faire au moins 10 caractères.")).toBeVisible();
  await expectAccessible(julien);
  await julien.getByLabel("Nouveau mot de passe").fill("un-nouveau-mot-de-passe");
  await julien.getByLabel("Confirmer le mot de passe").fill("un-nouveau-mot-de-passe");
  await julien.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(julien.getByText("Votre mot de passe a été changé.")).toBeVisible();
  await phone.goto("/");
  await expect(phone).toHaveURL(/\/connexion/);
  await phoneContext.close();

  await signInWithForm(julien, demo.email("julien.etchepare"), "un-nouveau-mot-de-passe");
  await expect(julien.getByRole("heading", { name: "Bonjour Julien Etchepare" })).toBeVisible();
  await visitor.close();
});

test("the portal speaks English on request, and keeps the choice", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("the sign-in page is usable at 320 px wide", async ({ page, demo }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/connexion");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await signInWithForm(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
});

test("« Se déconnecter partout » ends the sessions of every device", async ({ page, browser, demo }) => {
  const elsewhere = await browser.newContext({ locale: "fr-FR" });
  const shared = await elsewhere.newPage();
  await signIn(shared, demo.email("marc.beaulieu"));
  await expect(shared.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.goto("/profil");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(page.getByText("Vous êtes déconnecté·e de tous vos appareils.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/connexion/);
  // The computer left signed in at the centre is signed out too.
  await shared.goto("/votes");
  await expect(shared).toHaveURL(/\/connexion/);
  await elsewhere.close();
  // And signing in again works.
  await signInWithForm(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
});
