import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { expectAccessible, pdfText, signIn } from "./helpers";

// Issue 19: the portal on a 320 px phone, with the keyboard only.

const PHONE = { width: 320, height: 740 };

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

// Tabs forward until the focused element matches, as a keyboard user would (at most `max` presses).
async function tabTo(page: Page, matches: (el: { text: string; role: string | null }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        text: (el?.innerText || el?.getAttribute("aria-label") || "").trim(),
        role: el?.tagName ?? null,
      };
    });
    if (matches(focused)) return;
  }
  throw new Error("not reached with the keyboard");
}

// WCAG relative luminance and contrast ratio of two CSS colours (rgb()/rgba()).
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test("at 320 px, every navigation entry is there, reached with the keyboard, titled, and marked current", async ({
  page,
  demo,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await expect(page).toHaveTitle("Accueil · Portail SCIC");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  const entries: [string, string][] = [
    ["Réunions", "Réunions · Portail SCIC"],
    ["Décisions", "Relevé de décisions · Portail SCIC"],
    ["Choses à faire", "Choses à faire · Portail SCIC"],
    ["Votes", "Votes · Portail SCIC"],
    ["Textes", "Textes écrits ensemble · Portail SCIC"],
    ["Boîte à idées", "Boîte à idées · Portail SCIC"],
    ["Événements", "Événements · Portail SCIC"],
    ["Carnet", "Carnet des partenaires · Portail SCIC"],
    ["Annuaire", "Annuaire · Portail SCIC"],
    ["Rechercher", "Rechercher · Portail SCIC"],
    ["Administration", "Administration · Portail SCIC"],
  ];
  for (const [name] of entries) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeInViewport();
    const box = (await link.boundingBox())!;
    expect(box.height, name).toBeGreaterThanOrEqual(44);
    expect(box.width, name).toBeGreaterThanOrEqual(44);
  }
  await noSidewaysScroll(page);
  for (const [name, title] of entries) {
    await page.keyboard.press("Home");
    await page.locator("body").focus();
    await tabTo(page, (el) => el.role === "A" && el.text === name);
    await page.keyboard.press("Enter");
    await expect(page).toHaveTitle(title);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
    await noSidewaysScroll(page);
  }
  await expectAccessible(page);
  // Everything on the page is inside a landmark (axe's « region », a moderate rule the check above
  // lets pass): the demo's notice is with the header, in the banner, not between it and the main.
  await expect(page.getByRole("banner").getByRole("note")).toContainText("Démonstration");
  const regions = await new AxeBuilder({ page }).setLegacyMode(true).withRules(["region"]).analyze();
  expect(regions.violations.flatMap((v) => v.nodes.map((n) => n.html))).toEqual([]);
});

test("no page scrolls sideways at 320 px, nor at 200 % zoom (a 1280 px screen seen as 640 px)", async ({
  browser,
  demo,
}) => {
  test.setTimeout(180_000);
  const pages = [
    "/",
    "/reunions",
    "/reunions/nouvelle",
    "/reunions/conseil/4",
    "/reunions/conseil/4/preparer",
    "/reunions/conseil/4/presences",
    "/reunions/conseil/4/idees",
    "/reunions/conseil/3/compte-rendu",
    "/reunions/conseil/3/compte-rendu/impression",
    "/decisions",
    "/decisions?filtrer=1",
    "/actions",
    "/votes",
    "/votes/nouvelle",
    "/textes",
    "/idees",
    "/idees/proposer",
    "/idees/gestion",
    "/idees/affiche",
    "/idees/traductions",
    "/carnet",
    "/carnet/nouveau",
    "/carnet/gestion",
    "/evenements",
    "/evenements/nouveau",
    "/annuaire",
    "/recherche?q=conseil",
    "/profil",
    "/admin",
    "/admin/membres",
    "/admin/membres/nouveau",
    "/admin/membres/import",
    "/admin/instances",
    "/admin/colleges",
    "/admin/journal",
    "/admin/courriels",
    "/admin/lettre",
  ];
  for (const viewport of [
    { width: 320, height: 740, deviceScaleFactor: 1 },
    { width: 640, height: 400, deviceScaleFactor: 2 },
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
    const page = await context.newPage();
    await signIn(page, demo.email("coordination"));
    await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await noSidewaysScroll(page);
    }
    await context.close();
  }
});

test("a council member votes with the keyboard at 320 px: focus stays on the answer, which is announced", async ({
  page,
  demo,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demo.email("marc.beaulieu"));
  await expect(page.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await page.getByRole("link", { name: /Participation de deux usager·es aux rencontres nationales/ }).click();
  await expect(page).toHaveTitle(
    /^Vote : Participation de deux usager·es aux rencontres nationales .* · Portail SCIC$/,
  );
  await noSidewaysScroll(page);
  // The live region is on the page, empty, before any answer.
  await expect(page.locator("[role=status][tabindex='-1']").first()).toBeAttached();
  await page.locator("body").focus();
  await tabTo(page, (el) => el.role === "INPUT");
  // Arrow keys move between the radios; Space chooses.
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Pour" })).toBeChecked();
  await tabTo(page, (el) => el.role === "BUTTON" && el.text.startsWith("Confirmer"), 5);
  await page.keyboard.press("Enter");
  const recorded = page
    .locator("[role=status][tabindex='-1']")
    .filter({ hasText: "Votre vote est enregistré : Pour." });
  await expect(recorded).toBeVisible();
  await expect(recorded).toBeFocused();
  await expectAccessible(page);
});

test("hints are linked to their fields; borders and focus outlines have 3:1 contrast; titles name the object", async ({
  page,
  demo,
}) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  for (const [path, title] of [
    ["/votes/nouvelle", "Nouvelle question au vote · Portail SCIC"],
    ["/reunions/conseil/4/preparer", "Préparer : Conseil coopératif n° 4 · Portail SCIC"],
    ["/reunions/conseil/4/presences", "Présences : Conseil coopératif n° 4 · Portail SCIC"],
    ["/reunions/conseil/3/compte-rendu", "Compte rendu : Conseil coopératif n° 3 · Portail SCIC"],
    ["/admin/lettre", "Lettre d'information · Portail SCIC"],
    ["/admin/membres/nouveau", "Nouveau membre · Portail SCIC"],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    const unlinked = await page.evaluate(() =>
      [...document.querySelectorAll("[id$='-hint']")]
        .map((hint) => hint.id)
        .filter((id) => !document.querySelector(`[aria-describedby~="${CSS.escape(id)}"]`)),
    );
    expect(unlinked, path).toEqual([]);
    await noSidewaysScroll(page);
  }

  await page.goto("/votes/nouvelle");
  const field = page.getByLabel("Question soumise au vote");
  // Computed colours may be oklch(): read back through a canvas as the screen shows them.
  const rgbOf = (css: string) =>
    page.evaluate((value) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#fff";
      context.fillRect(0, 0, 1, 1);
      context.fillStyle = value;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    }, css);
  const border = await rgbOf(await field.evaluate((el) => getComputedStyle(el).borderTopColor));
  const background = await rgbOf(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  expect(contrast(border, background)).toBeGreaterThanOrEqual(3);
  expect(contrast(border, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
  await field.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const outline = await rgbOf(await field.evaluate((el) => getComputedStyle(el).outlineColor));
  expect(contrast(outline, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
  expect(contrast(outline, "rgb(250, 250, 249)")).toBeGreaterThanOrEqual(3);
  await expectAccessible(page);
});

test("a person's language follows them: chosen once, applied at sign-in on another browser", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("paul.martin"));
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Hello Paul Martin" })).toBeVisible();
  await expect(page).toHaveTitle("Home · Portail SCIC");

  // Another browser, which has never been told: French until the sign-in, English after.
  const elsewhere = await browser.newContext({ locale: "fr-FR" });
  const other = await elsewhere.newPage();
  await signIn(other, demo.email("paul.martin"));
  await expect(other.getByRole("heading", { name: "Hello Paul Martin" })).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await elsewhere.close();
});

test("the public idea path in Arabic, right to left, at 320 px; and in Spanish", async ({
  browser,
  demo,
}) => {
  const visitor = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "ar" });
  const page = await visitor.newPage();
  await page.goto(`/i/${demo.slug}`);
  // The browser asks for Arabic: the page is Arabic, right to left, and says it is a machine translation.
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "هل لديك فكرة للمركز الصحي أو للحي؟" })).toBeVisible();
  await expect(page.getByText("ترجمة آلية، ستُراجع قريبًا.")).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  // A mistake comes back in Arabic, with what was typed.
  await page.getByLabel("لتعرف الرد (إذا أردت)").fill("ليس عنوانًا");
  await page.getByRole("button", { name: "أرسل فكرتي" }).click();
  await expect(page.getByText("اكتب فكرتك (بضع كلمات على الأقل).")).toBeVisible();
  await expect(page.getByLabel("لتعرف الرد (إذا أردت)")).toHaveValue("ليس عنوانًا");
  await page.getByLabel("فكرتك", { exact: true }).fill("مترجم في الاستقبال يوم السبت.");
  await page.getByLabel("لتعرف الرد (إذا أردت)").fill("");
  await page.getByRole("button", { name: "أرسل فكرتي" }).click();
  await expect(page.getByRole("heading", { name: "شكرًا على فكرتك!" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(await page.locator("script[src]").count()).toBe(0);
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "أين وصلت فكرتي؟" }).click();
  await expect(page.getByText("وصلت فكرتك. سيقرؤها المنسق قريبًا.")).toBeVisible();
  await expect(page.getByText("مترجم في الاستقبال يوم السبت.")).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  // The contact list and the booklet's public page, in Arabic too.
  const followUrl = page.url();
  await page.goto(`/i/${demo.slug}`);
  await page.getByRole("link", { name: "هل توافق على أن نتصل بك من أجل زيارات أو فعاليات؟" }).click();
  await expect(page.getByRole("heading", { name: "هل توافق على أن نتصل بك؟" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await page.goto(`/i/${demo.slug}/carnet`);
  await expect(page.getByRole("heading", { name: "دليل الشركاء" })).toBeVisible();
  await page.getByLabel("الموضوع").selectOption({ label: "دروس اللغة" });
  await page.getByRole("button", { name: "ابحث" }).click();
  await expect(page.getByRole("heading", { name: "Parlons Ensemble" })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await page.goto(followUrl);
  // Every language is offered in its own name, from any of them.
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByText("Recibida: pronto la leerán.")).toBeVisible();
  await page.goto(`/i/${demo.slug}`);
  await expect(
    page.getByRole("heading", { name: "¿Tiene una idea para el centro de salud o el barrio?" }),
  ).toBeVisible();
  await visitor.close();
});

test("the coordinator corrects an Arabic text; the public page and the Arabic poster show it", async ({
  page,
  browser,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/idees/gestion");
  await page.getByRole("link", { name: "Corriger les traductions de la page publique" }).click();
  await expect(page).toHaveTitle("Traductions de la page publique · Portail SCIC");
  await expect(page.getByLabel("Langue", { exact: true })).toHaveValue("ar");
  await expectAccessible(page);
  const field = page.getByLabel(
    "Le texte à afficher pour « Une idée pour le centre de santé ou le quartier ? »",
  );
  await expect(field).toHaveAttribute("dir", "rtl");
  // A correction that loses a word between braces is refused, and what was typed stays.
  const when = page.getByLabel(/^Le texte à afficher pour « La prochaine réunion du conseil est le \{date\}/);
  await when.fill("سيرد المجلس قريبًا.");
  await when.locator("xpath=ancestor::form").getByRole("button", { name: "Enregistrer" }).click();
  await expect(
    page.getByText("Gardez tels quels les mots entre accolades du texte d'origine."),
  ).toBeVisible();
  await expect(when).toHaveValue("سيرد المجلس قريبًا.");
  await field.fill("عندك فكرة للمركز الصحي أو للحي؟");
  await field.locator("xpath=ancestor::form").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Correction enregistrée.")).toBeVisible();
  await expect(page.getByText("1 texte corrigé sur")).toBeVisible();
  // One part of the public path at a time; each part says how many of its texts are corrected.
  const parts = page.getByRole("navigation", { name: "Partie de la page publique" });
  await expect(parts.getByRole("link", { name: /^Boîte à idées : \d+ textes, 1 corrigé$/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await parts.getByRole("link", { name: /^Événements : \d+ textes$/ }).click();
  await expect(page).toHaveURL(/langue=ar&partie=events/);
  await expect(page.getByRole("heading", { name: "العربية · Événements" })).toBeVisible();
  await expect(field).toHaveCount(0);
  await expect(page.getByLabel(/^Le texte à afficher pour/).first()).toHaveAttribute("dir", "rtl");

  const visitor = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "ar" });
  const phone = await visitor.newPage();
  await phone.goto(`/i/${demo.slug}`);
  await expect(phone.getByRole("heading", { name: "عندك فكرة للمركز الصحي أو للحي؟" })).toBeVisible();
  await visitor.close();

  // The poster: French first, then the languages chosen, each in its direction.
  await page.goto("/idees/affiche");
  await page.getByRole("checkbox", { name: "العربية" }).check();
  await page.getByRole("checkbox", { name: "Español" }).check();
  await page.getByRole("button", { name: "Mettre à jour l'affiche" }).click();
  await expect(page).toHaveURL(/langue=ar/);
  const arabic = page.locator('article [lang="ar"][dir="rtl"]').first();
  await expect(arabic).toContainText("صندوق الأفكار");
  await expect(page.locator("article")).toContainText("¿Una idea para el centro de salud o el barrio?");
  await expect(page.locator("article")).toContainText(
    "Une idée pour le centre de santé ou le quartier ? Dites-la-nous.",
  );
  await expectAccessible(page);
  await page.setViewportSize(PHONE);
  await noSidewaysScroll(page);
  // Back to the machine translation.
  await page.goto("/idees/traductions?langue=ar");
  await page.getByRole("button", { name: "Revenir à la traduction automatique" }).click();
  await expect(page.getByText("Traduction automatique rétablie.")).toBeVisible();
  await expect(page.getByText("Aucun texte corrigé sur")).toBeVisible();
});

// Last in this file: it leaves the coordinator reading English.
test("an English account's PDFs, exports and calendar speak English around the cooperative's French", async ({
  page,
  demo,
}) => {
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: /^Hello / })).toBeVisible();

  const minutes = await page.request.get("/reunions/conseil/3/compte-rendu/pdf");
  expect(minutes.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfText(await minutes.body())).replace(/\s+/g, " ");
  expect(text).toMatch(/Meeting Conseil coopératif no\. 3 – \d{1,2} [A-Z][a-z]+ \d{4}/);
  expect(text).toContain("On the agenda");
  expect(text).toContain("Draft minutes, not published.");
  expect(text).not.toContain("Projet de compte rendu");

  const record = await page.request.get("/decisions/export?format=pdf");
  const recordText = (await pdfText(await record.body())).replace(/\s+/g, " ");
  expect(recordText).toContain("Decision record – ");
  expect(recordText).toContain("adopted, by consensus");
  expect(recordText).not.toContain("adoptée");
  const csv = await (await page.request.get("/decisions/export")).text();
  expect(csv.split("\n")[0]).toContain("Date;Body;Meeting;Decision;Text;Outcome;How it was decided");

  const ics = await (await page.request.get("/reunions/conseil/4/ics")).text();
  expect(ics).toContain("SUMMARY:Conseil coopératif no. 4");
  expect(ics.replace(/\r\n /g, "")).toContain("Agenda:");
  expect(ics).not.toContain("Ordre du jour");
});
