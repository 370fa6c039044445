import { expect, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, signIn, signOut } from "./helpers";

function localInput(date: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const CONSULTATION = "Prendre en charge les frais de deux usager·es aux rencontres nationales";

test("a written consultation, from creation to the result in the decision record", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Écrivez la question soumise au vote.")).toBeVisible();
  await expect(page.getByText("Une consultation écrite a besoin d'une date limite.").or(page.getByText("Écrivez la question soumise au vote."))).toBeVisible();
  await page.getByLabel("Question soumise au vote").fill(CONSULTATION);
  await page.getByLabel("Texte et explications (Markdown)").fill("Les rencontres ont lieu du 27 au 30 septembre.");
  await page.getByLabel("Date limite", { exact: true }).fill(localInput(new Date(Date.now() + 3 * 86400000)));
  await page.getByRole("button", { name: "Créer la question" }).click();
  await expect(page.getByText("Question créée.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Vote ouvert", { exact: false }).first()).toBeVisible();
  await signOut(page);

  // A council member votes in two taps on a phone.
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "marc.beaulieu@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  await page.getByText("Pour", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // Someone outside the council is told why they cannot vote.
  await signIn(page, "ines.morel@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Inès Morel" })).toBeVisible();
  await page.goto("/votes");
  await expect(page.getByRole("link", { name: CONSULTATION })).toHaveCount(0);
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "salima.haddad@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  await page.getByText("Contre", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : Contre" }).click();
  await expect(page.getByText("Votre vote est enregistré : Contre.")).toBeVisible();
  await signOut(page);

  await signIn(page, "julien.etchepare@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Julien Etchepare" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  await page.getByText("Pour", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  await signOut(page);

  // The chair closes it; the result, in words and as a chart, goes to the decision record.
  await signIn(page, "president@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.getByRole("link", { name: CONSULTATION }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Adoptée : 66,7 % pour, seuil 50 %")).toBeVisible();
  await expect(page.getByRole("img", { name: /Part des voix exprimées pour : 66,7 %, seuil 50 %/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/decisions");
  await expect(page.getByText(CONSULTATION)).toBeVisible();
});

test("an in-meeting ballot: open to those present at that moment, closed by the chair", async ({ page }) => {
  const title = "Acheter un défibrillateur pour la salle d'attente";
  await signIn(page, COORDINATOR);
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/votes/nouvelle");
  await page.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await page.getByLabel("Manière de voter").selectOption({ label: "vote en réunion" });
  const meeting = page.getByLabel("Réunion", { exact: true });
  await meeting.selectOption((await meeting.locator("option", { hasText: "Conseil coopératif n° 3 " }).getAttribute("value"))!);
  await page.getByLabel("Question soumise au vote").fill(title);
  await page.getByRole("button", { name: "Créer la question" }).click();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByText("Votre choix")).toBeVisible(); // the coordinator was present
  await signOut(page);

  // Excused at n° 3: told why, in words.
  await signIn(page, "awa.toure@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Awa Touré" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Ce vote est réservé aux membres présent·es dans la réunion en ce moment.")).toBeVisible();
  await signOut(page);

  await signIn(page, "marc.beaulieu@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await page.getByText("Contre", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : Contre" }).click();
  await expect(page.getByText("Votre vote est enregistré : Contre.")).toBeVisible();
  await signOut(page);

  await signIn(page, "president@demo.portail-scic.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Bertrand Lemoine" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await page.getByText("Pour", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(page.getByText("Votre vote est enregistré : Pour.")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByText("Rejetée : 50 % pour, seuil 50 % non atteint")).toBeVisible();
});
