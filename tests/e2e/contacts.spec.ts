import pg from "pg";
import { expect, test } from "./test";
import { e2eDatabaseUrl, expectAccessible, signIn } from "./helpers";

// Issue 20: an inhabitant without an account joins the list of people to contact from the public
// page, is chosen for a visit, and leaves the list with the link of the message.

test("an inhabitant joins from the public page, is selected for a visit, and withdraws with the link", async ({
  page,
  browser,
  demo,
}) => {
  const phone = await browser.newContext({ viewport: { width: 320, height: 740 } });
  const inhabitant = await phone.newPage();
  await inhabitant.goto(`/i/${demo.slug}`);
  await inhabitant
    .getByRole("link", { name: "Vous voulez bien qu'on vous appelle pour des visites ou des événements ?" })
    .click();
  await expect(
    inhabitant.getByRole("heading", { name: "Vous voulez bien qu'on vous appelle ?" }),
  ).toBeVisible();
  expect(await inhabitant.locator("script[src]").count()).toBe(0);
  await expectAccessible(inhabitant);
  // Forgetting the box: every mistake at once, and nothing typed is lost.
  await inhabitant.getByLabel("Votre nom").fill("Nadia Benyahia");
  await inhabitant.getByLabel("E-mail", { exact: true }).fill("nadia@exemple.org");
  await inhabitant.getByRole("button", { name: "Je veux bien être contacté·e" }).click();
  await expect(inhabitant.getByText("Cochez la case pour dire que vous êtes d'accord.")).toBeVisible();
  await expect(inhabitant.getByText("Cochez au moins une raison.")).toBeVisible();
  await expect(inhabitant.getByLabel("Votre nom")).toHaveValue("Nadia Benyahia");
  await inhabitant.getByLabel("Rencontrer des visiteurs (élus, journalistes)").check();
  await inhabitant.getByLabel("Quand ? (si vous voulez)").fill("le mardi");
  await inhabitant.getByLabel("Les langues que vous parlez (si vous voulez)").fill("arabe, français");
  await inhabitant.getByLabel(/J.accepte que le centre de santé me contacte/).check();
  await inhabitant.getByRole("button", { name: "Je veux bien être contacté·e" }).click();
  await expect(inhabitant.getByRole("heading", { name: "Merci !" })).toBeVisible();
  await expect(inhabitant.getByRole("link", { name: "Ne plus être contacté·e" })).toBeVisible();
  await expectAccessible(inhabitant);
  // Her address is written to only once she confirms it, from the e-mail she received.
  const mailTo = async (subject: string) => {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ textBody: string }>(
      `SELECT "textBody" FROM "OutboxEmail" WHERE "toAddress" = 'nadia@exemple.org' AND subject LIKE $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [`${subject}%`],
    );
    await client.end();
    return rows[0]!.textBody;
  };
  const verify = /https?:\/\/\S+\/contact\/confirmer\/\S+/.exec(await mailTo("Confirmez votre adresse"))![0];
  await inhabitant.goto(new URL(verify).pathname);
  await inhabitant.getByRole("button", { name: "Oui, je confirme" }).click();
  await expect(inhabitant.getByText("Merci : votre adresse est confirmée.")).toBeVisible();

  // The coordinator: a minister visits; who speaks Arabic and agreed to meet visitors?
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/admin");
  await page.getByRole("link", { name: /^Personnes à contacter/ }).click();
  await expect(page).toHaveTitle("Personnes à contacter · Portail SCIC");
  await page
    .getByLabel("Pour", { exact: true })
    .selectOption({ label: "Rencontrer des visiteurs (élus, journalistes)" });
  await page.getByLabel("Langue", { exact: true }).selectOption("arabe");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText(/^2 personnes sur \d+$/)).toBeVisible();
  await expect(
    page.getByText(/^Accord du .* \(page publique\) : « J'accepte que le centre/).first(),
  ).toBeVisible();
  await expectAccessible(page);
  const sheet = await (
    await page.request.get(
      (await page.getByRole("link", { name: "Feuille d'appel (CSV)" }).getAttribute("href")) ?? "",
    )
  ).text();
  expect(sheet).toContain("Nadia Benyahia");
  expect(sheet).toContain("Yasmina Haddou;06 10 20 30 40");
  await page.getByRole("checkbox", { name: "Nadia Benyahia" }).check();
  await page.getByLabel("Objet").fill("Visite de la ministre jeudi");
  await page.getByLabel("Message").fill("Bonjour, la ministre vient jeudi à 10 h. Pouvez-vous venir ?");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("1 e-mail écrit dans la boîte d'envoi.")).toBeVisible();

  // The message carries her own link; she leaves the list with it, without an account.
  const link = /https?:\/\/\S+\/contact\/retrait\/\S+/.exec(await mailTo("Visite de la ministre"))![0];
  await inhabitant.goto(new URL(link).pathname);
  await expect(
    inhabitant.getByText("Voulez-vous ne plus être sur la liste des personnes à contacter ?"),
  ).toBeVisible();
  await inhabitant.getByRole("button", { name: "Oui, retirez-moi de la liste" }).click();
  await expect(inhabitant.getByText("C'est fait : vous n'êtes plus sur la liste.")).toBeVisible();
  await phone.close();
  await page.reload();
  await expect(page.getByText(/^1 personne sur \d+$/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Nadia Benyahia" })).toHaveCount(0);
});

test("a member agrees in their profile and withdraws there", async ({ page, demo }) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto("/profil");
  await page.getByLabel("Témoigner").check();
  await page.getByLabel("Téléphone", { exact: true }).fill("06 01 02 03 04");
  await page.getByLabel(/J.accepte que le centre de santé me contacte/).check();
  await page.getByRole("button", { name: "Enregistrer mon accord" }).click();
  await expect(page.getByText("Votre accord est enregistré.")).toBeVisible();
  await expect(page.getByText(/^Votre accord du /)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ne plus être contacté·e" }).click();
  await expect(page.getByText("Vous n'êtes pas sur la liste des personnes à contacter.")).toBeVisible();
});
