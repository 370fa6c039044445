import fs from "node:fs";
import { expect, test, type Demo } from "./test";
import type { Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, expectAccessible, localInput, signIn, signOut } from "./helpers";

// The coordinator creates a written consultation of the council, due in three days, and opens it.
async function openCouncilConsultation(
  page: Page,
  demo: Demo,
  { title, secret }: { title: string; secret: boolean },
) {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await page.getByLabel("Question soumise au vote").fill(title);
  await page.getByLabel("Date limite", { exact: true }).fill(localInput(new Date(Date.now() + 3 * 86400000)));
  if (secret) await page.getByLabel(/Bulletin secret/).check();
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Question créée.")).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Vote ouvert", { exact: false }).first()).toBeVisible();
}

const CONSULTATION = "Prendre en charge les frais de deux usager·es aux rencontres nationales";

test("a written consultation, from creation to the result in the decision record", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Écrivez la question soumise au vote.")).toBeVisible();
  // A consultation without a deadline is refused in words, and the question typed stays.
  await page.getByLabel("Question soumise au vote").fill(CONSULTATION);
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Une consultation écrite a besoin d'une date limite.")).toBeVisible();
  await expect(page.getByLabel("Question soumise au vote")).toHaveValue(CONSULTATION);
  await page
    .getByLabel("Texte et explications (Markdown)")
    .fill("Les rencontres ont lieu du 27 au 30 septembre.");
  await page.getByLabel("Date limite", { exact: true }).fill(localInput(new Date(Date.now() + 3 * 86400000)));
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Question créée.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Vote ouvert", { exact: false }).first()).toBeVisible();
  await signOut(page);

  // A council member votes in two taps on a phone.
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  await page.getByRole("radio", { name: "Pour" }).check();
  await page.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // Someone outside the council is told why they cannot vote.
  await signIn(page, demo.email("ines.morel"));
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel" })).toBeVisible();
  await page.goto("/votes");
  await expect(page.getByRole("link", { name: CONSULTATION })).toHaveCount(0);
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  await page.getByRole("radio", { name: "Contre" }).check();
  await page.getByRole("button", { name: "Confirmer : Contre" }).click();
  await expect(page.getByText("Votre vote est enregistré : Contre.")).toBeVisible();
  await signOut(page);

  // (Other journeys change Julien's password and lock Pierre-Yves out for 15 minutes.)
  // Awa votes from a browser without JavaScript: the form posts to the ballot box itself.
  await signIn(page, demo.email("awa.toure"));
  await expect(page.getByRole("heading", { name: "Bonjour Awa Touré" })).toBeVisible();
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    locale: "fr-FR",
  });
  const plain = await noScript.newPage();
  await plain.goto("/votes");
  await plain.getByRole("link", { name: CONSULTATION }).click();
  await plain.getByRole("button", { name: "Voter" }).click();
  await expect(plain.getByText("Choisissez Pour, Contre ou Abstention.")).toBeVisible();
  await plain.getByRole("radio", { name: "Pour" }).check();
  await plain.getByRole("button", { name: "Voter" }).click();
  await expect(plain.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await noScript.close();
  await signOut(page);

  // The chair closes it; the result, in words and as a chart, goes to the decision record.
  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Adoptée : 66,7 % pour, seuil 50 %")).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Part des voix exprimées pour : 66,7\s%, seuil 50\s%/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.goto("/decisions");
  await expect(page.getByText(CONSULTATION)).toBeVisible();
});

test("an in-meeting ballot: open to those present at that moment, closed by the chair", async ({
  page,
  demo,
}) => {
  const title = "Acheter un défibrillateur pour la salle d'attente";
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "vote en réunion" });
  const meeting = page.getByLabel("Réunion", { exact: true });
  await meeting.selectOption(
    (await meeting.locator("option", { hasText: "Conseil coopératif n° 3 " }).getAttribute("value"))!,
  );
  await page.getByLabel("Question soumise au vote").fill(title);
  await page.getByRole("button", { name: "Créer la question" }).click();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Votre choix")).toBeVisible(); // the coordinator was present
  await signOut(page);

  // Excused at n° 3: told why, in words.
  await signIn(page, demo.email("awa.toure"));
  await expect(page.getByRole("heading", { name: "Bonjour Awa Touré" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(
    page.getByText("Ce vote est réservé aux membres présent·es dans la réunion en ce moment."),
  ).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("radio", { name: "Contre" }).check();
  await page.getByRole("button", { name: "Confirmer : Contre" }).click();
  await expect(page.getByText("Votre vote est enregistré : Contre.")).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("radio", { name: "Pour" }).check();
  await page.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Rejetée : 50 % pour, seuil 50 % non atteint")).toBeVisible();
});

// A coordinator need not sit on the council (the demo's does): they still close a vote, through
// the button the page shows them. They used to see it and get a 403.
test("a coordinator who is not on the council closes a council vote", async ({ page, demo }) => {
  const title = "Changer les horaires d'ouverture du samedi";
  const email = demo.email("coordination.hors-conseil");
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Person" (id, email, name, "passwordHash", "updatedAt")
       SELECT $1, $2, 'Nadia Ferrand', "passwordHash", now() FROM "Person" WHERE email = $3`,
      [`${demo.cooperativeId}-nadia`, email, demo.email("coordination")],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "cooperativeId", "personId", "isCoordinator", "calendarSeed")
       VALUES ($1, $2, $1, true, $1)`,
      [`${demo.cooperativeId}-nadia`, demo.cooperativeId],
    );
  } finally {
    await client.end();
  }
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Bonjour Nadia Ferrand" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await page.getByLabel("Question soumise au vote").fill(title);
  await page.getByLabel("Date limite", { exact: true }).fill(localInput(new Date(Date.now() + 3 * 86400000)));
  await page.getByRole("button", { name: "Créer la question" }).click();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  // Not on the council: no ballot of their own, but the chair's step is theirs.
  await expect(page.getByText("Votre choix")).toHaveCount(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Rejetée", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a secret council vote: hidden while open, even from the coordinator; recorded, closed, in the decision record", async ({
  page,
  demo,
}) => {
  const title = "Élection de la présidence du conseil (à bulletin secret)";
  await openCouncilConsultation(page, demo, { title, secret: true });
  const questionUrl = page.url().replace(/\?.*$/, "");
  await signOut(page);

  for (const [who, name, choice] of [
    ["marc.beaulieu", "Marc Beaulieu", "Pour"],
    ["salima.haddad", "Salima Haddad", "Contre"],
    ["awa.toure", "Awa Touré", "Pour"],
  ] as const) {
    await signIn(page, demo.email(who));
    await expect(page.getByRole("heading", { name: `Bonjour ${name}` })).toBeVisible();
    await page.goto(questionUrl);
    await page.getByRole("radio", { name: choice }).check();
    await page.getByRole("button", { name: `Confirmer : ${choice}` }).click();
    await expect(
      page.getByText("Votre participation est enregistrée. Votre choix reste secret."),
    ).toBeVisible();
    // Nothing about the choice travels: no code, nothing in the address or the browser's storage.
    expect(page.url()).toBe(questionUrl);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.startsWith("nextauth."))),
    ).toEqual([]);
    await page.reload();
    await expect(
      page.getByText("Votre participation est enregistrée. Votre choix reste secret."),
    ).toBeVisible();
    await expect(page.getByText("Le résultat sera visible à la clôture du vote.")).toBeVisible();
    await signOut(page);
  }

  // The coordinator sees how many voted, never a count of choices.
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto(questionUrl);
  const results = page.getByRole("region", { name: "Résultat" });
  await expect(results).toContainText("Le résultat sera visible à la clôture du vote.");
  await expect(results).toContainText(/3 votant·es pour l'instant sur \d+/);
  await expect(results).not.toContainText(/Pour \d|Contre \d|%/);
  await expectAccessible(page);
  await signOut(page);

  // The chair closes it: the count, then the decision record with its figures and a link back.
  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.goto(questionUrl);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Adoptée : 66,7 % pour, seuil 50 %")).toBeVisible();
  await expect(
    page.getByText(/Compté selon les statuts en vigueur à l'ouverture du vote \(version \d+\)/),
  ).toBeVisible();
  await page.getByRole("link", { name: "Voir la décision au relevé" }).click();
  const entry = page.getByRole("listitem").filter({ hasText: title });
  await expect(entry).toContainText("Adoptée : 66,7 % pour, seuil 50 %.");
  await expect(entry).toContainText("Pour 2, contre 1, abstentions 0 ; 3 votant·es sur");
  await entry.getByRole("link", { name: "Voir le vote" }).click();
  await expect(page).toHaveURL(questionUrl);
  await signOut(page);

  // Each voter sees that their vote was recorded, and still not whose choice was what.
  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.goto(questionUrl);
  await expect(
    page.getByText("Votre participation est enregistrée. Votre choix reste secret."),
  ).toBeVisible();
  await expect(page.getByText("Adoptée : 66,7 % pour, seuil 50 %")).toBeVisible();
});

test("an election held in Belenios: the electoral list, then its result typed back and recorded", async ({
  page,
  demo,
}) => {
  const title = "Élection des représentant·es au Réseau (Belenios)";
  await openCouncilConsultation(page, demo, { title, secret: false });

  await page.getByText("Élection vérifiable (Belenios)").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Liste électorale \(\d+ votant·es\)$/ }).click();
  const list = fs
    .readFileSync((await (await downloading).path())!, "utf8")
    .trim()
    .split("\n");
  expect(list.length).toBeGreaterThan(3);
  for (const line of list) expect(line).toMatch(/^[^,\s]+@[^,\s]+,m\d{4},1$/);

  await page.getByLabel("Adresse de l'élection Belenios").fill("vote.belenios.org/elections/abc");
  await page.getByLabel("Empreinte de l'élection").fill("2uJm3Jq0c5i2Q6bQe4k1Yx8vZlTq0nS0cV7h8w9xYz0");
  const belenios = page.locator("details").filter({ hasText: "Élection vérifiable (Belenios)" });
  await belenios.getByLabel("Pour").fill("4");
  await belenios.getByLabel("Contre").fill("1");
  await page.getByRole("button", { name: "Enregistrer le résultat Belenios et clore le vote" }).click();
  await expect(
    page.getByText("Collez l'adresse de l'élection Belenios (elle commence par https://)."),
  ).toBeVisible();
  await expect(page.getByLabel("Empreinte de l'élection")).toHaveValue(
    "2uJm3Jq0c5i2Q6bQe4k1Yx8vZlTq0nS0cV7h8w9xYz0",
  );
  await page
    .getByLabel("Adresse de l'élection Belenios")
    .fill("https://vote.belenios.org/elections/Xy12Ab34Cd56Ef/");
  await page.getByRole("button", { name: "Enregistrer le résultat Belenios et clore le vote" }).click();
  await expect(page.getByText("Adoptée : 80 % pour, seuil 50 %")).toBeVisible();
  await expect(
    page.getByText(
      "Scrutin tenu sur Belenios : https://vote.belenios.org/elections/Xy12Ab34Cd56Ef/ (empreinte 2uJm3Jq0c5i2Q6bQe4k1Yx8vZlTq0nS0cV7h8w9xYz0).",
    ),
  ).toBeVisible();
  await expectAccessible(page);
});
