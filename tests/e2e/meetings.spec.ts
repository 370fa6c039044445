import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

test("on a phone, the coordinator prepares meeting n° 4 and takes attendance as quorum changes", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.getByRole("link", { name: "Préparer la réunion n° 4" }).click();
  await expect(page.getByRole("heading", { name: "Préparer : Conseil coopératif n° 4" })).toBeVisible();
  await expectAccessible(page);

  await expect(page.getByText("À reprendre de la réunion précédente et de la boîte à idées")).toBeVisible();
  await expect(
    page.getByText("- Courrier au ministère sur la durée de l'expérimentation SecPa (Élise Hamon)", {
      exact: false,
    }),
  ).toBeVisible();
  await page
    .getByRole("button", { name: "Ajouter à l'ordre du jour : Suivi des choses à faire du n° 3" })
    .click();
  await expect(page.getByText("5. Suivi des choses à faire du n° 3")).toBeVisible();

  await page.locator("#new-item-title").fill("Lettre de mission de la direction");
  await page.locator("#new-item-kind").selectOption({ label: "Décision" });
  await page.locator("#new-item-durationMinutes").fill("30");
  await page.getByRole("button", { name: "Ajouter le point" }).click();
  const agenda = page.getByRole("region", { name: "Ordre du jour" });
  await expect(agenda.getByText("6. Lettre de mission de la direction")).toBeVisible();
  await expect(page.locator("#new-item-title")).toHaveValue("");
  await page.getByRole("button", { name: "Monter « Lettre de mission de la direction »" }).click();
  await expect(agenda.getByText("5. Lettre de mission de la direction")).toBeVisible();

  await page.getByRole("link", { name: "Relever les présences" }).click();
  await expect(page.getByRole("heading", { name: "Présences : Conseil coopératif n° 4" })).toBeVisible();
  const quorum = page.getByRole("status").filter({ hasText: "Quorum" });
  // Other journeys may seat one more member: read the council's size and threshold first.
  await expect(quorum).toHaveText(/^Quorum non atteint : 0 membre sur \d+, seuil \d+$/);
  const [, total, threshold] = /sur (\d+), seuil (\d+)/
    .exec((await quorum.textContent()) ?? "")!
    .map(Number) as [number, number, number];
  expect(threshold).toBe(Math.ceil(total / 2));
  await expectAccessible(page);

  const mark = async (name: string, status: "Présent·e" | "Excusé·e") => {
    await page
      .getByRole("group", { name: `Présence de ${name}` })
      .getByRole("button", { name: status })
      .click();
    await expect(
      page.getByRole("group", { name: `Présence de ${name}` }).getByRole("button", { name: status }),
    ).toHaveAttribute("aria-pressed", "true");
  };
  const council = [
    "Bertrand Lemoine",
    "Salima Haddad",
    "Pierre-Yves Colin",
    "Clara Gautier",
    "Julien Etchepare",
    "Mathis Carpentier",
    "Élise Hamon",
    "Marc Beaulieu",
  ];
  for (const name of council.slice(0, threshold - 1)) await mark(name, "Présent·e");
  await expect(quorum).toHaveText(
    `Quorum non atteint : ${threshold - 1} membres sur ${total}, seuil ${threshold}`,
  );
  const last = council[threshold - 1]!;
  await mark(last, "Présent·e");
  await expect(quorum).toHaveText(`Quorum atteint : ${threshold} membres sur ${total}, seuil ${threshold}`);
  await mark("Awa Touré", "Excusé·e");
  await expect(quorum).toHaveText(`Quorum atteint : ${threshold} membres sur ${total}, seuil ${threshold}`);

  await page.getByRole("button", { name: `${last} part` }).click();
  await expect(quorum).toHaveText(
    `Quorum non atteint : ${threshold - 1} membres sur ${total}, seuil ${threshold}`,
  );
  await page.getByRole("button", { name: `${last} est revenu·e` }).click();
  await expect(quorum).toHaveText(`Quorum atteint : ${threshold} membres sur ${total}, seuil ${threshold}`);

  await page.getByText("Corriger les heures de Bertrand Lemoine").click();
  await page.getByRole("listitem", { name: "Bertrand Lemoine" }).getByLabel("Arrivée").fill("19:45");
  await page.getByRole("button", { name: "Enregistrer les heures Bertrand Lemoine" }).click();
  await expect(page.getByRole("listitem", { name: "Bertrand Lemoine" })).toContainText("arrivé·e à 19:45");

  await page.getByLabel("Membre de la coopérative (hors instance)").selectOption({ label: "Sonia Benali" });
  await page.getByLabel("Rôle ou qualité").fill("future directrice");
  await page.getByRole("button", { name: "Ajouter l'invité·e" }).click();
  await expect(page.getByText("Sonia Benali (future directrice)")).toBeVisible();
  await expect(quorum).toHaveText(`Quorum atteint : ${threshold} membres sur ${total}, seuil ${threshold}`);

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("the coordinator creates the next council meeting, numbered after the last", async ({ page, demo }) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.getByRole("link", { name: "Nouvelle réunion" }).click();
  await page.getByLabel("Date et heure").fill("2027-01-21T19:30");
  await page.getByLabel("Lieu", { exact: true }).fill("Centre de santé, salle de réunion");
  await page.getByLabel("Lien de visioconférence (facultatif)").fill("pas une adresse");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByText("Saisissez une adresse web complète (https://…).")).toBeVisible();
  await expect(page.getByLabel("Lieu", { exact: true })).toHaveValue("Centre de santé, salle de réunion");
  await page.getByLabel("Lien de visioconférence (facultatif)").fill("");
  await page.getByRole("button", { name: "Créer la réunion" }).click();
  await expect(page.getByRole("heading", { name: "Préparer : Conseil coopératif n° 5" })).toBeVisible();
  await expect(page.getByText("Réunion n° 5 créée. Ajoutez l'ordre du jour.")).toBeVisible();
  await expect(page.getByLabel("Date et heure")).toHaveValue("2027-01-21T19:30");
});

test("a council member cannot take attendance", async ({ page, demo }) => {
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Préparer la réunion/ })).toHaveCount(0);
  expect((await page.goto("/reunions/conseil/4/presences"))?.status()).toBe(403);
  expect((await page.goto("/reunions/conseil/4/preparer"))?.status()).toBe(403);
});

test("a guest opens the meeting she is invited to, and nothing else", async ({ page, demo }) => {
  // Sonia Benali, the incoming director, is a guest of the council's meeting n° 3.
  await signIn(page, demo.email("sonia.benali"));
  await expect(page.getByRole("heading", { name: "Bonjour Sonia Benali" })).toBeVisible();
  const response = await page.goto("/reunions/conseil/3");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /Conseil coopératif n° 3/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ordre du jour" })).toContainText("Points divers");
  await expectAccessible(page);
  // Its minutes are not published in this copy: nothing to open yet.
  await expect(page.getByRole("link", { name: "Compte rendu" })).toHaveCount(0);
  expect((await page.goto("/reunions/conseil/3/compte-rendu"))?.status()).toBe(404);
  // Another meeting, the decisions, the votes: refused.
  expect((await page.goto("/reunions/conseil/1"))?.status()).toBe(403);
  expect((await page.goto("/decisions"))?.status()).toBe(403);
});
