import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import http from "node:http";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type axe from "axe-core";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { adminUrl, embeddedPassword } from "../../scripts/embedded-db";

export const DEMO_PASSWORD = "demo-portail-scic";

// A date as a datetime-local field takes it, in the browser's time zone (the journeys' Paris).
export function localInput(date: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
// The database of the server the journeys run on (playwright.config.ts starts it, on an embedded
// PostgreSQL whose random password it keeps in .data/e2e/postgres.password). Read when asked:
// the file exists once the server has started.
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const password = embeddedPassword(".data/e2e/postgres");
  if (!password) throw new Error("The end-to-end server has not started its database yet.");
  return adminUrl({ port: Number(process.env.E2E_PG_PORT), password, database: "portail" });
}

// axe-core's minified build (580 kB; @axe-core/playwright sends the unminified 1.3 MB).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Fails on serious or critical accessibility violations of the page as it stands.
// On a page of one document, axe runs inside it, sent once per document: the check after a
// click that stays on the page, or after a link the portal brings into the same document, finds
// it there. @axe-core/playwright sent its 1.3 MB twice at every check, and that was most of a
// check's cost (the renderer parsing it, the browser relaying it: 18 checks took 54 s of the
// machine's CPU in two spec files, 2026-12-02). A page holding a frame (a letter's preview) goes
// through @axe-core/playwright, which checks the frame too. Only the violations are read, so only
// they are detailed.
export async function expectAccessible(page: Page) {
  const serious = (violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[]) =>
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  if (page.frames().length > 1) {
    const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
    expect(serious(results.violations)).toEqual([]);
    return;
  }
  if (!(await page.evaluate(() => typeof (window as { axe?: typeof axe }).axe?.run === "function")))
    await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ["violations"],
    });
    return results.violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  });
  expect(serious(violations)).toEqual([]);
}

// Signs in through the sign-in page's form, as a person does: for the journeys about that page
// and its form (a wrong password, too many tries, a new password, the page at 320 px, its
// Content-Security-Policy, signing in again after « sign out everywhere », a first sign-in).
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

// Signs in as the form does (next-auth's credentials callback, with its CSRF token, into the
// page's own cookies), without showing the sign-in page, then opens the home page where the form
// leads. A journey about something else saves the page's load and the form: 0.4 s of the
// machine's CPU a sign-in, 119 sign-ins (2026-12-02). A sign-in that did not open a session
// (refused, or its CSRF token not taken: next-auth answers that with 200 and a link) fails the
// journey here, with next-auth's answer.
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const context = page.context();
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  // The session this answer opened (the context may hold an earlier one).
  const session = response
    .headersArray()
    .some(
      ({ name, value }) => name.toLowerCase() === "set-cookie" && /next-auth\.session-token=[^;]/.test(value),
    );
  if (!response.ok() || !session)
    throw new Error(
      `sign-in refused for ${email}: HTTP ${response.status()} ${(await response.text()).slice(0, 200)}`,
    );
  await page.goto("/");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Connexion", exact: true })).toBeVisible();
}

// Without SMTP, e-mails are kept in the outbox; their personal links (sign-in, reset,
// invitation, unsubscribe) are masked for the coordinator, written to the server's log for the
// operator. A journey reads the recipient's link where the recipient would: the message itself.
export async function lastLinkSentTo(
  recipient: string,
  pattern: RegExp,
  databaseUrl = e2eDatabaseUrl(),
): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ textBody: string }>(
      `SELECT "textBody" FROM "OutboxEmail" WHERE "toAddress" = $1 ORDER BY "createdAt" DESC`,
      [recipient],
    );
    for (const { textBody } of rows) {
      const match = pattern.exec(textBody);
      if (match) return match[0];
    }
    throw new Error(`no link for ${recipient}`);
  } finally {
    await client.end();
  }
}

// What the coordinator sees of that e-mail in « Courriels envoyés »: that it left, its text, and
// « [lien personnel masqué] » where the recipient's link is — never the link.
export async function expectLinkMasked(page: Page, recipient: string, subject: string) {
  await page.goto(`/admin/courriels?q=${encodeURIComponent(recipient)}`);
  const item = page.getByRole("listitem").filter({ hasText: recipient }).filter({ hasText: subject }).first();
  await item.locator("summary").click();
  const pre = item.locator("pre").first();
  await expect(pre).toContainText("[lien personnel masqué]");
  await expect(pre).not.toContainText(/token=|callback\/email|mot-de-passe\/nouveau/);
}

// A request from another machine: Linux answers every 127.x.y.z on loopback, so binding the
// socket to 127.0.0.2 makes a client the server sees at a different address than the browser.
export function httpFrom(
  localAddress: string,
  {
    method,
    path,
    headers = {},
    body,
  }: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method,
        path,
        headers: { ...headers, host: `localhost:${port}` },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on("error", reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

// Signs in over plain HTTP (next-auth's own form post) from a given address; answers where
// next-auth sends the browser: "/…?error=rateLimited", "/…?error=invalid", or the page asked for.
export async function postSignIn(
  localAddress: string,
  { email, password, headers = {} }: { email: string; password: string; headers?: Record<string, string> },
): Promise<string> {
  const csrf = await httpFrom(localAddress, { method: "GET", path: "/api/auth/csrf", headers });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const posted = await httpFrom(localAddress, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
  });
  return String(posted.headers.location ?? `status ${posted.status}`);
}

// The network's operator, made as README says (`npm run operator:create`) on the journeys'
// server: answers the link that sets the password, printed by the command.
export async function createOperator(email: string, name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only-loader.mjs",
      "scripts/operator.ts",
      "--email",
      email,
      "--name",
      name,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl(),
        PORTAIL_DATA_DIR: ".data/e2e",
        NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
        NEXTAUTH_SECRET: "",
      },
    },
  );
  const link = /http\S+mot-de-passe\/nouveau\?token=\S+/.exec(stdout)?.[0];
  if (!link) throw new Error(`operator:create printed no link:\n${stdout}`);
  return link;
}

// A person sets the password of a new account from the link they were sent.
export async function choosePassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel("Nouveau mot de passe").fill(password);
  await page.getByLabel("Confirmer le mot de passe").fill(password);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été changé.")).toBeVisible();
}

// The text of a PDF, page after page, as a reader's copy-paste would give it.
export async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: true }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text +=
      content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("") +
      "\n";
  }
  return text;
}
