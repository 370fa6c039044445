import fs from "node:fs";
import { expect, test } from "./test";
import pg from "pg";
import { e2eDatabaseUrl, expectAccessible, signIn, signOut } from "./helpers";

test("the coordinator sends the invitation; a council member answers; the coordinator sees the answer", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/reunions/conseil/4/preparer");
  await page.getByLabel("Joindre un document à « Rapport d'activité »").setInputFiles({
    name: "rapport-activite.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4 rapport"),
  });
  await page.getByRole("button", { name: "Joindre", exact: true }).nth(1).click();
  await expect(page.getByRole("link", { name: "rapport-activite.pdf" })).toBeVisible();
  await page
    .getByLabel("Joindre un document à « Rapport d'activité »")
    .setInputFiles({ name: "script.html", mimeType: "text/html", buffer: Buffer.from("<script>") });
  await page.getByRole("button", { name: "Joindre", exact: true }).nth(1).click();
  await expect(page.getByText("Ce type de fichier n'est pas accepté")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer la convocation" }).click();
  await expect(page.getByText(/Convocation envoyée à 1[23] membres\./)).toBeVisible();
  await expect(page.getByText("Statut : convoquée")).toBeVisible();

  await page.goto(`/admin/courriels?q=${encodeURIComponent(demo.email("salima.haddad"))}&type=meeting`);
  const mail = page
    .getByRole("listitem")
    .filter({ hasText: "Convocation – Conseil coopératif n° 4" })
    .filter({ hasText: demo.email("salima.haddad") });
  await mail.locator("summary").click();
  await expect(mail.locator("pre").first()).toContainText("Ordre du jour :");
  // The invitation's .ics is there, readable.
  await expect(mail.getByText("Pièce jointe : reunion-conseil-4.ics")).toBeVisible();
  await expect(mail.locator("pre").nth(1)).toContainText("BEGIN:VCALENDAR");
  await expect(mail.locator("pre").first()).toContainText(
    "1. Approbation du compte rendu du conseil coopératif n° 3",
  );
  await signOut(page);

  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.getByRole("link", { name: "Conseil coopératif n° 4" }).click();
  await expect(page.getByRole("heading", { name: "Serez-vous là ?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Je serai excusé·e").check();
  await page.getByLabel("Un mot (facultatif)").fill("en formation ce jour-là");
  await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByText("Merci, votre réponse est enregistrée.")).toBeVisible();
  // Held while her page was open: the refusal says why, in her words (the meeting's page sends
  // the browser only the invitation's texts).
  const setStatus = async (status: string) => {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      await client.query(
        `UPDATE "Meeting" SET status = $2::"MeetingStatus" WHERE number = 4 AND "bodyId" IN (
           SELECT b.id FROM "Body" b JOIN "Membership" ms ON ms."cooperativeId" = b."cooperativeId"
             JOIN "Person" p ON p.id = ms."personId" WHERE p.email = $1 AND b.slug = 'conseil')`,
        [demo.email("salima.haddad"), status],
      );
    } finally {
      await client.end();
    }
  };
  await setStatus("HELD");
  await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByText("La réunion a déjà eu lieu ou a été annulée")).toBeVisible();
  await setStatus("INVITED");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Document : rapport-activite.pdf" }).click(),
  ]);
  expect(fs.readFileSync(await pdf.path(), "utf8")).toBe("%PDF-1.4 rapport");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).click(),
  ]);
  const ics = fs.readFileSync(await download.path(), "utf8").replace(/\r\n[ \t]/g, "");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain("SUMMARY:Conseil coopératif n° 4");
  expect(ics).toContain("1. Approbation du compte rendu du conseil coopératif n° 3");

  await page.getByRole("link", { name: "Mon profil" }).click();
  const feedUrl = await page.getByLabel("Adresse de mon calendrier").inputValue();
  const feed = await (await page.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, ""))).text();
  expect(feed).toContain("SUMMARY:Conseil coopératif n° 4");
  await signOut(page);

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/reunions/conseil/4/preparer");
  await expect(page.getByText("Salima Haddad : excusé·e (« en formation ce jour-là »)")).toBeVisible();
  await page.goto("/reunions/conseil/4/presences");
  await expect(page.getByRole("listitem", { name: "Salima Haddad" })).toContainText(
    "a répondu : excusé·e : « en formation ce jour-là »",
  );
});
