import type { Locale } from "@/lib/i18n/config";
import type messages from "@/lib/i18n/messages/fr.json";

// Every message key is typed from the French catalogue (the first language): a missing or
// misspelled key fails `npm run typecheck`. tests/unit/messages.test.ts keeps en.json in step.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
