import { expect, test } from "./test";
import { expectAccessible, localInput, signIn, signOut } from "./helpers";

// The general assemblies' journeys (votes.spec.ts holds the council's and the written
// consultations'): a file of their own, so that the two workers share the longest files more
// evenly (they take the files in alphabetical order, and votes.spec.ts came last).

// Online and paper ballots of an extraordinary assembly, merged and weighted by college: the
// resolution has a majority (more than 50 %) but not the two thirds an AGE needs.
test("an AGE resolution with paper and online votes fails on the 2/3 threshold while passing 50 %", async ({
  page,
  demo,
}) => {
  const title = "Modifier les statuts : transfert du siège";
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  // The assembly is held under statutes without a first-call quorum, so that the count itself is
  // what is tested here.
  await page.goto("/admin/colleges");
  await page.locator("#ageQuorumFirst").fill("0");
  await page.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(page.getByText("Règles des statuts enregistrées.")).toBeVisible();

  await page.goto("/reunions/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Assemblée générale" });
  await page.getByLabel("Date et heure").fill(localInput(new Date(Date.now() + 10 * 86400000)));
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("heading", { name: /^Préparer : Assemblée générale n° / })).toBeVisible();

  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Assemblée générale" });
  const meeting = page.getByLabel("Réunion", { exact: true });
  await meeting.selectOption(
    (await meeting.locator("option", { hasText: "Assemblée générale n° " }).first().getAttribute("value"))!,
  );
  await page.getByLabel("Type d'assemblée").selectOption({ label: "AGE" });
  await page.getByLabel("Question soumise au vote").fill(title);
  await page.getByRole("button", { name: "Créer la question" }).click();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Votre choix")).toBeVisible();
  await signOut(page);

  for (const [email, choice] of [
    ["salima.haddad", "Pour"],
    ["awa.toure", "Pour"],
    ["marc.beaulieu", "Contre"],
  ] as const) {
    await signIn(page, demo.email(email));
    await expect(page.getByRole("heading", { name: /^Bonjour / })).toBeVisible();
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("radio", { name: choice }).check();
    await page.getByRole("button", { name: `Confirmer : ${choice}` }).click();
    await expect(page.getByText(`Votre vote est enregistré : ${choice}.`)).toBeVisible();
    await signOut(page);
  }

  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes");
  await page.getByRole("link", { name: title }).click();
  await page.getByText("Saisir les votes papier").click();
  // Salima voted online: she cannot be ticked, she is no longer in the list.
  await expect(page.getByRole("checkbox", { name: /Salima Haddad/ })).toHaveCount(0);
  for (const name of ["Paul Martin", "Pierre-Yves Colin", "Louise Perrin"])
    await page.getByRole("checkbox", { name: new RegExp(`^${name}`) }).check();
  // Beside each college, how many voters are ticked in it: what its ballots must add up to.
  await expect(
    page.getByRole("group", { name: "Bulletins papier du collège partenaires du quartier" }),
  ).toContainText("(1 votant·e coché·e)");
  await page
    .getByRole("group", { name: "Bulletins papier du collège usager·es et habitant·es" })
    .getByLabel("Contre")
    .fill("1");
  await page
    .getByRole("group", { name: "Bulletins papier du collège partenaires du quartier" })
    .getByLabel("Pour")
    .fill("2");
  await page
    .getByRole("group", { name: "Bulletins papier du collège soutiens militants" })
    .getByLabel("Abstentions")
    .fill("1");
  await page.getByRole("button", { name: "Enregistrer les votes papier" }).click();
  await expect(
    page.getByText("partenaires du quartier : 2 bulletin(s) saisi(s) pour 1 votant·e(s) sur papier"),
  ).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Paul Martin/ })).toBeChecked();
  await page
    .getByRole("group", { name: "Bulletins papier du collège partenaires du quartier" })
    .getByLabel("Pour")
    .fill("1");
  await page.getByRole("button", { name: "Enregistrer les votes papier" }).click();
  await expect(page.getByText("Votes papier enregistrés.")).toBeVisible();
  // Until the close the entry can be corrected: it comes back as it was saved.
  await page.reload();
  await page.getByText("Corriger les votes papier").click();
  await expect(page.getByRole("checkbox", { name: /^Paul Martin/ })).toBeChecked();
  await expect(
    page
      .getByRole("group", { name: "Bulletins papier du collège partenaires du quartier" })
      .getByLabel("Pour"),
  ).toHaveValue("1");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  // usager·es 50 %, salarié·es 100 %, partenaires 100 %, soutiens 0 % → between 60 % and 62.5 %
  // as the colleges are weighted: more than half, less than two thirds.
  await expect(
    page.getByText(/^Rejetée : (60|62,5)\s% des voix exprimées pondérées pour, seuil 66,7\s% non atteint$/),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Résultat par collège" })).toBeVisible();
  await expect(page.getByText(/6 votant·es sur/)).toBeVisible();
  await expectAccessible(page);
});

test("an extraordinary assembly chosen on the meeting; a proxy given from its page, then taken back", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/reunions/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Assemblée générale" });
  await page
    .getByLabel("Type d'assemblée")
    .selectOption({ label: "Assemblée générale extraordinaire (AGE)" });
  await page.getByLabel("Date et heure").fill(localInput(new Date(Date.now() + 21 * 86400000)));
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("heading", { name: /^Préparer : Assemblée générale n° \d+$/ })).toBeVisible();
  const meetingUrl = page.url().replace(/\/preparer.*$/, "");
  await page.goto(meetingUrl);
  await expect(page.getByText("Assemblée générale extraordinaire (AGE)")).toBeVisible();
  await signOut(page);

  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto(meetingUrl);
  const card = page.getByRole("region", { name: "Pouvoir pour cette assemblée" });
  await expect(card).toContainText("Vous n'avez pas donné votre pouvoir.");
  await card.getByLabel("À qui").selectOption({ label: "Inès Morel" });
  await card.getByRole("button", { name: "Donner mon pouvoir" }).click();
  await expect(card.getByText("Votre pouvoir est confié à Inès Morel.")).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("button", { name: "Retirer mon pouvoir" }).click();
  await expect(card.getByText("Vous n'avez pas donné votre pouvoir.")).toBeVisible();
});
