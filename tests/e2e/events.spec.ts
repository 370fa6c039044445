import { readFile } from "node:fs/promises";
import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

// Issue 20: a member and an inhabitant sign up for a café-rencontre, which fills to capacity, and
// are ticked at the door on a phone.

const PHONE = { width: 320, height: 740 };
const TITLE = "Café-rencontre : le jardin partagé";

// A date-time field's value, some days from now, at a given hour.
function inDays(days: number, time: string) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

test("a member and an inhabitant sign up for a café-rencontre, which fills, and are ticked at the door", async ({
  page,
  browser,
  demo,
}) => {
  // The coordinator announces it: two places.
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.getByRole("link", { name: "Événements" }).click();
  await expect(page).toHaveTitle("Événements · Portail SCIC");
  await page.getByRole("link", { name: "Annoncer un événement" }).click();
  // Every mistake at once, and nothing typed is lost.
  await page.getByLabel("Titre").fill(TITLE);
  await page.getByLabel("Nombre de places").fill("0");
  await page.getByRole("button", { name: "Annoncer l'événement" }).click();
  await expect(page.getByText("Donnez un lieu ou un lien de visio.")).toBeVisible();
  await expect(page.getByText("Saisissez une date et une heure.")).toBeVisible();
  await expect(page.getByText("Le nombre de places est un nombre entier, 1 ou plus.")).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue(TITLE);
  await page
    .getByLabel("Ce qui s'y passe, en mots simples")
    .fill("On parle du jardin partagé autour d'un café. Les enfants sont les bienvenus.");
  await page.getByLabel("Début").fill(inDays(4, "18:00"));
  await page.getByLabel("Fin (facultatif)").fill(inDays(4, "19:30"));
  await page.getByLabel("Lieu", { exact: true }).fill("Salle commune, 12 rue des Lilas");
  await page.getByLabel("Nombre de places").fill("2");
  await page.getByRole("button", { name: "Annoncer l'événement" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByText("Événement enregistré.")).toBeVisible();
  await expect(page.getByText("2 places restantes sur 2")).toBeVisible();
  await expectAccessible(page);
  const eventUrl = new URL(page.url()).pathname;

  // A member, on a phone: the menu, then « Je viens ».
  const memberPhone = await browser.newContext({ viewport: PHONE });
  const member = await memberPhone.newPage();
  await signIn(member, demo.email("paul.martin"));
  await expect(member.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await member.getByRole("link", { name: "Événements" }).click();
  const card = member.getByRole("listitem").filter({ hasText: TITLE });
  await card.getByRole("button", { name: "Je viens" }).click();
  await expect(card.getByText("Vous êtes inscrit·e.", { exact: true })).toBeVisible();
  await expect(card.getByText("1 place restante sur 2")).toBeVisible();
  await expectAccessible(member);

  // An inhabitant without an account, on a phone: from the idea box's page to the event.
  const inhabitantPhone = await browser.newContext({ viewport: PHONE });
  const inhabitant = await inhabitantPhone.newPage();
  await inhabitant.goto(`/i/${demo.slug}`);
  await inhabitant.getByRole("link", { name: "Nos prochains événements" }).click();
  await expect(inhabitant.getByRole("heading", { name: "Nos prochains événements" })).toBeVisible();
  await inhabitant.getByRole("link", { name: TITLE }).click();
  await expect(inhabitant.getByRole("heading", { name: TITLE })).toBeVisible();
  expect(await inhabitant.locator("script").count()).toBe(0);
  await expectAccessible(inhabitant);
  // Without a way to be reached: told why, the name kept.
  await inhabitant.getByLabel("Votre nom ou prénom").fill("Nadia Benyahia");
  await inhabitant.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(
    inhabitant.getByText("Donnez un e-mail ou un téléphone, pour qu'on puisse vous prévenir."),
  ).toBeVisible();
  await expect(inhabitant.getByLabel("Votre nom ou prénom")).toHaveValue("Nadia Benyahia");
  await inhabitant.getByLabel("Votre téléphone").fill("06 12 34 56 78");
  await inhabitant.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(inhabitant.getByRole("heading", { name: "C'est noté !" })).toBeVisible();
  await expect(inhabitant.getByText(`Vous êtes inscrit·e à : ${TITLE}.`)).toBeVisible();
  await expect(inhabitant.getByRole("link", { name: "Je ne viens plus" })).toBeVisible();
  await expectAccessible(inhabitant);

  // Now it is full: the next neighbour is told so, and the members' list says it.
  const neighbour = await inhabitantPhone.newPage();
  await neighbour.goto(`/i/${demo.slug}/evenements`);
  await neighbour.getByRole("link", { name: TITLE }).click();
  await expect(neighbour.getByText("C'est complet. Revenez voir : une place peut se libérer.")).toBeVisible();
  await expect(neighbour.getByRole("button", { name: "Je m'inscris" })).toHaveCount(0);
  await member.reload();
  await expect(card.getByText("Complet", { exact: true })).toBeVisible();

  // At the door, on the coordinator's phone: tick each one as they arrive.
  const doorPhone = await browser.newContext({ viewport: PHONE });
  const door = await doorPhone.newPage();
  await signIn(door, demo.email("coordination"));
  await expect(door.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await door.goto(eventUrl);
  await door.getByRole("link", { name: "Liste à la porte (2)" }).click();
  await expect(door).toHaveTitle(`À la porte : ${TITLE} · Portail SCIC`);
  const status = door.getByRole("status").filter({ hasText: "arrivé·es" });
  await expect(status).toHaveText("0 arrivé·es sur 2 inscrit·es");
  await door.getByRole("button", { name: "Paul Martin est là" }).click();
  await expect(status).toHaveText("1 arrivé·es sur 2 inscrit·es");
  await expect(door.getByRole("button", { name: "Paul Martin est là" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await door.getByRole("button", { name: "Nadia Benyahia est là" }).click();
  await expect(status).toHaveText("2 arrivé·es sur 2 inscrit·es");
  // Someone comes without having signed up: added and ticked at once.
  await door.getByLabel("Nom", { exact: true }).fill("Voisin du 3e");
  await door.getByRole("button", { name: "Ajouter et cocher" }).click();
  await expect(status).toHaveText("3 arrivé·es sur 3 inscrit·es (dont 1 ajouté·e à la porte)");
  const [scroll, client] = await door.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
  await expectAccessible(door);

  // The list on paper: ticked boxes, with blank lines for who comes unannounced.
  await page.goto(`${eventUrl}/liste`);
  await expect(page).toHaveTitle(`Liste des inscrit·es : ${TITLE} · Portail SCIC`);
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "Paul Martin" })).toContainText("☑");
  await expect(rows.filter({ hasText: "Nadia Benyahia" })).toContainText("page publique");
  // Names only on paper: no phone on a sheet left on a table.
  await expect(page.getByText("06 12 34 56 78")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Liste imprimable" })).toBeVisible();

  // The member adds it to their calendar.
  await member.goto(eventUrl);
  const download = member.waitForEvent("download");
  await member.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).click();
  const ics = await readFile((await (await download).path())!, "utf8");
  expect(ics).toContain("SUMMARY:Café-rencontre : le jardin partagé");
  expect(ics).toContain("LOCATION:Salle commune\\, 12 rue des Lilas");

  await memberPhone.close();
  await inhabitantPhone.close();
  await doorPhone.close();
});
