import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // The marker package throws outside a React server build; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          env: { NEXTAUTH_SECRET: "secret-des-tests" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // The demo's people sign in in these tests, as on a portal with the demo switched on.
          // A backup's passphrase at scrypt's 2^10 rather than 2^18 (scripts/json-lines.ts): the
          // encrypted backups took 3–13 s of CPU per passphrase tried, beside the build.
          env: { NEXTAUTH_SECRET: "secret-des-tests", PORTAIL_DEMO: "true", PORTAIL_TEST_SCRYPT_LOG_N: "10" },
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-database.ts"],
          // Three files at a time (Vitest's default here is one: the cores less one). Each file has
          // its own database (setup-database.ts), and much of a test is waiting on PostgreSQL or
          // on a child process: with two, the cores stayed 40 % idle (3.9 min; one at a time,
          // 5.9); with three, 3.5 min (2026-12-02). npm test builds the app beside them.
          maxWorkers: 3,
          // Beside the build, on two cores, a test that runs child processes or age's scrypt takes
          // two to three times what it takes alone (the passphrase backup: 20 s here). A CI run
          // failed on 30 s (2026-12-02); a test that hangs still fails, later.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
