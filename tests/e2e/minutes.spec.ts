import { expect, test } from "./test";
import { expectAccessible, pdfText, signIn, signOut } from "./helpers";

test("the coordinator drafts the minutes of n° 3; autosave survives a reload and a network cut", async ({
  page,
  context,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/reunions/conseil/3");
  await page.getByRole("link", { name: "Compte rendu" }).click();
  await expect(page.getByRole("heading", { name: "Compte rendu de la réunion n° 3" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Présences" })
      .getByText(/Présent·es : Sonia Benali qui arrivera au plus tard au 1er juin/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Prochaine réunion" })).toBeVisible();
  await expectAccessible(page);

  const first = page.getByLabel("Texte de « Tour rapide de ce que l'on a fait dans le mois »");
  await first.fill("· Accueil d'une ministre le 17 février.");
  const status = page.locator(`#${(await first.getAttribute("id"))!}-status`);
  await expect(status).toHaveText("Enregistré.", { timeout: 10_000 });
  await page.reload();
  await expect(first).toHaveValue("· Accueil d'une ministre le 17 février.");

  // The network drops while writing: nothing is lost, it leaves when the network is back.
  await context.setOffline(true);
  await first.fill("· Accueil d'une ministre le 17 février.\n· La santé communautaire sur France Culture.");
  await expect(status).toHaveText(/Pas de connexion/, { timeout: 10_000 });
  await context.setOffline(false);
  await expect(status).toHaveText("Enregistré.", { timeout: 10_000 });
  await page.reload();
  await expect(first).toHaveValue(
    "· Accueil d'une ministre le 17 février.\n· La santé communautaire sur France Culture.",
  );

  // Offline again, and the tab is closed: the text waits in the browser and is saved on return.
  await context.setOffline(true);
  await first.fill("· Accueil d'une ministre.\n· France Culture.\n· Boîte à idées en place.");
  await expect(status).toHaveText(/Pas de connexion|pas encore enregistrées/, { timeout: 10_000 });
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto("/reunions/conseil/3/compte-rendu");
  const restored = again.getByLabel("Texte de « Tour rapide de ce que l'on a fait dans le mois »");
  await expect(restored).toHaveValue(
    "· Accueil d'une ministre.\n· France Culture.\n· Boîte à idées en place.",
  );
  await expect(again.locator(`#${(await restored.getAttribute("id"))!}-status`)).toHaveText("Enregistré.", {
    timeout: 10_000,
  });
  await again.reload();
  await expect(restored).toHaveValue(
    "· Accueil d'une ministre.\n· France Culture.\n· Boîte à idées en place.",
  );
});

// (The integration tests show a plain associé·e refused too; in this suite another journey seats
// the demo's plain member on the council, so the idea-box inhabitant stands for "outside".)
test("a council member reads the draft, rendered safely; someone outside the council cannot", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.goto("/reunions/conseil/3/compte-rendu");
  await expect(page.getByText("Brouillon : visible de la coordination et du conseil")).toBeVisible();
  await expect(page.getByText("Boîte à idées en place.")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expectAccessible(page);

  await signOut(page);
  await signIn(page, demo.email("fatou.diallo"));
  await expect(page.getByRole("heading", { name: "Bonjour Fatou Diallo" })).toBeVisible();
  expect((await page.goto("/reunions/conseil/3/compte-rendu"))?.status()).toBe(403);
});

test("two people writing the same section: the second sees the conflict and keeps both texts", async ({
  browser,
  demo,
}) => {
  const open = async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await signIn(page, demo.email("coordination"));
    await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
    await page.goto("/reunions/conseil/3/compte-rendu");
    return page;
  };
  const [a, b] = [await open(), await open()];
  const field = (p: typeof a) => p.getByLabel("Texte de « Points divers »");
  await field(a).fill("Texte écrit par la première personne.");
  const statusOf = async (p: typeof a) => p.locator(`#${(await field(p).getAttribute("id"))!}-status`);
  await expect(await statusOf(a)).toHaveText("Enregistré.", { timeout: 10_000 });

  await field(b).fill("Texte écrit par la seconde personne.");
  await expect(b.getByText("Quelqu'un d'autre a enregistré une autre version de cette section")).toBeVisible({
    timeout: 10_000,
  });
  await expect(b.locator("pre").filter({ hasText: "Texte écrit par la première personne." })).toBeVisible();
  await expect(field(b)).toHaveValue("Texte écrit par la seconde personne.");
  await expectAccessible(b);

  await b.getByRole("button", { name: "Garder les deux textes" }).click();
  await expect(field(b)).toHaveValue(
    "Texte écrit par la seconde personne.\n\n— Autre version —\nTexte écrit par la première personne.",
  );
  await expect(await statusOf(b)).toHaveText("Enregistré.", { timeout: 10_000 });
  await a.reload();
  await expect(field(a)).toHaveValue(
    "Texte écrit par la seconde personne.\n\n— Autre version —\nTexte écrit par la première personne.",
  );
});

const MINUTES = "/reunions/conseil/3/compte-rendu";
const FIRST = "Tour rapide de ce que l'on a fait dans le mois";

// The whole story of the issue: from council n° 3, minutes like the example (its items, its
// things to do with owners, the next meeting on 20 April at 19:30 with two items), shared, a
// council member's comment, approval by the president, publication, a plain member who finds
// them by search, the PDF, and a correction that makes version 2.
test("minutes of n° 3 from draft to publication, found by a plain member, as PDF", async ({ page, demo }) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto(MINUTES);
  const first = page.getByRole("region", { name: `1) ${FIRST}` });
  const text1 = first.getByLabel(`Texte de « ${FIRST} »`);
  await text1.fill(
    "- Accueil d'une ministre le 17 février : elle a demandé pourquoi passer d'association à coopérative.\n- Dernière information : lancement du recrutement d'une 3e médiatrice ; demandes de devis pour un logo renouvelé.",
  );
  await expect(first.getByText("Enregistré.")).toBeVisible({ timeout: 10_000 });
  await first.getByText("Ajouter une chose à faire").click();
  await first
    .getByLabel("Chose à faire")
    .fill("Faire un petit carnet des associations du quartier pour orienter les gens");
  await first.getByLabel("Salima Haddad").check();
  await first.getByLabel("Awa Touré").check();
  await first.getByLabel("Pour le (facultatif)").fill("2027-01-15");
  await first.getByRole("button", { name: "Ajouter la chose à faire" }).click();
  await expect(
    first.getByText(
      "Faire un petit carnet des associations du quartier pour orienter les gens — Awa Touré, Salima Haddad",
    ),
  ).toBeVisible();

  const second = page.getByRole("region", { name: /^2\) Présentation des expérimentations Peps/ });
  await second
    .getByRole("textbox", { name: /^Texte de/ })
    .fill("Présentation par Élise. Fil rouge : la recherche d'un modèle économique stable.");
  await expect(second.getByText("Enregistré.")).toBeVisible({ timeout: 10_000 });
  await second.getByText("Ajouter une décision").click();
  await second
    .getByLabel("Décision", { exact: true })
    .fill("Écrire au ministère sur la durée de l'expérimentation SecPa");
  await second.getByLabel("Comment elle a été prise").selectOption({ label: "par consensus" });
  await second.getByRole("button", { name: "Ajouter la décision" }).click();
  await expect(second.getByText("Écrire au ministère sur la durée de l'expérimentation SecPa")).toBeVisible();

  // An empty action item is refused in words, and what was typed stays.
  await second.getByText("Ajouter une chose à faire").click();
  await second.getByLabel("Chose à faire").fill("Faire un courrier au ministère");
  await second.getByRole("button", { name: "Ajouter la chose à faire" }).click();
  await expect(second.getByText("Choisissez au moins une personne.")).toBeVisible();
  await expect(second.getByLabel("Chose à faire")).toHaveValue("Faire un courrier au ministère");
  await second.getByLabel("Clara Gautier").check();
  await second.getByRole("button", { name: "Ajouter la chose à faire" }).click();
  await expect(second.getByText("Faire un courrier au ministère — Clara Gautier")).toBeVisible();

  const next = page.getByRole("region", { name: "Prochaine réunion" });
  await next.getByLabel("Date et heure").fill("2027-04-20T19:30");
  await next
    .getByLabel("Premiers points à l'ordre du jour")
    .fill("Rapport d'activité\nConstruire collectivement une lettre de mission pour la direction");
  await next.getByRole("button", { name: "Créer la prochaine réunion" }).click();
  await expect(next.getByText(/mardi 20 avril 2027 à 19:30/)).toBeVisible();
  await expect(next.getByRole("listitem").filter({ hasText: "Rapport d'activité" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Partager avec le conseil" }).click();
  await expect(page.getByText("Partagé avec le conseil pour commentaires")).toBeVisible();
  await signOut(page);

  // A council member comments on a section.
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await expect(page.getByText("À relire et commenter avant l'approbation")).toBeVisible();
  await page.getByRole("link", { name: "Compte rendu Conseil coopératif n° 3" }).click();
  await expect(page.getByRole("heading", { name: "Compte rendu de la réunion n° 3" })).toBeVisible();
  const secondForMarc = page.getByRole("region", { name: /^2\) Présentation des expérimentations Peps/ });
  await secondForMarc
    .getByLabel(/^Votre commentaire sur/)
    .fill("Joindre le diaporama d'Élise au relevé de décisions.");
  await secondForMarc.getByRole("button", { name: "Commenter" }).click();
  await expect(secondForMarc.getByText("Joindre le diaporama d'Élise au relevé de décisions.")).toBeVisible();
  await signOut(page);

  // The president may not approve while a comment is open.
  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.goto(MINUTES);
  await expect(page.getByText("1 commentaire en attente de résolution.")).toBeVisible();
  await page.getByRole("button", { name: "Approuver le compte rendu" }).click();
  await expect(page.getByText("Des commentaires ne sont pas encore résolus")).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto(MINUTES);
  await page.getByRole("button", { name: "Marquer comme résolu" }).click();
  await expect(page.getByText("Aucun commentaire en attente.")).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.goto(MINUTES);
  await page.getByRole("button", { name: "Approuver le compte rendu" }).click();
  await expect(page.getByText(/Approuvé par Bertrand Lemoine le/)).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto(MINUTES);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Publier à tous les membres" }).click();
  await expect(page.getByText(/Publié le .* · version 1/)).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);

  // The PDF has the shape of the example.
  const response = await page.request.get(`${MINUTES}/pdf`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfText(await response.body())).replace(/\s+/g, " ");
  expect(text).toMatch(/Réunion Conseil coopératif n° 3 – \d{1,2} \S+ \d{4}/);
  for (const expected of [
    "Présent·es : Sonia Benali qui arrivera au plus tard au 1er juin",
    "Excusé·es : Awa Touré (catégorie salarié·es)",
    "À l’ordre du jour",
    `1) ${FIRST}`,
    "lancement du recrutement d'une 3e médiatrice",
    "Choses à faire :",
    "Faire un petit carnet des associations du quartier pour orienter les gens — Awa Touré, Salima Haddad — pour le 15 janvier 2027",
    "Écrire au ministère sur la durée de l'expérimentation SecPa (adoptée, par consensus)",
    "Prochaine réunion : mardi 20 avril 2027 à 19h30",
    "À l’ordre du jour : Rapport d'activité + Construire collectivement une lettre de mission pour la direction.",
    "Approuvé par Bertrand Lemoine",
  ]) {
    expect(text).toContain(expected);
  }
  await page.goto(`${MINUTES}/impression`);
  await expect(
    page.getByRole("heading", { level: 1, name: /^Réunion Conseil coopératif n° 3 – / }),
  ).toBeVisible();
  await expect(page.getByText("Prochaine réunion : mardi 20 avril 2027 à 19h30")).toBeVisible();
  await expectAccessible(page);

  // A correction makes version 2 and shows what changed.
  await page.goto(`${MINUTES}/corriger`);
  const correction = page.getByLabel(`1) ${FIRST}`);
  await correction.fill((await correction.inputValue()).replace("17 février", "17 février 2023"));
  await page.getByRole("button", { name: "Publier la correction" }).click();
  await expect(page.getByText("Dites en quelques mots ce qui a été corrigé.")).toBeVisible();
  await expect(correction).toHaveValue(/17 février 2023/);
  await page.getByLabel("Ce qui a été corrigé").fill("Année de la visite ajoutée");
  await page.getByRole("button", { name: "Publier la correction" }).click();
  await expect(page.getByText("Correction enregistrée")).toBeVisible();
  await page.goto(`${MINUTES}/versions`);
  await expect(page.getByText("Année de la visite ajoutée")).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "2023" })).toBeVisible();
  await signOut(page);

  // A plain member reads them, and finds them by search ("médiatrices" finds "médiatrice").
  await signIn(page, demo.email("ines.morel"));
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Rechercher" })
    .click();
  await page
    .getByLabel("Rechercher dans les comptes rendus, décisions et choses à faire")
    .fill("médiatrices");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(
    page.getByText(/1 résultat pour « médiatrices »|résultats pour « médiatrices »/),
  ).toBeVisible();
  await expect(page.locator("mark").filter({ hasText: "médiatrice" }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: FIRST }).first().click();
  await expect(page.getByRole("heading", { name: "Compte rendu de la réunion n° 3" })).toBeVisible();
  await expect(page.getByText(/Publié le .* · version 2/)).toBeVisible();
  await expect(page.getByText("Accueil d'une ministre le 17 février 2023")).toBeVisible();
  await expect(page.getByText("Joindre le diaporama")).toHaveCount(0); // comments stay with the council
  await expectAccessible(page);
  await page.goto("/decisions");
  await expect(page.getByText("Écrire au ministère sur la durée de l'expérimentation SecPa")).toBeVisible();
  await expect(page.getByRole("link", { name: "réunion n° 3" }).first()).toHaveAttribute(
    "href",
    /\/reunions\/conseil\/3\/compte-rendu#decision-/,
  );
  // The decision record as PDF, with this decision in it.
  const record = await page.request.get("/decisions/export?format=pdf");
  expect(record.headers()["content-type"]).toBe("application/pdf");
  const recordText = (await pdfText(await record.body())).replace(/\s+/g, " ");
  expect(recordText).toContain("Relevé de décisions – SCIC Centre de santé communautaire du Bois-Joli");
  expect(recordText).toContain("Écrire au ministère sur la durée de l'expérimentation SecPa");
  expect(recordText).toMatch(/Conseil coopératif · réunion n° 3 · adoptée, par consensus/);
  expect(recordText).toContain("Commission administrative · adoptée, par consensus");
});

test("minutes opened before attendance is taken: the attendance arrives, then changes are shown and taken in one click", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  // Meeting n° 4, planned: its minutes opened first, with nobody marked yet.
  await page.goto("/reunions/conseil/4/compte-rendu");
  const attendance = page.getByRole("region", { name: "Présences" });
  await expect(attendance).toContainText("Présent·es : —");

  const mark = async (name: string, status: "Présent·e" | "Excusé·e") => {
    const group = page.getByRole("group", { name: `Présence de ${name}` });
    await group.getByRole("button", { name: status }).click();
    await expect(group.getByRole("button", { name: status })).toHaveAttribute("aria-pressed", "true");
  };
  await page.goto("/reunions/conseil/4/presences");
  await mark("Salima Haddad", "Présent·e");
  await mark("Marc Beaulieu", "Excusé·e");
  await page.goto("/reunions/conseil/4/compte-rendu");
  await expect(attendance).toContainText("Présent·es : Salima Haddad (catégorie usager·es et habitant·es)");
  await expect(attendance).toContainText("Excusé·es : Marc Beaulieu");

  // Shared with the council; then someone else is marked present.
  await page.getByRole("button", { name: "Partager avec le conseil" }).click();
  await expect(page.getByText(/partagé/i).first()).toBeVisible();
  await page.goto("/reunions/conseil/4/presences");
  await mark("Pierre-Yves Colin", "Présent·e");
  await page.goto("/reunions/conseil/4/compte-rendu");
  await expect(attendance).toContainText(
    "La feuille de présence a changé depuis que ce paragraphe a été écrit :",
  );
  await expect(attendance.locator("ins")).toContainText("Pierre-Yves Colin");
  await expectAccessible(page);
  await attendance.getByRole("button", { name: "Mettre à jour depuis la feuille" }).click();
  await expect(attendance.getByText("La feuille de présence a changé")).toHaveCount(0);
  await expect(attendance.locator("p").first()).toContainText("Pierre-Yves Colin");

  // Corrected by hand: kept as typed.
  await attendance.getByText("Corriger les présences à la main").click();
  const field = attendance.getByLabel("Présences (telles qu'elles paraîtront dans le compte rendu)");
  await field.fill(`${await field.inputValue()}\n\nInvitée : Sonia Benali, future directrice`);
  await attendance.getByRole("button", { name: "Enregistrer les présences" }).click();
  await expect(attendance.getByText("Corrigées à la main")).toBeVisible();
  await expect(attendance.locator("p").first()).toContainText("Invitée : Sonia Benali, future directrice");
});
