import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";
export type { ConsoleMessage } from "@playwright/test";

// Every journey fails if a page asks for a text its part of the portal was not given
// (components/client-messages.tsx sends each part only its own namespaces).
export const test = base.extend<{ texts: void }>({
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
