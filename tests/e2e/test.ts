import { test as base } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemo } from "../../prisma/demo-data";
import { E2E_DATABASE_URL } from "./helpers";

export { expect } from "@playwright/test";
export type { ConsoleMessage } from "@playwright/test";

// A cooperative of the demo's shape for the journeys of one worker: its own slug, its own
// people (same names, e-mails at <key>.demo.portail-scic.fr), so that workers run side by side
// on one server without meeting each other's rows.
export type Demo = {
  cooperativeId: string;
  slug: string;
  // An e-mail of this copy's people: demo.email("coordination"), demo.email("paul.martin").
  email: (local: string) => string;
};

export const test = base.extend<{ texts: void }, { demo: Demo }>({
  demo: [
    async ({}, use, workerInfo) => {
      const key = `w${workerInfo.workerIndex}-${Date.now().toString(36)}`;
      const slug = `demo-${key}`;
      const domain = `${key}.demo.portail-scic.fr`;
      const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: E2E_DATABASE_URL }) });
      try {
        await seedDemo(db, { slug, emailDomain: domain });
        const { id } = await db.cooperative.findUniqueOrThrow({ where: { slug }, select: { id: true } });
        await use({ cooperativeId: id, slug, email: (local) => `${local}@${domain}` });
      } finally {
        await db.$disconnect();
      }
    },
    { scope: "worker" },
  ],
  // Every journey fails if a page asks for a text its part of the portal was not given
  // (components/client-messages.tsx sends each part only its own namespaces).
  texts: [
    async ({ page }, use) => {
      const missing: string[] = [];
      page.on("console", (message) => {
        if (/MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text()))
          missing.push(`${page.url()}: ${message.text()}`);
      });
      await use();
      if (missing.length) throw new Error(`texts missing in the browser:\n${missing.join("\n")}`);
    },
    { auto: true },
  ],
});
