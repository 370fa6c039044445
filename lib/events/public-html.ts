import { createTranslator } from "next-intl";
import type { PublicWords } from "@/lib/i18n/public-locales";
import { esc } from "@/lib/ideas/public-html";
import { placesLeft } from "@/lib/events/schema";
import { eventWhen } from "@/lib/events/when";

// The public events' pages: plain HTML like the idea page (no script). A mistake comes back with
// its message and what was typed.
export function eventsTranslator({ locale, messages }: PublicWords) {
  return createTranslator({ locale: locale as "fr", messages, namespace: "events" });
}

export type PublicEvent = {
  id: string;
  kind: "CAFE" | "WEBINAR" | "VISIT" | "NETWORK" | "OTHER";
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  videoUrl: string | null;
  capacity: number | null;
  taken: number;
};

// What, when, where and the places left (the cooperative's words marked French).
// The video link is not shown to everyone: it is given to who signs up (the thanks page, the
// confirmation), so that the places of a webinar mean something and strangers do not drop in.
export function eventFacts(words: PublicWords, event: PublicEvent, { video = false } = {}): string {
  const t = eventsTranslator(words);
  const left = placesLeft(event.capacity, event.taken);
  return [
    `<p style="margin:0;color:#185a42;font-weight:700">${esc(t(`kinds.${event.kind}`))}</p>`,
    `<p style="margin:.25rem 0"><strong>${esc(t("when"))}</strong> ${esc(eventWhen(event, words.locale))}</p>`,
    event.place
      ? `<p style="margin:.25rem 0"><strong>${esc(t("where"))}</strong> <span lang="fr">${esc(event.place)}</span></p>`
      : "",
    event.videoUrl
      ? video
        ? `<p style="margin:.25rem 0" class="address"><strong>${esc(t("public.videoYours"))}</strong> <a class="link" style="padding:0" href="${esc(event.videoUrl)}" rel="noopener noreferrer">${esc(event.videoUrl)}</a></p>`
        : `<p style="margin:.25rem 0"><strong>${esc(t("video"))}</strong> ${esc(t("public.videoLater"))}</p>`
      : "",
    `<p style="margin:.25rem 0">${esc(
      left === null
        ? t("noLimit")
        : left === 0
          ? t("public.full")
          : t("public.placesLeft", { left: String(left), capacity: String(event.capacity) }),
    )}</p>`,
  ].join("");
}

export function signupForm({
  words,
  action,
  values,
  errors,
  formError,
}: {
  words: PublicWords;
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  formError: string | null;
}): string {
  const t = eventsTranslator(words);
  const te = (key: string) => {
    const own = `errors.${key}`;
    return t.has(own as "errors.form") ? t(own as "errors.form") : t("errors.form");
  };
  const v = (name: string) => esc(values[name] ?? "");
  const described = (name: string, hint = false) =>
    errors[name]
      ? ` aria-invalid="true" aria-describedby="${hint ? "reach-hint " : ""}${name}-error"`
      : hint
        ? ` aria-describedby="reach-hint"`
        : "";
  const error = (name: string) =>
    errors[name] ? `<p id="${name}-error" class="error">${esc(te(errors[name]!))}</p>` : "";
  return `<h2>${esc(t("public.signUpTitle"))}</h2>${formError ? `<p class="alert" role="alert">${esc(te(formError))}</p>` : ""}
<form method="post" action="${esc(action)}" novalidate>
<label for="name">${esc(t("public.name"))}</label><input id="name" name="name" type="text" autocomplete="name" value="${v("name")}"${described("name")}>${error("name")}
<p id="reach-hint" class="hint" style="margin-top:1rem">${esc(t("public.reachHint"))}</p>
<label for="email">${esc(t("public.email"))}</label><input id="email" name="email" type="email" autocomplete="email" value="${v("email")}"${described("email", true)}>${error("email")}
<label for="phone">${esc(t("public.phone"))}</label><input id="phone" name="phone" type="tel" autocomplete="tel" value="${v("phone")}"${described("phone", true)}>${error("phone")}
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">${esc(t("public.send"))}</button></form>`;
}
