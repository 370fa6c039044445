import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// The journeys' PostgreSQL port, set here for the workers too (tests/e2e/helpers.ts reads it).
// Below Linux's ephemeral range (32768–60999): the integration tests' closed connections leave
// their local ports in TIME_WAIT for a minute, and PostgreSQL cannot listen on one of those. A
// port in that range (54332) failed CI once.
process.env.E2E_PG_PORT ??= "25432";
// Debian's Chromium where present (Playwright's own download cannot reach its host here): its
// headless shell, as Playwright itself runs headless journeys (the same Blink and V8 as the
// browser, without the browser's interface), or else the browser. On this 2-core machine the
// shell took the sign-in, accessibility and vote journeys from 5.3 to 3.8 min (2026-12-02).
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const executablePath =
  process.env.CHROMIUM_PATH ??
  [HEADLESS_SHELL, "/usr/bin/chromium"].find((path) => fs.existsSync(path)) ??
  undefined;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // A journey's budget. The longest (an Arabic correction, a written consultation, the minutes
  // from draft to PDF) take about 35 s alone; with two workers on a slow hour of a 2-core
  // machine (2026-12-01: every step twice as slow, sign-in included) they crossed 60 s.
  timeout: 120_000,
  // An assertion's wait. A step after a server action on a long page (the translations, before
  // they came one part at a time) took 1.3 s alone here and more than 5 s in a CI run on a busier
  // machine (2026-12-02). A wait ends as soon as the page is right, so a longer one costs nothing
  // when all is well.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // A trace is recorded only when a failed journey runs again (CI retries once): recording one
    // for every journey (DOM snapshots and screencast at each step, kept only on failure) took a
    // quarter of the run's CPU (the sign-in, accessibility and record journeys: 127 s against
    // 103 s, 2026-12-02). For a trace here: npx playwright test --trace on.
    trace: "on-first-retry",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
          ],
        },
      },
    },
  ],
  // The README's start command on a fresh embedded database of its own: the production build.
  webServer: {
    command: "rm -rf .data/e2e && npx tsx scripts/start.ts",
    url: `${baseURL}/connexion`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PORTAIL_DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT,
      NEXTAUTH_URL: baseURL,
      // The access log (one JSON line per request) would drown the journeys' output.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
