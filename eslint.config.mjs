// One lint for the whole tree: Next's rules (React, hooks, accessibility, Core Web Vitals),
// typescript-eslint, and the layering (README: How the code is laid out) checked, not hoped for.
import next from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { ownTables } from "./eslint/own-tables.mjs";
import { pureRules } from "./eslint/pure-rules.mjs";
import { namedArguments } from "./eslint/named-arguments.mjs";

const database = {
  group: ["@/lib/db", "@/lib/generated/*", "@prisma/*", "pg"],
  message: "Pages and components read data through a service of lib/<feature>/, never the database.",
};
// Prisma itself lives in lib/ and scripts/; tests use lib/db (the app's own client).
const prisma = {
  group: ["@/lib/generated/*", "**/lib/generated/*", "@prisma/*"],
  message: "Prisma is reached through lib/db (or a script of scripts/), not imported here.",
};
// next-intl's builds its Intl formatters anew for each request (lib/i18n/formatter.ts).
const formatter = {
  name: "next-intl/server",
  importNames: ["getFormatter"],
  message: "Use getFormatter from @/lib/i18n/formatter: one formatter per locale per process.",
};
// Next.js's Link prefetches every link in view (22–38 requests to the server per page view), and
// each one is a client component the server renders on every page.
const nextLink = {
  name: "next/link",
  message:
    "Use @/components/link: a plain anchor that components/soft-links.tsx brings in place, without prefetching (issue 21).",
};

const config = [
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "lib/generated/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  ...next,
  ...nextTypescript,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-cycle": "off",
    },
  },
  // The layering of lib/ (eslint/): a feature writes only its own tables, a pure rule module
  // imports nothing server-side, more than three arguments go in one named object.
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/generated/**"],
    plugins: {
      portail: {
        rules: { "own-tables": ownTables, "pure-rules": pureRules, "named-arguments": namedArguments },
      },
    },
    rules: {
      "portail/own-tables": "error",
      "portail/pure-rules": "error",
      "portail/named-arguments": "error",
    },
  },
  // The erasure of a person (RGPD, art. 17) reaches every table that names them, by law.
  {
    files: ["lib/members/privacy.ts"],
    rules: { "portail/own-tables": "off" },
  },
  // Module augmentation (next-auth's Session, vitest's ProvidedContext) needs an interface.
  {
    files: ["**/*.d.ts", "tests/integration/global-setup.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
  // Playwright's fixtures call their `use`, which is no React hook.
  {
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["tests/**", "bench/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prisma] }] },
  },
  // Routes, forms and shared components never reach the database.
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [database],
          paths: [formatter, nextLink],
        },
      ],
    },
  },
  // The one place that wraps Next.js's Link.
  {
    files: ["components/link.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [database], paths: [formatter] }] },
  },
];

export default config;
