import { test as base } from "@playwright/test";
import { seedDemoCopy } from "../../scripts/seed";
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
      const cooperativeId = await seedDemoCopy(E2E_DATABASE_URL, { slug, emailDomain: domain });
      await use({ cooperativeId, slug, email: (local) => `${local}@${domain}` });
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
