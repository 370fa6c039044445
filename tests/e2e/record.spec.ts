import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, test } from "./test";
import { expectAccessible, pdfText, signIn, signOut } from "./helpers";

// Issue 18's replay: the shared minutes' meeting, as a coordinator holds it, from a planned
// meeting (n° 4 of the demo) to the published PDF, with the minutes opened before attendance.

const MINUTES = "/reunions/conseil/4/compte-rendu";
const APPROVAL = "1) Approbation du compte rendu du conseil coopératif n° 3";
const REPORT = "2) Rapport d'activité";
const LETTER = "3) Construire collectivement une lettre de mission pour la direction";

async function slides(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText("Diaporama Peps et SecPa, presente par Elise", { x: 50, y: 700, size: 16, font });
  return Buffer.from(await doc.save());
}

test("the council's record as the real minutes hold it: attendance, lists, follow-ups, outside owners, slides, one next meeting", async ({
  page,
  demo,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();

  // The minutes are opened before anyone is marked present.
  await page.goto(MINUTES);
  const attendance = page.getByRole("region", { name: "Présences" });
  await expect(attendance).toContainText("Présent·es : —");

  // The guest, then the attendance sheet on the day.
  await page.goto("/reunions/conseil/4/presences");
  await page.getByLabel("Membre de la coopérative (hors instance)").selectOption({ label: "Sonia Benali" });
  await page
    .getByLabel("Rôle ou qualité")
    .fill("arrivera au plus tard au 1er juin comme directrice du centre");
  await page.getByRole("button", { name: "Ajouter l'invité·e" }).click();
  await expect(
    page.getByText("Sonia Benali (arrivera au plus tard au 1er juin comme directrice du centre)"),
  ).toBeVisible();
  const mark = async (name: string, status: "Présent·e" | "Excusé·e") => {
    const group = page.getByRole("group", { name: `Présence de ${name}` });
    await group.getByRole("button", { name: status }).click();
    await expect(group.getByRole("button", { name: status })).toHaveAttribute("aria-pressed", "true");
  };
  for (const name of [
    "Bertrand Lemoine",
    "Salima Haddad",
    "Pierre-Yves Colin",
    "Élise Hamon",
    "Clara Gautier",
  ])
    await mark(name, "Présent·e");
  for (const name of ["Awa Touré", "Maïa Traoré"]) await mark(name, "Excusé·e");

  await page.goto(MINUTES);
  await expect(attendance).toContainText("Salima Haddad (catégorie usager·es et habitant·es)");
  await expect(attendance).toContainText("Excusé·es : Awa Touré (catégorie salarié·es)");

  // Sections written as the coordinator types them: lists, numbering, bold; checked in the preview.
  const approval = page.getByRole("region", { name: APPROVAL });
  await approval
    .getByRole("textbox", { name: /^Texte de/ })
    .fill("Compte rendu n° 3 approuvé sans remarque.");
  await expect(approval.getByText("Enregistré.")).toBeVisible({ timeout: 10_000 });

  const report = page.getByRole("region", { name: REPORT });
  await report
    .getByRole("textbox", { name: /^Texte de/ })
    .fill(
      "· **Accueil d'une ministre** le 17 février : elle a demandé pourquoi passer d'association à coopérative.\n· La santé communautaire à l'honneur sur *France Culture*.\n· Boîte à idées en place dans la salle d'attente.",
    );
  await expect(report.getByText("Enregistré.")).toBeVisible({ timeout: 10_000 });
  await report.getByRole("button", { name: "Aperçu" }).click();
  const preview = report.getByRole("region", { name: /^Aperçu de/ });
  await expect(preview.locator("li")).toHaveCount(3);
  await expect(preview.locator("strong")).toHaveText("Accueil d'une ministre");
  await report.getByRole("button", { name: "Écrire" }).click();
  await report.getByText("Ajouter une chose à faire").click();
  await report.getByLabel("Chose à faire").fill("Faire un petit carnet des associations du quartier");
  await report.getByLabel("Salima Haddad").check();
  await report.getByLabel("Awa Touré").check();
  await report.getByRole("button", { name: "Ajouter la chose à faire" }).click();
  await expect(
    report.getByText("Faire un petit carnet des associations du quartier — Awa Touré, Salima Haddad"),
  ).toBeVisible();
  await report
    .getByLabel("Joindre un document à « Rapport d'activité » (PDF, diaporama, 20 Mo au plus)")
    .setInputFiles({ name: "diaporama-peps-secpa.pdf", mimeType: "application/pdf", buffer: await slides() });
  await report.getByRole("button", { name: "Joindre", exact: true }).click();
  await expect(report.getByRole("link", { name: "diaporama-peps-secpa.pdf" })).toBeVisible();

  const letter = page.getByRole("region", { name: LETTER });
  await letter
    .getByRole("textbox", { name: /^Texte de/ })
    .fill(
      "Trois pistes plus opérationnelles :\n\n1) La durée de l'expérimentation : finit-elle fin 2023 ?\n2) Aller un cran plus loin dans le plaidoyer.\n3) Construire une vision plus partagée de la coopérative.",
    );
  await expect(letter.getByText("Enregistré.")).toBeVisible({ timeout: 10_000 });
  // A decision citing the administrative commission's.
  await letter.getByText("Ajouter une décision").click();
  await letter.getByLabel("Décision", { exact: true }).fill("Lancer la rédaction de la lettre de mission");
  await letter.getByLabel("Comment elle a été prise").selectOption({ label: "par consensus" });
  const cites = letter.getByLabel("Fait suite à (facultatif)");
  const commission = await cites
    .locator("option", { hasText: "Lancement du recrutement d'une 3e médiatrice" })
    .getAttribute("value");
  await cites.selectOption(commission!);
  await letter.getByRole("button", { name: "Ajouter la décision" }).click();
  await expect(
    letter.getByRole("link", { name: /Fait suite à : Lancement du recrutement d'une 3e médiatrice/ }),
  ).toBeVisible();
  // An owner outside the cooperative, with a member.
  await letter.getByText("Ajouter une chose à faire").click();
  await letter.getByLabel("Chose à faire").fill("Faire un courrier au ministère sur la durée de SecPa");
  await letter.getByLabel("Clara Gautier").check();
  await letter
    .getByLabel("Hors de la coopérative (facultatif)")
    .fill("les premiers expérimentateurs de SecPa");
  await letter.getByRole("button", { name: "Ajouter la chose à faire" }).click();
  await expect(
    letter.getByText(
      "Faire un courrier au ministère sur la durée de SecPa — Clara Gautier, les premiers expérimentateurs de SecPa",
    ),
  ).toBeVisible();
  // A point to follow, neither a decision nor a thing to do.
  await letter.getByText("Ajouter un point à suivre").click();
  await letter.getByLabel("Point à suivre").fill("Contre-évaluation des expérimentations Peps et SecPa");
  await letter.getByRole("button", { name: "Ajouter le point à suivre" }).click();
  await expect(
    letter.getByRole("listitem").filter({ hasText: "Contre-évaluation des expérimentations" }),
  ).toBeVisible();

  // One next-meeting block: the form, then the meeting it made; no second free text.
  const next = page.getByRole("region", { name: "Prochaine réunion" });
  await expect(next.getByRole("textbox", { name: /^Texte de/ })).toHaveCount(0);
  await next.getByLabel("Date et heure").fill("2027-06-17T19:30");
  await next
    .getByLabel("Premiers points à l'ordre du jour")
    .fill("Rapport d'activité\nLettre de mission : relecture");
  await next.getByRole("button", { name: "Créer la prochaine réunion" }).click();
  await expect(next.getByText(/jeudi 17 juin 2027 à 19:30/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Partager avec le conseil" }).click();
  await expect(page.getByText("Partagé avec le conseil pour commentaires")).toBeVisible();
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

  // The published PDF holds the whole record, the next meeting said once.
  const response = await page.request.get(`${MINUTES}/pdf`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfText(await response.body())).replace(/\s+/g, " ");
  for (const expected of [
    "Réunion Conseil coopératif n° 4",
    "Sonia Benali qui arrivera au plus tard au 1er juin comme directrice du centre",
    "Bertrand Lemoine (président·e, catégorie soutiens militants)",
    "Salima Haddad (catégorie usager·es et habitant·es)",
    "Pierre-Yves Colin (catégorie partenaires du quartier)",
    "Élise Hamon (anciennement catégorie salarié·es et maintenant soutiens militants)",
    "Excusé·es : Awa Touré (catégorie salarié·es) ; Maïa Traoré (catégorie salarié·es)",
    APPROVAL,
    REPORT,
    LETTER,
    "· Accueil d'une ministre le 17 février",
    "· Boîte à idées en place dans la salle d'attente.",
    "1) La durée de l'expérimentation",
    "3) Construire une vision plus partagée de la coopérative.",
    "Documents joints : · diaporama-peps-secpa.pdf",
    "Faire un petit carnet des associations du quartier — Awa Touré, Salima Haddad",
    "Faire un courrier au ministère sur la durée de SecPa — Clara Gautier, les premiers expérimentateurs de SecPa",
    "Points à suivre : · Contre-évaluation des expérimentations Peps et SecPa",
    "Lancer la rédaction de la lettre de mission (adoptée, par consensus)",
    "Fait suite à : Lancement du recrutement d'une 3e médiatrice (Commission administrative,",
    "Prochaine réunion : jeudi 17 juin 2027 à 19h30",
    "À l’ordre du jour : Rapport d'activité + Lettre de mission : relecture.",
  ])
    expect(text).toContain(expected);
  expect(text.match(/Prochaine réunion/g)).toHaveLength(1);
  // With the attached documents: the slides follow the minutes.
  const withSlides = (
    await pdfText(await (await page.request.get(`${MINUTES}/pdf?joints=1`)).body())
  ).replace(/\s+/g, " ");
  expect(withSlides).toContain("Diaporama Peps et SecPa, presente par Elise");
  expect(withSlides).toContain("Lancer la rédaction de la lettre de mission");

  // The print view: the same lists, and the slides linked.
  await page.goto(`${MINUTES}/impression`);
  await expect(page.locator("article .prose-minutes li")).toHaveCount(6);
  await expect(page.locator("article .prose-minutes strong")).toHaveText("Accueil d'une ministre");
  await expect(page.getByRole("link", { name: "diaporama-peps-secpa.pdf" })).toHaveAttribute(
    "href",
    /^\/documents\//,
  );
  await expectAccessible(page);

  // The point to follow is waiting on « Choses à faire » and proposed for the next agenda.
  await page.goto("/actions");
  await expect(
    page
      .getByRole("region", { name: "Points à suivre" })
      .getByText("Contre-évaluation des expérimentations Peps et SecPa", { exact: true }),
  ).toBeVisible();
  await page.goto("/reunions/conseil/5/preparer");
  await expect(
    page.getByText("- Contre-évaluation des expérimentations Peps et SecPa (réunion n° 4)"),
  ).toBeVisible();
  await signOut(page);

  // A member finds the commission's decision by a word of it, and lands on it.
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.goto("/recherche?q=m%C3%A9diatrice");
  const hit = page.getByRole("link", { name: "Lancement du recrutement d'une 3e médiatrice" });
  // The decision's lasting address, which lands on the page of the record that lists it.
  await expect(hit).toHaveAttribute("href", /^\/decisions\/[^/?#]+$/);
  await hit.click();
  await expect(page).toHaveURL(/\/decisions(\?page=\d+)?#decision-/);
  const landed = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
  await expect(landed).toContainText("Lancement du recrutement d'une 3e médiatrice");
  await expect(landed).toBeInViewport();
});
