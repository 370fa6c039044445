import path from "node:path";
import { test as base } from "@playwright/test";
import { seedDemoCopy } from "../../scripts/seed";
import { e2eDatabaseUrl } from "./helpers";

export { expect } from "@playwright/test";
export type { ConsoleMessage } from "@playwright/test";

// A cooperative of the demo's shape for the journeys of one spec file: its own slug, its own
// people and meetings (same names, e-mails at <key>.demo.portail-scic.fr), so that no spec
// meets another's rows and two workers run side by side on one server.
export type Demo = {
  cooperativeId: string;
  slug: string;
  // An e-mail of this copy's people: demo.email("coordination"), demo.email("paul.martin").
  email: (local: string) => string;
};

// One copy per spec file, made the first time the file asks (a beforeAll asks with its
// testInfo.file, a journey through the `demo` fixture).
type Demos = (specFile: string) => Promise<Demo>;

export const test = base.extend<{ texts: void; demo: Demo }, { demos: Demos }>({
  demos: [
    async ({}, use, workerInfo) => {
      const copies = new Map<string, Promise<Demo>>();
      await use((specFile) => {
        const spec = path
          .basename(specFile, ".spec.ts")
          .replace(/[^a-z0-9]+/gi, "-")
          .toLowerCase();
        if (!copies.has(spec)) {
          const key = `${spec}-w${workerInfo.workerIndex}-${Date.now().toString(36)}`;
          const slug = `demo-${key}`;
          const domain = `${key}.demo.portail-scic.fr`;
          copies.set(
            spec,
            seedDemoCopy(e2eDatabaseUrl(), { slug, emailDomain: domain }).then((cooperativeId) => ({
              cooperativeId,
              slug,
              email: (local: string) => `${local}@${domain}`,
            })),
          );
        }
        return copies.get(spec)!;
      });
    },
    { scope: "worker" },
  ],
  demo: async ({ demos }, use, testInfo) => {
    await use(await demos(testInfo.file));
  },
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
