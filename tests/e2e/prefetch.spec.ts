import { expect, test } from "./test";
import { signIn } from "./helpers";

// Issue 21: a page view is one request to the server, not one plus a prefetch for every link in
// view. Next.js's Link prefetched the route's tree and <head> of each section and each list
// entry (22–38 requests per page, three to five times the page's own CPU on the server);
// components/link.tsx renders plain links instead. A link still changes the page without reloading it. The
// icon is inside every page (lib/icon.ts), the public idea page's too: no /icon.svg asked again on
// every view (max-age=0), no 404 page for /favicon.ico. (Playwright does not report Chromium's
// icon requests: bench:weight counts every request through the DevTools protocol.)

test("a member's page views ask the server for no prefetch, and a link still navigates in place", async ({
  page,
  demo,
  browser,
  baseURL,
}) => {
  await signIn(page, demo.email("ines.morel"));
  await expect(page.getByRole("heading", { name: /^Bonjour / })).toBeVisible();

  const prefetches: string[] = [];
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
    if (request.resourceType() === "document") documents.push(request.url());
  });

  for (const path of ["/", "/decisions", "/idees", "/reunions/conseil/3", "/reunions"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    // Every link in view, then every link of the page scrolled past, then a pointer over a section.
    await page.mouse.wheel(0, 20_000);
    await page.getByRole("link", { name: "Votes", exact: true }).hover();
    await page.waitForLoadState("networkidle");
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,/);
  }
  expect(prefetches).toEqual([]);

  // A section's link: the next page comes as React data into the same document.
  documents.length = 0;
  await page.goto("/");
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await page.getByRole("link", { name: "Décisions", exact: true }).click();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(page.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect(documents.filter((url) => url.endsWith("/decisions"))).toEqual([]);
  expect(prefetches).toEqual([]);
  // The section is marked current in the same document, and the previous one no longer.
  const sections = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(sections.getByRole("link", { name: "Décisions" })).toHaveAttribute("aria-current", "page");
  await expect(sections.getByRole("link", { name: "Accueil" })).not.toHaveAttribute("aria-current", "page");
  // With Ctrl (or a middle click), the browser's own way: a new tab, this page stays.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    sections.getByRole("link", { name: "Votes" }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/votes");
  await expect(page).toHaveURL(/\/decisions$/);
  await tab.close();

  // A page's own links (components/link.tsx) and the header's go the same way: the meeting's way
  // back to the list, then the portal's name back home.
  await page.goto("/reunions/conseil/3");
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  documents.length = 0;
  await page.getByRole("link", { name: "← Toutes les réunions" }).click();
  await expect(page).toHaveURL(/\/reunions$/);
  await expect(page.getByRole("heading", { name: "Réunions", level: 1 })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Réunions" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Portail SCIC" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: /^Bonjour / })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect(documents).toEqual([]);
  expect(prefetches).toEqual([]);

  // The neighbourhood's idea page, without an account: the icon is in it too.
  const visitorContext = await browser.newContext({ baseURL, locale: "fr-FR" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/i/${demo.slug}`);
  await expect(visitor.locator('link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,/);
  await visitorContext.close();
  // For the browsers that cannot read an SVG icon: a small file, not a 404 page.
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/icon/);
});
