import { createTranslator } from "next-intl";
import type { PublicWords } from "@/lib/i18n/public-locales";
import { esc } from "@/lib/ideas/public-html";
import { CHANNELS, PURPOSES } from "@/lib/contacts/schema";

// The public form to join the contact list: plain HTML like the idea page (no script). A
// mistake comes back with its message and what was typed.
export function contactsTranslator({ locale, messages }: PublicWords) {
  return createTranslator({ locale: locale as "fr", messages, namespace: "contacts" });
}

export function contactForm({
  words,
  slug,
  values,
  errors,
  formError,
}: {
  words: PublicWords;
  slug: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  formError: string | null;
}): string {
  const t = contactsTranslator(words);
  const te = (key: string) => {
    const own = `errors.${key}`;
    return t.has(own as "errors.form") ? t(own as "errors.form") : t("errors.form");
  };
  const v = (name: string) => esc(values[name] ?? "");
  const chosen = (name: string) => (values[name] ?? "").split(",");
  const described = (name: string, hint = false) =>
    errors[name]
      ? ` aria-invalid="true" aria-describedby="${name}-error"`
      : hint
        ? ` aria-describedby="${name}-hint"`
        : "";
  const error = (name: string) =>
    errors[name] ? `<p id="${name}-error" class="error">${esc(te(errors[name]!))}</p>` : "";
  const boxes = (name: string, choices: readonly string[], label: (c: string) => string) =>
    choices
      .map(
        (c) =>
          `<label style="display:flex;align-items:center;gap:.5rem;min-height:44px;font-weight:400"><input type="checkbox" name="${name}" value="${c}" style="width:1.25rem;min-height:0;margin:0"${chosen(name).includes(c) ? " checked" : ""}> ${esc(label(c))}</label>`,
      )
      .join("");
  return `${formError ? `<p class="alert" role="alert">${esc(te(formError))}</p>` : ""}
<form method="post" action="/i/${esc(slug)}/contact?lang=${words.locale}" novalidate>
<label for="name">${esc(t("form.name"))}</label><input id="name" name="name" type="text" autocomplete="name" value="${v("name")}"${described("name")}>${error("name")}
<fieldset style="border:0;padding:0;margin:1rem 0 0"${described("purposes")}><legend style="font-weight:600">${esc(t("form.purposes"))}</legend>${boxes("purposes", PURPOSES, (p) => t(`purposes.${p}` as "purposes.events"))}</fieldset>${error("purposes")}
<label for="phone">${esc(t("form.phone"))}</label><input id="phone" name="phone" type="tel" autocomplete="tel" value="${v("phone")}"${described("phone")}>${error("phone")}
<label for="email">${esc(t("form.email"))}</label><input id="email" name="email" type="email" autocomplete="email" value="${v("email")}"${described("email")}>${error("email")}
<fieldset style="border:0;padding:0;margin:1rem 0 0"><legend style="font-weight:600">${esc(t("form.channels"))}</legend>${boxes("channels", CHANNELS, (c) => t(`channels.${c}` as "channels.phone"))}</fieldset>
<label for="availability">${esc(t("form.availability"))}</label><p id="availability-hint" class="hint">${esc(t("form.availabilityHint"))}</p><input id="availability" name="availability" type="text" value="${v("availability")}"${described("availability", true)}>
<label for="languages">${esc(t("form.languages"))}</label><input id="languages" name="languages" type="text" value="${v("languages")}">
<label for="note">${esc(t("form.note"))}</label><textarea id="note" name="note" rows="3">${v("note")}</textarea>
<label style="display:flex;align-items:flex-start;gap:.5rem;margin-top:1.25rem"><input type="checkbox" name="agree" value="on" style="width:1.25rem;min-height:0;margin:.3rem 0 0"${values.agree === "on" ? " checked" : ""}${described("agree")}> <span>${esc(t("consentText"))}</span></label>${error("agree")}
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">${esc(t("form.send"))}</button></form>`;
}
