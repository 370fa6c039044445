import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import S3rver from "s3rver";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { DEMO_PASSWORD, e2eDatabaseUrl } from "./helpers";
import { migrateDeploy } from "../../scripts/migrate";
import { seedIfEmpty } from "../../scripts/seed";
import { startSmtpSink } from "../smtp-sink";

// Issue 16: nothing that must be shared lives in one process. Two web servers (the production
// build, each its own process) and two job workers run on one PostgreSQL, one S3-compatible
// bucket (s3rver) and one SMTP server (smtp-server); the journeys go to one and the other in
// turn.

const A = "http://localhost:3103";
const B = "http://localhost:3104";
const DATABASE = "portail_deux";
const databaseUrl = () => Object.assign(new URL(e2eDatabaseUrl()), { pathname: `/${DATABASE}` }).toString();

const processes: ChildProcess[] = [];
let s3server: S3rver;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "portail-deux-"));

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  await migrateDeploy(databaseUrl());
  await seedIfEmpty(databaseUrl());
  // Twelve neighbours who asked for the newsletter (the import has its own journeys).
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  await db.query(
    `INSERT INTO "NewsletterRecipient" (id, "cooperativeId", email, name, "consentAt", "consentSource")
     SELECT 'voisin-' || i, c.id, 'voisin' || i || '@exemple.org', 'Voisin ' || i, now(), 'test'
       FROM "Cooperative" c, generate_series(1, 12) i`,
  );
  await db.end();

  s3server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(folder, "s3"),
    configureBuckets: [{ name: "portail", configs: [] }],
  });
  const { port: s3port } = await s3server.run();
  sink = await startSmtpSink();

  const shared = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl(),
    NEXTAUTH_SECRET: "le-secret-des-deux-instances",
    PORTAIL_DEMO: "true",
    PORTAIL_DATA_DIR: folder,
    FILES_BACKEND: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${s3port}`,
    S3_BUCKET: "portail",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: "false",
    NEWSLETTER_BATCH_SIZE: "3",
    LOG_LEVEL: "warn",
  };
  const start = (args: string[], env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    processes.push(child);
  };
  for (const base of [A, B])
    start(["--import", "tsx", "scripts/server.ts"], {
      ...shared,
      PORT: new URL(base).port,
      NEXTAUTH_URL: base,
    });
  for (let i = 0; i < 2; i++)
    start(["--import", "tsx", "--import", "./scripts/server-only-loader.mjs", "scripts/worker.ts"], {
      ...shared,
      NEXTAUTH_URL: A,
    });
  for (const base of [A, B]) {
    const health = () =>
      fetch(`${base}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
    await expect.poll(health, { timeout: 120_000, intervals: [500] }).toBe(200);
  }
});

test.afterAll(async () => {
  for (const child of processes) child.kill("SIGTERM");
  await Promise.all(
    processes.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)),
  );
  await sink?.close();
  await s3server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function signInAt(page: Page, base: string, email: string) {
  await page.goto(`${base}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function count(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, values)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const QUESTION = "Ouvrir le centre le samedi matin (deux instances)";

test("a vote opened on one instance is cast on the other", async ({ browser }) => {
  const clara = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(clara, A, "coordination@demo.portail-scic.fr");
  await expect(clara.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await clara.goto(`${A}/votes/nouvelle`);
  await clara.getByLabel("Instance").selectOption({ label: "Conseil coopératif" });
  await clara.getByLabel("Manière de voter").selectOption({ label: "consultation écrite" });
  await clara.getByLabel("Question soumise au vote").fill(QUESTION);
  const deadline = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
  await clara.getByLabel("Date limite", { exact: true }).fill(`${deadline}T18:00`);
  await clara.getByRole("button", { name: "Créer la question" }).click();
  await expect(clara.getByText("Question créée.")).toBeVisible();
  await clara.getByRole("button", { name: "Ouvrir le vote" }).click();
  // Opening e-mails every voter through the SMTP server before it answers: slower on a busy machine.
  await expect(clara.getByText("Vote ouvert", { exact: false }).first()).toBeVisible({ timeout: 30_000 });

  const marc = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(marc, B, "marc.beaulieu@demo.portail-scic.fr");
  await expect(marc.getByRole("heading", { name: "Bonjour Marc Beaulieu" })).toBeVisible();
  await marc.goto(`${B}/votes`);
  await marc.getByRole("link", { name: QUESTION }).click();
  expect(marc.url().startsWith(B)).toBe(true);
  await marc.getByRole("radio", { name: "Pour" }).check();
  await marc.getByRole("button", { name: "Confirmer : Pour" }).click();
  await expect(marc.getByText("Votre vote est enregistré : Pour.")).toBeVisible({ timeout: 15_000 });
  expect(
    await count(
      `SELECT count(*) AS n FROM "Ballot" b JOIN "VoteQuestion" q ON q.id = b."questionId" WHERE q.title = $1`,
      [QUESTION],
    ),
  ).toBe(1);
});

test("a document uploaded through one is downloaded through the other", async ({ browser }) => {
  const clara = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(clara, A, "coordination@demo.portail-scic.fr");
  await expect(clara.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await clara.goto(`${A}/reunions/conseil/4/preparer`);
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4 deux instances\n"), randomBytes(4096)]);
  await clara.getByLabel("Joindre un document à « Rapport d'activité »").setInputFiles({
    name: "rapport-deux-instances.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await clara.getByRole("button", { name: "Joindre", exact: true }).nth(1).click();
  const link = clara.getByRole("link", { name: "rapport-deux-instances.pdf" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  // The other instance, whose disk never saw it, serves it from the bucket.
  const response = await clara.request.get(`${B}${href}`);
  expect(response.status()).toBe(200);
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);
  expect(fs.existsSync(path.join(folder, "files"))).toBe(false);
});

test("a newsletter sent with two workers reaches each recipient exactly once", async ({ browser }) => {
  const clara = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAt(clara, A, "coordination@demo.portail-scic.fr");
  await expect(clara.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await clara.goto(`${A}/admin/lettre`);
  await clara.getByLabel("Objet").fill("Lettre des deux instances");
  await clara.getByLabel("Texte", { exact: true }).fill("Une lettre envoyee par deux workers.");
  await clara.getByRole("button", { name: "Enregistrer" }).click();
  await expect(
    clara.getByRole("heading", { name: /Lettre n° \d+ : Lettre des deux instances/ }),
  ).toBeVisible();
  const send = clara.getByRole("button", { name: /^Envoyer à \d+ destinataires?$/ });
  const recipients = Number(/(\d+)/.exec((await send.textContent()) ?? "")![1]);
  expect(recipients).toBeGreaterThan(3);
  clara.once("dialog", (dialog) => void dialog.accept());
  await send.click();
  const page = clara.url().replace(A, B);
  await expect(async () => {
    await clara.goto(page);
    await expect(clara.getByText("Envoyée le")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 120_000 });
  const received = sink.messages.filter((m) => m.subject === "Lettre des deux instances");
  const perRecipient = new Map<string, number>();
  for (const m of received) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  expect(perRecipient.size).toBe(recipients);
  expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
});
