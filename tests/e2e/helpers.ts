import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-portail-scic";
// The database of the server the journeys run on (playwright.config.ts starts it).
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ||
  `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54332"}/portail`;

// Fails on serious or critical accessibility violations of the page as it stands.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// The one way a journey signs in: through the sign-in page, as a person would.
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Connexion", exact: true })).toBeVisible();
}

// Without SMTP, e-mails are kept in the outbox: the coordinator reads them in the app.
export async function lastLinkSentTo(page: Page, recipient: string, pattern: RegExp): Promise<string> {
  await page.goto("/admin/courriels");
  const item = page.getByRole("listitem").filter({ hasText: recipient }).first();
  await item.locator("summary").click();
  const text = (await item.locator("pre").textContent()) ?? "";
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[0];
}
