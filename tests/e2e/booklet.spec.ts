import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { expectAccessible, pdfText, signIn } from "./helpers";

// Issue 20: the partners' booklet, as reception and the coordinator use it.

const PHONE = { width: 320, height: 740 };
const today = new Intl.DateTimeFormat("fr-FR", { weekday: "long", timeZone: "Europe/Paris" }).format(
  new Date(),
);
const DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const anotherDay = DAYS[(DAYS.indexOf(today) + 3) % 7]!;

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

async function editEntry(page: Page, name: string, fields: Record<string, string>) {
  await page.goto("/carnet");
  await page.getByRole("searchbox", { name: "Mots" }).fill(name);
  await page.getByRole("button", { name: "Chercher" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveTitle(`Carnet : ${name} · Portail SCIC`);
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Enregistrer (vérifié aujourd'hui)" }).click();
  await expect(page.getByText("Adresse enregistrée et datée d'aujourd'hui.")).toBeVisible();
}

test("reception finds a French course where Arabic is spoken, open now, on a 320 px phone", async ({
  page,
  browser,
  demo,
}) => {
  // The coordinator keeps two entries right: one open all day today, one open another day.
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await editEntry(page, "Parlons Ensemble", { Horaires: `${today} 0h-24h` });
  await expect(page.getByText("Vérifié le", { exact: false }).first()).toContainText("Clara Gautier");
  await expectAccessible(page);
  await editEntry(page, "Les Mots du Bois-Joli", {
    Horaires: `${anotherDay} 9h-10h`,
    "Langues parlées": "français, anglais, soninké, arabe",
  });

  const phone = await browser.newContext({ viewport: PHONE });
  const reception = await phone.newPage();
  await signIn(reception, demo.email("awa.toure"));
  await expect(reception.getByRole("heading", { name: /^Bonjour Awa/ })).toBeVisible();
  const started = Date.now();
  await reception
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Carnet", exact: true })
    .click();
  await expect(reception).toHaveTitle("Carnet des partenaires · Portail SCIC");
  await reception.getByLabel("Thème").selectOption({ label: "Cours de langue" });
  await reception.getByLabel("Langue parlée").selectOption("arabe");
  await reception.getByLabel("Ouvert maintenant").check();
  await reception.getByRole("button", { name: "Chercher" }).click();
  await expect(reception.getByRole("status")).toHaveText(/^1 adresse sur \d+$/);
  const card = reception.getByRole("article", { name: "Parlons Ensemble" });
  await expect(card.getByText("Ouvert maintenant")).toBeVisible();
  await expect(card.getByRole("link", { name: "Appeler 01 23 45 10 01" })).toHaveAttribute(
    "href",
    "tel:0123451001",
  );
  expect(Date.now() - started, "found in under 10 seconds").toBeLessThan(10_000);
  await noSidewaysScroll(reception);
  await expectAccessible(reception);
  // Without « ouvert maintenant », the other Arabic-speaking course shows, closed now.
  await reception.getByLabel("Ouvert maintenant").uncheck();
  await reception.getByRole("button", { name: "Chercher" }).click();
  await expect(
    reception.getByRole("article", { name: "Les Mots du Bois-Joli" }).getByText("Fermé maintenant"),
  ).toBeVisible();
  await phone.close();
});

test("the coordinator prints the booklet, exports it, and the neighbourhood reads it without the team's names", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/carnet");
  // An old entry is marked.
  await expect(
    page
      .getByRole("article", { name: "Club des anciens du Bois-Joli" })
      .getByText(/^À vérifier : pas vérifié depuis plus de 6 mois$/),
  ).toBeVisible();
  await page.getByRole("link", { name: "Imprimer, importer, réglages" }).click();
  await expect(page).toHaveTitle("Gérer le carnet · Portail SCIC");
  await expectAccessible(page);
  const href = await page.getByRole("link", { name: "Le livret à imprimer (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, " ");
  for (const expected of [
    "Carnet des partenaires – SCIC Centre de santé communautaire du Bois-Joli",
    "Édité le",
    "Le carnet en ligne, toujours à jour :",
    "Cours de langue",
    "Parlons Ensemble",
    "Alimentation",
    "Épicerie solidaire La Cagette",
    "À vérifier : pas vérifié depuis plus de 6 mois",
  ])
    expect(text).toContain(expected);
  expect(text).toContain(`/i/${demo.slug}/carnet`);
  // The small booklet: the same content on A5 pages (420 × 595 points), to fold.
  const a5Href = await page.getByRole("link", { name: "Le petit livret A5 (à plier)" }).getAttribute("href");
  const a5 = await (await page.request.get(a5Href!)).body();
  expect(a5.toString("latin1")).toMatch(/\/MediaBox \[0 0 419\.5\d* 595\.2\d*\]/);
  expect((await pdfText(a5)).replace(/\s+/g, " ")).toContain("Épicerie solidaire La Cagette");

  const csv = await (await page.request.get("/carnet/export")).text();
  expect(csv.split("\n")[0]).toContain("Nom;Description;Thèmes;Quartier;Adresse;Horaires");
  expect(csv).toContain("Parlons Ensemble");

  // The public page: plain HTML, no script, no keeper's name.
  const visitor = await page.context().browser()!.newContext({ viewport: PHONE });
  const neighbour = await visitor.newPage();
  await neighbour.goto(`/i/${demo.slug}/carnet`);
  await expect(neighbour.getByRole("heading", { name: "Carnet des partenaires" })).toBeVisible();
  await expect(neighbour.getByRole("heading", { name: "Parlons Ensemble" })).toBeVisible();
  expect(await neighbour.locator("script[src]").count()).toBe(0);
  await expect(neighbour.locator("body")).not.toContainText("Awa Touré");
  await neighbour.getByLabel("Thème").selectOption({ label: "Alimentation" });
  await neighbour.getByRole("button", { name: "Chercher" }).click();
  await expect(neighbour.getByRole("status")).toHaveText(/^2 adresses sur \d+$/);
  await noSidewaysScroll(neighbour);
  await expectAccessible(neighbour);
  await visitor.close();

  // Unpublished, the page is gone.
  await page.getByLabel("Publier le carnet sur une page publique (sans les noms de l'équipe)").uncheck();
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByText("Réglages enregistrés.")).toBeVisible();
  expect((await page.request.get(`/i/${demo.slug}/carnet`)).status()).toBe(404);
});

test("a member adds an address; a mistake keeps what was typed", async ({ page, demo }) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto("/carnet");
  await page.getByRole("link", { name: "Ajouter une adresse" }).click();
  await expect(page).toHaveTitle("Nouvelle adresse du carnet · Portail SCIC");
  await page.getByLabel("Ce qu'ils font, en mots simples").fill("Réparer son vélo soi-même.");
  await page.getByLabel("Site internet").fill("pas un site");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page.getByText("Écrivez le nom de l'association ou du service.")).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Ce qu'ils font, en mots simples")).toHaveValue("Réparer son vélo soi-même.");
  await page.getByLabel("Nom", { exact: true }).fill("Atelier vélo des Tilleuls");
  await page.getByLabel("Site internet").fill("");
  await page.getByLabel("Sport").check();
  await page.getByLabel("Horaires").fill("sam 10h-12h");
  await page.getByRole("button", { name: "Ajouter au carnet" }).click();
  await expect(page.getByText("Adresse ajoutée au carnet.")).toBeVisible();
  await expect(page).toHaveTitle("Carnet : Atelier vélo des Tilleuls · Portail SCIC");
  await expect(page.getByRole("article", { name: "Atelier vélo des Tilleuls" })).toContainText("Vérifié le");
  await expectAccessible(page);
  // Removing an address is the coordinator's.
  await expect(
    page.getByRole("button", { name: "Retirer du carnet (l'association n'existe plus)" }),
  ).toHaveCount(0);
});
