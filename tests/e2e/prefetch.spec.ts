import type { Request } from "@playwright/test";
import { expect, test } from "./test";
import { signIn } from "./helpers";

// Issue 21: a page view is one request to the server, not one plus a prefetch for every link in
// view. Next.js's Link prefetched the route's tree and <head> of each section and each list
// entry (22–38 requests per page, three to five times the page's own CPU on the server);
// components/link.tsx turns that off. A link still changes the page without reloading it. Nor
// does the browser come back for the icon (/icon.svg, sent with max-age=0, on every view; a 404
// page for /favicon.ico on the public idea page): it is inside the page (lib/icon.ts).

test("a member's page views ask the server for no prefetch, and a link still navigates in place", async ({
  page,
  demo,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signIn(page, demo.email("ines.morel"));
  await expect(page.getByRole("heading", { name: /^Bonjour / })).toBeVisible();

  const prefetches: string[] = [];
  const documents: string[] = [];
  const icons: string[] = [];
  const seen = async (request: Request) => {
    const headers = await request.allHeaders();
    if (headers["next-router-prefetch"]) prefetches.push(request.url());
    if (/^\/(icon|favicon)/.test(new URL(request.url()).pathname)) icons.push(request.url());
    if (request.resourceType() === "document") documents.push(request.url());
  };
  page.on("request", (request) => void seen(request));

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
  expect(icons).toEqual([]);

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

  // The neighbourhood's idea page, without an account: the icon is in it too.
  const visitorContext = await browser.newContext({ baseURL, locale: "fr-FR" });
  const visitor = await visitorContext.newPage();
  visitor.on("request", (request) => void seen(request));
  await visitor.goto(`/i/${demo.slug}`);
  await expect(visitor.locator('link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,/);
  await visitor.waitForLoadState("networkidle");
  await visitor.waitForTimeout(500);
  await visitorContext.close();
  expect(icons).toEqual([]);
});
