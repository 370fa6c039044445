import { expect, test } from "./test";
import { e2eDatabaseUrl, signIn } from "./helpers";
import { seedDemoCopy } from "../../scripts/seed";

// What the pages keep between requests (lib/cache.ts: a cooperative's college names, its public
// name) is never one cooperative's for another, never one person's for another, and a change
// shows at once to whoever made it. Two coordinators of two cooperatives, and two people of one,
// load the same pages in turn.

test("two cooperatives and two people, in turn: no cached name crosses over, a change shows at once", async ({
  browser,
  demo,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const otherSlug = `demo-cache-autre-${tag}`;
  const otherDomain = `cache-autre-${tag}.demo.portail-scic.fr`;
  await seedDemoCopy(e2eDatabaseUrl(), { slug: otherSlug, emailDomain: otherDomain });

  const open = async (email: string) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page.getByRole("heading", { name: /^Bonjour / })).toBeVisible();
    return { context, page };
  };
  const a = await open(demo.email("coordination"));
  const b = await open(`coordination@${otherDomain}`);
  const member = await open(demo.email("paul.martin"));
  const meeting = "/reunions/conseil/3";
  // The present are listed in the order of the colleges (the cached names): the users' category,
  // first of the cooperative's, comes before the employees'. A stale or foreign list of names
  // would put it last.
  const inCollegeOrder = async (page: typeof a.page, users: string) => {
    const text = await page.getByRole("main").innerText();
    const first = text.indexOf(`catégorie ${users}`);
    expect(first, `« catégorie ${users} » on ${page.url()}`).toBeGreaterThan(-1);
    expect(first).toBeLessThan(text.indexOf("catégorie salarié·es"));
  };

  // A renames a category: A's meeting page says the new name at once.
  const renamed = `usager·es du quartier ${tag}`;
  await a.page.goto("/admin/colleges");
  await a.page.getByLabel("Nom de la catégorie 1").fill(renamed);
  await a.page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(a.page.getByText("Catégories et collèges enregistrés.")).toBeVisible();
  for (let round = 0; round < 2; round++) {
    await a.page.goto(meeting);
    await inCollegeOrder(a.page, renamed);
    await b.page.goto(meeting);
    await inCollegeOrder(b.page, "usager·es et habitant·es");
    await expect(b.page.getByRole("main")).not.toContainText(tag);
    // In A's cooperative, a member and the coordinator in turn: the same names, each their own page.
    await member.page.goto(meeting);
    await inCollegeOrder(member.page, renamed);
    await expect(member.page.getByRole("link", { name: /^Préparer/ })).toHaveCount(0);
    await a.page.goto(meeting);
    await expect(a.page.getByRole("link", { name: /^Préparer/ }).first()).toBeVisible();
  }

  // A renames it again: the change shows at once, B's page still has its own.
  const again = `habitant·es ${tag}`;
  await a.page.goto("/admin/colleges");
  await a.page.getByLabel("Nom de la catégorie 1").fill(again);
  await a.page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  await expect(a.page.getByText("Catégories et collèges enregistrés.")).toBeVisible();
  await a.page.goto(meeting);
  await inCollegeOrder(a.page, again);
  await expect(a.page.getByRole("main")).not.toContainText(renamed);
  await b.page.goto(meeting);
  await inCollegeOrder(b.page, "usager·es et habitant·es");
  await expect(b.page.getByRole("main")).not.toContainText(tag);

  // The public pages, in turn; A's new short name shows on A's page only, at once.
  const visitor = await browser.newContext({ locale: "fr-FR" });
  const inhabitant = await visitor.newPage();
  await inhabitant.goto(`/i/${demo.slug}`);
  await inhabitant.goto(`/i/${otherSlug}`);
  const shortName = `Santé ${tag}`;
  await a.page.goto("/admin/colleges");
  await a.page.getByLabel("Nom court (dans les pages et les e-mails)").fill(shortName);
  await a.page.getByRole("button", { name: "Enregistrer l'identité" }).click();
  await expect(a.page.getByText("Identité enregistrée.")).toBeVisible();
  await inhabitant.goto(`/i/${demo.slug}`);
  await expect(inhabitant.locator("p.coop")).toHaveText(shortName);
  await inhabitant.goto(`/i/${otherSlug}`);
  await expect(inhabitant.locator("p.coop")).not.toHaveText(shortName);
  await inhabitant.goto(`/i/${demo.slug}`);
  await expect(inhabitant.locator("p.coop")).toHaveText(shortName);

  for (const c of [a.context, b.context, member.context, visitor]) await c.close();
});
