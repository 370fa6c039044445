import { createTranslator } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";

// The words the portal writes into the cooperative's own record (agenda items it proposes, the
// minutes' last section): in the record's language (DATA_LANG, French), from the message files,
// stored as written like everything else in the record.
export const recordWords = createTranslator({ locale: "fr", messages: fr, namespace: "record.generated" });
