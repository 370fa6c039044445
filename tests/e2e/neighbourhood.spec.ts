import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import { expectAccessible, lastLinkSentTo, signIn } from "./helpers";

// The two channels to the neighbourhood: the idea box (public page, signed in, paper) answered by
// the council, and the newsletter. Runs after the meetings and minutes journeys (file order):
// meeting n° 4 of the demo still has its « Boîte à idées » item.

test.describe.configure({ mode: "serial" });

const INHABITANT_IDEA = "Des jeux pour enfants dans la salle d'attente, s'il vous plaît.";
let followUrl = "";

test("an inhabitant without an account posts an idea from a 320 px phone", async ({ browser, demo }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`/i/${demo.slug}`);
  await expect(
    page.getByRole("heading", { name: "Une idée pour le centre de santé ou le quartier ?" }),
  ).toBeVisible();
  await expectAccessible(page);
  // No JavaScript but the optional « Écouter » (inline, a few lines), nothing wider than the screen.
  expect(await page.locator("script[src]").count()).toBe(0);
  expect(await page.locator("script").count()).toBeLessThanOrEqual(1);
  // « Écouter » where the browser can speak (its only script), and the council explained.
  if (await page.evaluate(() => "speechSynthesis" in window))
    await expect(page.getByRole("button", { name: "Écouter la page" })).toBeVisible();
  // The council is explained, in everyday words.
  await expect(page.getByText("Le conseil, ce sont des usagers, des salariés, des habitants")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The honeypot is out of sight.
  await expect(page.locator("#website")).not.toBeInViewport();

  // A mistake comes back with its message and what was typed.
  await page.getByLabel("Pour avoir la réponse (si vous voulez)").fill("pas un contact");
  await page.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(page.getByText("Écrivez votre idée (au moins quelques mots).")).toBeVisible();
  await expect(
    page.getByText("Écrivez un e-mail (nom@exemple.fr) ou un numéro de téléphone, ou laissez vide."),
  ).toBeVisible();
  await expect(page.getByLabel("Pour avoir la réponse (si vous voulez)")).toHaveValue("pas un contact");

  await page.getByLabel("Votre idée").fill(INHABITANT_IDEA);
  await page.getByLabel("Thème (si vous voulez)").selectOption({ label: "Accueil" });
  await page.getByLabel("Pour avoir la réponse (si vous voulez)").fill("voisine@exemple.fr");
  await page.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(page.getByRole("heading", { name: "Merci pour votre idée !" })).toBeVisible();
  // Plain HTML after the form too, and the follow link says what it is; the date of the answer.
  expect(await page.locator("script[src]").count()).toBe(0);
  await expect(
    page.getByText(/La prochaine réunion du conseil est le .+\. Vous aurez la réponse après cette date\./),
  ).toBeVisible();
  followUrl = (await page.getByRole("link", { name: "Voir où en est mon idée" }).getAttribute("href"))!;
  expect(followUrl).toMatch(new RegExp(`^/i/${demo.slug}/suivi/`));
  await expect(page.getByText(new RegExp(`/i/${demo.slug}/suivi/`))).toBeVisible();
  await expectAccessible(page);
  await page.goto(followUrl);
  await expect(
    page.getByText("Votre idée est arrivée. Une personne de l'équipe va bientôt la lire."),
  ).toBeVisible();
  expect(await page.locator("script[src]").count()).toBe(0);
  await expectAccessible(page);

  // In English too.
  await page.goto(`/i/${demo.slug}`);
  await page.getByRole("link", { name: "English" }).click();
  await expect(
    page.getByRole("heading", { name: "An idea for the health centre or the neighbourhood?" }),
  ).toBeVisible();
  await page.getByLabel("Your idea").fill("Publicité pour un casino en ligne");
  await page.getByRole("button", { name: "Send my idea" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your idea!" })).toBeVisible();
  await context.close();
});

test("an employee posts while signed in and supports an idea", async ({ page, demo }) => {
  await signIn(page, demo.email("maia.traore")); // an employee (Julien’s password is changed by an earlier journey)
  await expect(page.getByRole("heading", { name: "Bonjour Maïa Traoré" })).toBeVisible();
  await page.getByRole("link", { name: "Boîte à idées" }).first().click();
  await expect(page.getByRole("heading", { name: "Boîte à idées", level: 1 })).toBeVisible();
  await expectAccessible(page);
  // The board is for reading; posting has its own page, one link away.
  await expect(page.getByLabel("Votre idée")).toHaveCount(0);
  await page.getByRole("link", { name: "Proposer une idée" }).click();
  await expect(page.getByRole("heading", { name: "Proposer une idée", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Proposer une idée · Portail SCIC");
  await expectAccessible(page);
  await page.getByLabel("Votre idée").fill("Un vestiaire pour les salarié·es.");
  await page.getByLabel("Afficher mon nom avec l'idée").check();
  await page.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(page.getByText("Merci ! Votre idée est sur le tableau")).toBeVisible();
  await expect(page.getByLabel("Votre idée")).toHaveValue("");
  await page.getByRole("link", { name: "Retour à la boîte à idées" }).click();
  await expect(page.getByRole("region", { name: "Les idées" })).toContainText(
    "Un vestiaire pour les salarié·es.",
  );
  const card = page
    .getByRole("listitem")
    .filter({ hasText: "Afficher les horaires des permanences de la médiatrice" });
  await card.getByRole("button", { name: "Je soutiens" }).click();
  await expect(card.getByText("1 soutien")).toBeVisible();
  await page.getByRole("link", { name: "Les plus soutenues" }).click();
  await expect(page.getByRole("region", { name: "Les idées" }).getByRole("listitem").first()).toContainText(
    "Afficher les horaires des permanences",
  );
});

test("a forged « Je soutiens » gets the idea box's words, not a server error", async ({ page, demo }) => {
  await signIn(page, demo.email("maia.traore"));
  await expect(page.getByRole("heading", { name: "Bonjour Maïa Traoré" })).toBeVisible();
  await page.goto("/idees");
  const card = page
    .getByRole("listitem")
    .filter({ hasText: "Afficher les horaires des permanences de la médiatrice" });
  // The idea named in the form is one that does not exist (or of another cooperative).
  await card.locator('input[name="idea"]').evaluate((input: HTMLInputElement) => {
    input.value = "cmx00000000000000000000000";
  });
  await card.getByRole("button", { name: /Je soutiens|Je retire mon soutien/ }).click();
  await expect(card.getByText("Cette idée n'existe plus ; rechargez la page.")).toBeVisible();
});

test("without JavaScript, a member goes from the board to the idea form, is told what is missing, and posts", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("maia.traore"));
  await expect(page.getByRole("heading", { name: "Bonjour Maïa Traoré" })).toBeVisible();
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    locale: "fr-FR",
  });
  const plain = await noScript.newPage();
  await plain.goto("/idees");
  await plain.getByRole("link", { name: "Proposer une idée" }).click();
  await expect(plain.getByRole("heading", { name: "Proposer une idée", level: 1 })).toBeVisible();
  await plain.getByLabel("Votre idée").fill("Un");
  await plain.getByLabel("Thème (si vous voulez)").selectOption({ label: "Accueil" });
  await plain.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(plain.getByText("Écrivez votre idée (au moins quelques mots).")).toBeVisible();
  // Nothing typed is lost.
  await expect(plain.getByLabel("Votre idée")).toHaveValue("Un");
  await expect(plain.getByLabel("Thème (si vous voulez)")).toHaveValue("accueil");
  await plain.getByLabel("Votre idée").fill("Un banc devant l'entrée pour attendre assis.");
  await plain.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(plain.getByText("Merci ! Votre idée est sur le tableau")).toBeVisible();
  await plain.getByRole("link", { name: "Retour à la boîte à idées" }).click();
  await expect(plain.getByRole("region", { name: "Les idées" })).toContainText(
    "Un banc devant l'entrée pour attendre assis.",
  );
  await noScript.close();
});

test("the coordinator types in three paper slips, moderates, and the council answers in meeting", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/idees/gestion");
  await expectAccessible(page);
  await page.getByLabel("Boîte vidée le").fill("2026-11-20");
  for (const slip of [
    "Un point d'eau dans le jardin.",
    "Des permanences le samedi matin.",
    "Repeindre le couloir en couleurs.",
  ]) {
    await page.getByLabel("Texte du papier").fill(slip);
    await page.getByRole("button", { name: "Enregistrer ce papier" }).click();
    await expect(page.getByText("Papier enregistré. Au suivant !")).toBeVisible();
    await expect(page.getByLabel("Texte du papier")).toHaveValue("");
    await expect(page.getByLabel("Boîte vidée le")).toHaveValue("2026-11-20");
  }

  // Moderation: the inhabitant's idea goes on the board; the advertisement is hidden with a reason.
  const queue = page.getByRole("region", { name: /À modérer/ });
  const inhabitant = queue.getByRole("listitem").filter({ hasText: INHABITANT_IDEA });
  await expect(inhabitant.getByText("voisine@exemple.fr")).toBeVisible();
  await inhabitant.getByRole("button", { name: "Mettre sur le tableau" }).click();
  await expect(page.getByRole("heading", { name: "À modérer (1)" })).toBeVisible();
  const spam = queue.getByRole("listitem").filter({ hasText: "Publicité pour un casino en ligne" });
  await spam.getByText("Masquer ou regrouper").click();
  await spam.getByRole("button", { name: "Masquer l'idée" }).click();
  await expect(spam.getByText("Écrivez la raison en quelques mots.")).toBeVisible();
  await spam.getByLabel("Raison du masquage").fill("Publicité");
  await spam.getByRole("button", { name: "Masquer l'idée" }).click();
  await expect(
    page
      .getByRole("region", { name: "Idées masquées (jamais supprimées)" })
      .getByText("Publicité pour un casino en ligne"),
  ).toBeVisible();

  // At the council: meeting n° 4's item leads to the answer sheet.
  await page.goto("/reunions/conseil/4");
  await page.getByRole("link", { name: "Les idées et les réponses du conseil" }).click();
  await expect(page.getByRole("heading", { name: "Boîte à idées — conseil n° 4" })).toBeVisible();
  await expectAccessible(page);
  const answer = async (text: string, choice: string, words: string) => {
    const sheet = page.getByRole("listitem").filter({ hasText: text }).first();
    await sheet.getByRole("radio", { name: choice }).check();
    await sheet.getByRole("textbox").fill(words);
    await sheet.getByRole("button", { name: "Enregistrer la réponse" }).click();
    await expect(sheet.getByText("Réponse enregistrée.")).toBeVisible();
  };
  const declined = page
    .getByRole("listitem")
    .filter({ hasText: "Repeindre le couloir en couleurs." })
    .first();
  await declined.getByRole("radio", { name: "non retenue" }).check();
  await declined.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await expect(declined.getByText("Écrivez la raison en quelques mots.")).toBeVisible();
  await answer(
    "Repeindre le couloir en couleurs.",
    "non retenue",
    "Le bailleur refait les peintures en 2027.",
  );
  await answer(INHABITANT_IDEA, "prévue", "Un coin jeux sera installé en janvier.");
  await answer("Un point d'eau dans le jardin.", "acceptée", "");
  await page.getByRole("button", { name: "Publier les réponses maintenant" }).click();
  await expect(page.getByText("réponse publiée").first()).toBeVisible();
});

test("the inhabitant sees the answer; the board and the public page show it", async ({
  browser,
  page,
  demo,
}) => {
  const visitor = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "fr-FR" });
  const phone = await visitor.newPage();
  await phone.goto(followUrl);
  await expect(phone.getByText("Le conseil a répondu.")).toBeVisible();
  await expect(phone.getByText("Un coin jeux sera installé en janvier.")).toBeVisible();
  await phone.goto(`/i/${demo.slug}`);
  await expect(phone.getByRole("heading", { name: "Les dernières réponses du conseil" })).toBeVisible();
  await expect(phone.getByText("Le bailleur refait les peintures en 2027.")).toBeVisible();
  await visitor.close();

  await signIn(page, demo.email("ines.morel"));
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel" })).toBeVisible();
  await page.goto("/idees?tri=repondues");
  await expect(
    page.getByRole("listitem").filter({ hasText: INHABITANT_IDEA }).getByText("Réponse du conseil : prévue"),
  ).toBeVisible();
  // She was told by e-mail (the outbox, without SMTP).
  await page.context().clearCookies();
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin/courriels?q=voisine%40exemple.fr");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "voisine@exemple.fr" })
      .filter({ hasText: "Réponse à votre idée" }),
  ).toBeVisible();
});

test("a newsletter goes out to 500 recipients (and more) from the outbox; unsubscribe works without signing in", async ({
  page,
  browser,
  demo,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  // 500 neighbours who agreed, imported as newsletter recipients.
  const file = path.join(os.tmpdir(), `voisins-${Date.now()}.csv`);
  fs.writeFileSync(
    file,
    [
      "E-mail;Nom;Lettre",
      ...Array.from({ length: 500 }, (_, i) => `voisin${i}@quartier.test;Voisin ${i};oui`),
    ].join("\n"),
  );
  await page.goto("/admin/membres/import");
  await page.getByLabel("des destinataires de la lettre d'information").check();
  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText("Import terminé : 500 ajouts")).toBeVisible();

  await page.goto("/admin/lettre");
  await expectAccessible(page);
  await page.getByLabel("Objet").fill("Lettre du centre de santé – décembre");
  await page
    .getByLabel("Texte", { exact: true })
    .fill("### Au centre\n\nLa boîte à idées a reçu vos propositions.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(
    page.getByRole("heading", { name: "Lettre n° 1 : Lettre du centre de santé – décembre" }),
  ).toBeVisible();
  // Text typed and not saved yet stays when the council's answers are added.
  const body = page.getByLabel("Texte", { exact: true });
  await body.fill(
    `${await body.inputValue()}\n\n- Nouveaux horaires le samedi\n- [Le programme](https://exemple.org/programme)`,
  );
  await page.getByRole("button", { name: "Ajouter « Ce que le conseil a répondu ce mois-ci »" }).click();
  await expect(page.getByText("Lettre enregistrée.")).toBeVisible();
  await expect(page.getByLabel("Texte", { exact: true })).toHaveValue(
    /Nouveaux horaires le samedi[\s\S]*Ce que le conseil a répondu ce mois-ci/,
  );
  // The preview is the e-mail itself: a list with bullets, a link that looks like one.
  const preview = page.frameLocator(
    'iframe[title="Aperçu de l\'e-mail tel que les destinataires le recevront"]',
  );
  await expect(preview.getByText("Ce que le conseil a répondu ce mois-ci")).toBeVisible();
  await expect(preview.getByText(INHABITANT_IDEA)).toBeVisible();
  await expect(
    preview.getByRole("listitem").filter({ hasText: "Nouveaux horaires le samedi" }),
  ).toBeVisible();
  expect(
    await preview
      .getByRole("listitem")
      .filter({ hasText: "Nouveaux horaires le samedi" })
      .evaluate((li) => getComputedStyle(li).display),
  ).toBe("list-item");
  const programme = preview.getByRole("link", { name: "Le programme" });
  expect(await programme.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain("underline");
  await page.getByRole("button", { name: /M'envoyer un essai/ }).click();
  await expect(page.getByText("Essai envoyé")).toBeVisible();
  // The test e-mail's unsubscribe link says it is a test, and unsubscribes nobody.
  const testLink = await lastLinkSentTo(demo.email("coordination"), /https?:\/\/\S+\/desabonnement\/\S+/);
  const testPage = await browser.newPage();
  await testPage.goto(new URL(testLink).pathname);
  await expect(
    testPage.getByText("Ce lien vient d'un e-mail d'essai : il ne désabonne personne."),
  ).toBeVisible();
  await testPage.close();

  const send = page.getByRole("button", { name: /^Envoyer à \d+ destinataires$/ });
  const count = Number(/(\d+)/.exec((await send.textContent()) ?? "")![1]);
  expect(count).toBeGreaterThanOrEqual(500);
  page.once("dialog", (dialog) => void dialog.accept());
  await send.click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Envoyée le`)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByText(new RegExp(`à ${count} destinataires`))).toBeVisible();

  // In the outbox: the e-mail to a neighbour, with its one-click link.
  await page.goto("/admin/courriels?type=newsletter");
  const item = page
    .getByRole("listitem")
    .filter({ hasText: "Lettre du centre de santé – décembre" })
    .filter({ hasText: /voisin\d+@quartier\.test/ })
    .first();
  const address = /voisin\d+@quartier\.test/.exec((await item.textContent()) ?? "")![0];
  await item.locator("summary").click();
  // Its one-click unsubscribe link is the neighbour's: masked here, read from their message.
  await expect(item.locator("pre")).toContainText("[lien personnel masqué]");
  await expect(item.locator("pre")).not.toContainText("/desabonnement/");
  const link = await lastLinkSentTo(address, /https?:\/\/\S+\/desabonnement\/\S+/);
  const visitor = await browser.newContext({ locale: "fr-FR" });
  const other = await visitor.newPage();
  await other.goto(new URL(link).pathname);
  // Before: what pressing will do; after: what was done.
  await expect(
    other.getByText(`En appuyant sur « Me désabonner », l'adresse ${address} ne recevra plus`),
  ).toBeVisible();
  await other.getByRole("button", { name: "Me désabonner" }).click();
  await expect(other.getByText("C'est fait : cette adresse ne recevra plus la lettre.")).toBeVisible();
  await other.reload();
  await expect(other.getByText(`L'adresse ${address} est désabonnée`)).toBeVisible();
  // A forged link does nothing.
  await other.goto(new URL(link).pathname.replace(/\.[^.]+$/, ".faux"));
  await expect(other.getByText("Ce lien de désabonnement n'est pas valide.")).toBeVisible();
  await visitor.close();
  // The journal names the address that unsubscribed.
  await page.goto("/admin/journal");
  await expect(
    page.getByRole("cell", { name: `newsletter.unsubscribed · NewsletterRecipient · ${address}` }),
  ).toBeVisible();
});
