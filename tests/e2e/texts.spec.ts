import { expect, test } from "./test";
import { expectAccessible, localInput, signIn, signOut } from "./helpers";

const LETTER = "Lettre de mission de la direction";

// Issue 18: the council « construit collectivement une lettre de mission » — two members propose
// changes, the drafter takes them in, the council adopts the text by a vote, and the record has it.
test("a mission letter written together: two members' changes accepted, adopted by a council vote, in the record", async ({
  page,
  demo,
}) => {
  test.setTimeout(180_000);
  // Marc proposes a new wording of « Missions ».
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Textes" })
    .click();
  await page.getByRole("link", { name: LETTER }).click();
  await expect(page.getByRole("heading", { name: LETTER })).toBeVisible();
  await expectAccessible(page);
  const missions = page.getByRole("region", { name: "2. Missions" });
  await missions.getByText("Proposer un changement ou commenter « Missions »").click();
  const wording = missions.getByLabel("Votre rédaction ou votre commentaire", { exact: true });
  await expect(wording).toHaveValue(/Coordonner l'équipe salariée et les bénévoles\./);
  // An empty proposal is refused in words.
  await wording.fill("");
  await missions.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(missions.getByText("Écrivez la proposition ou le commentaire.")).toBeVisible();
  await missions
    .getByLabel("Votre rédaction ou votre commentaire", { exact: true })
    .fill(
      "- Coordonner l'équipe salariée et les bénévoles.\n- Tenir le projet de santé communautaire avec les habitant·es et les partenaires du quartier.\n- Préparer le budget et le rapport d'activité.",
    );
  await missions
    .getByLabel("Pourquoi (facultatif)")
    .fill("Les partenaires du quartier portent le projet avec nous.");
  await missions.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(missions.getByText("Proposition envoyée à la personne qui rédige.")).toBeVisible();
  await signOut(page);

  // Salima proposes a new wording of « Évaluation ».
  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.goto("/textes");
  await page.getByRole("link", { name: LETTER }).click();
  const evaluation = page.getByRole("region", { name: "4. Évaluation" });
  await evaluation.getByText("Proposer un changement ou commenter « Évaluation »").click();
  await evaluation
    .getByLabel("Votre rédaction ou votre commentaire", { exact: true })
    .fill("Un point d'étape avec la présidence et deux usager·es du conseil après six mois.");
  await evaluation.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(evaluation.getByText("Proposition envoyée à la personne qui rédige.")).toBeVisible();
  await signOut(page);

  // The drafter sees each proposal beside the text it changes, and accepts both.
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/textes");
  await expect(page.getByText(/3 propositions en attente/)).toBeVisible();
  await page.getByRole("link", { name: LETTER }).click();
  const marcs = page.getByRole("article", { name: /^Proposition de Marc Beaulieu/ });
  await expect(marcs.getByRole("heading", { name: "Texte actuel" })).toBeVisible();
  await expect(marcs.locator("ins")).toContainText("partenaires du quartier");
  await expectAccessible(page);
  await marcs.getByLabel("Réponse à Marc Beaulieu (facultatif)").fill("Merci, c'est plus juste.");
  await marcs.getByRole("button", { name: "Accepter" }).click();
  await expect(
    page
      .getByRole("region", { name: "2. Missions" })
      .locator(".prose-minutes")
      .getByText(/les partenaires du quartier/),
  ).toBeVisible();
  const salimas = page.getByRole("article", { name: /^Proposition de Salima Haddad/ });
  await salimas.getByRole("button", { name: "Accepter" }).click();
  await expect(
    page
      .getByRole("region", { name: "4. Évaluation" })
      .locator(".prose-minutes")
      .getByText(/deux usager·es du conseil/),
  ).toBeVisible();
  await expect(page.getByText(/version 3/).first()).toBeVisible();

  // Versions, with what each change did.
  await page.getByRole("link", { name: "Versions et différences" }).click();
  await expect(page.getByRole("heading", { name: `Versions de « ${LETTER} »` })).toBeVisible();
  await expect(page.getByText("Proposition de Salima Haddad acceptée (Évaluation)")).toBeVisible();
  await expect(page.getByText("Proposition de Marc Beaulieu acceptée (Missions)")).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "deux usager·es du conseil" })).toBeVisible();
  await expectAccessible(page);

  // Adoption by the council's vote: version 3 is frozen and put to a written consultation.
  await page.goto("/textes");
  await page.getByRole("link", { name: LETTER }).click();
  const adoption = page.getByRole("region", { name: "Adoption" });
  await adoption.getByLabel("par un vote du conseil").check();
  await adoption.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await adoption
    .getByLabel("Date limite (consultation écrite)")
    .fill(localInput(new Date(Date.now() + 3 * 86400000)));
  page.once("dialog", (dialog) => void dialog.accept());
  await adoption.getByRole("button", { name: "Figer la version 3 et l'adopter" }).click();
  await expect(page.getByRole("heading", { name: `Adoption : ${LETTER} (version 3)` })).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Vote ouvert", { exact: false }).first()).toBeVisible();
  await signOut(page);

  for (const [who, name] of [
    ["marc.beaulieu", "Marc Beaulieu"],
    ["salima.haddad", "Salima Haddad"],
  ]) {
    await signIn(page, demo.email(who!));
    await expect(page.getByRole("heading", { name: `Bonjour ${name}` })).toBeVisible();
    await page.goto("/votes");
    await page.getByRole("link", { name: `Adoption : ${LETTER} (version 3)` }).click();
    await expect(page.getByText("les partenaires du quartier").first()).toBeVisible();
    await page.getByRole("radio", { name: "Pour" }).check();
    await page.getByRole("button", { name: "Confirmer : Pour" }).click();
    await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
    await signOut(page);
  }

  await signIn(page, demo.email("president"));
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.goto("/votes");
  await page.getByRole("link", { name: `Adoption : ${LETTER} (version 3)` }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText(/^Adoptée/).first()).toBeVisible();

  // In the decision record, with its text and a way back to how it was written.
  await page.goto("/decisions");
  const entry = page.getByRole("listitem").filter({ hasText: `Adoption : ${LETTER} (version 3)` });
  await expect(entry).toContainText("les partenaires du quartier");
  await entry.getByRole("link", { name: new RegExp(`Le texte écrit ensemble : « ${LETTER} »`) }).click();
  await expect(page.getByText("Adopté", { exact: true })).toBeVisible();
  await expect(page.getByText("La version 3 a été adoptée.")).toBeVisible();
  await expect(page.getByText("Proposer un changement ou commenter")).toHaveCount(0);
  await expectAccessible(page);
});
