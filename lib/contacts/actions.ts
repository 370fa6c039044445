"use server";
import { arg, formAction } from "@/lib/action";
import { isId } from "@/lib/action-input";
import { consentSchema, mailSelectionSchema } from "@/lib/contacts/schema";
import {
  consentFromProfile,
  enterPaperConsent,
  mailSelection,
  removeContact,
  withdrawMine,
} from "@/lib/contacts/service";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { translator } from "@/lib/i18n/translator";

const list = () => "/admin/contacts";
const profile = () => "/profil";

export const profileConsentAction = formAction({
  right: "home.view",
  input: consentSchema,
  run: async ({ actor, input }) => consentFromProfile(actor, input, { locale: await readerLocale() }),
  refresh: profile,
});

export const withdrawMineAction = formAction({
  right: "home.view",
  run: ({ actor }) => withdrawMine(actor),
  refresh: profile,
});

export const paperConsentAction = formAction({
  right: "contact.manage",
  input: consentSchema,
  run: ({ actor, input }) => enterPaperConsent(actor, input),
  refresh: list,
});

export const removeContactAction = formAction({
  right: "contact.manage",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => removeContact(actor, id),
  refresh: list,
});

export const mailContactsAction = formAction({
  right: "contact.manage",
  input: mailSelectionSchema,
  run: async ({ actor, input, values }) => {
    const ids = (values.ids ?? "").split(",").filter(isId);
    if (!ids.length)
      return { ok: false, error: "nobodyChosen", fieldErrors: { ids: "nobodyChosen" } } as const;
    const t = translator(await readerLocale());
    return mailSelection(actor, {
      ids,
      subject: input.subject,
      body: input.body,
      footer: (link) => t("contacts.footer", { link }),
    });
  },
  refresh: list,
});
