import { createTranslator } from "next-intl";
import { ICON_URL } from "@/lib/icon";
import { pictogram } from "@/lib/ideas/pictograms";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/config";
import {
  directionOf,
  isPublicLocale,
  LANGUAGE_NAMES,
  machineTranslated,
  PUBLIC_LOCALES,
  publicMessages,
  type PublicLocale,
  type PublicWords,
} from "@/lib/i18n/public-locales";

// The public idea path as plain HTML: the idea page, its thanks page and the follow page, for a
// cheap phone on a slow connection. A few lines of CSS, no JavaScript at all, nothing left open
// in the background. (Next.js does not let a route render React to a string, hence templates.)

// The language asked in the address (?lang=ar), else the one chosen before (its cookie), else
// the browser's among the public languages, else French.
export function publicLocale(request: Request): PublicLocale {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  if (isPublicLocale(asked)) return asked;
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (isPublicLocale(cookie)) return cookie;
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => isPublicLocale(code) && code !== "en");
  return accepted && isPublicLocale(accepted) && accepted !== "fr"
    ? accepted
    : negotiateLocale(request.headers.get("accept-language"));
}

export const PUBLIC_CSS = `*{box-sizing:border-box}body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}
.coop{color:#185a42;font-weight:700;margin:0}.lang{text-align:end;margin:0;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem}.lang a{display:inline-block;min-height:44px;padding:.6rem .75rem;color:#185a42}.mt{font-size:.85rem;color:#57534e;margin:.25rem 0}
label{display:block;font-weight:600;margin-top:1rem}.hint{margin:.1rem 0 .25rem;color:#57534e;font-size:.95rem}
input,select,textarea{display:block;width:100%;min-height:48px;margin-top:.25rem;padding:.6rem .75rem;font:inherit;border:2px solid #78716c;border-radius:.5rem;background:#fff;color:inherit}
textarea{min-height:8rem}[aria-invalid=true]{border-color:#b91c1c}.error{color:#b91c1c;font-weight:600;margin:.25rem 0 0}
.alert{border:2px solid #b91c1c;background:#fef2f2;border-radius:.5rem;padding:.75rem;margin:1rem 0;font-weight:600}
button{display:block;width:100%;min-height:56px;margin-top:1.5rem;border:0;border-radius:.5rem;background:#185a42;color:#fff;font:inherit;font-size:1.15rem;font-weight:700}
button:focus,input:focus,select:focus,textarea:focus,a:focus{outline:3px solid #b45309;outline-offset:2px}
.hp{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}ul{list-style:none;padding:0}li{background:#fff;border:1px solid #e7e5e4;border-radius:.5rem;padding:.75rem;margin:.5rem 0}
.answer{font-weight:700;margin:.25rem 0 0}.box{border:2px solid #185a42;background:#ecfdf5;border-radius:.5rem;padding:.75rem;margin:1rem 0}
.link{display:inline-block;min-height:44px;padding:.6rem 0;color:#185a42;font-weight:700}.address{word-break:break-all;font-size:.9rem;color:#44403c}
blockquote{margin:1rem 0;padding-inline-start:.75rem;border-inline-start:4px solid #d6d3d1;white-space:pre-line}
.pict{vertical-align:middle;margin-inline-end:.4rem;flex:none}h1 .pict,h2 .pict{color:#185a42}button .pict{margin-inline-end:.5rem}
button.listen{display:inline-flex;align-items:center;width:auto;min-height:44px;margin:.5rem 0 0;padding:.5rem .9rem;background:#fff;color:#185a42;border:2px solid #185a42;font-size:1rem}`;

// The booklet's addresses an answer points to, for the public pages (escaped here).
export function partnersHtml(
  title: string,
  partners: { name: string; address: string | null; hoursText: string | null; phone: string | null }[],
): string {
  if (!partners.length) return "";
  const items = partners
    .map((p) => {
      const tel = p.phone?.replace(/[^\d+]/g, "");
      const facts = [p.address, p.hoursText]
        .filter(Boolean)
        .map((x) => esc(x!))
        .join(" · ");
      return `<li lang="fr" style="margin:.25rem 0;padding:.5rem"><strong>${esc(p.name)}</strong>${facts ? `<br>${facts}` : ""}${tel ? `<br><a class="link" href="tel:${esc(tel)}">${esc(p.phone!)}</a>` : ""}</li>`;
    })
    .join("");
  return `<p style="margin:.5rem 0 0;font-weight:700">${esc(title)}</p><ul style="margin:0">${items}</ul>`;
}

// Every text that comes from people or the translations goes through esc().
export const esc = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

// The words of one cooperative's public path (lib/ideas/translations.ts publicWords).
export function ideasTranslator({ locale, messages }: PublicWords) {
  return createTranslator({ locale: locale as "fr", messages, namespace: "ideas" });
}

export function errorsTranslator({ locale, messages }: PublicWords) {
  return createTranslator({ locale: locale as "fr", messages, namespace: "errors" });
}

// The other languages, each in its own name and direction, keeping the page (`path`).
export function languageLinks({ locale, messages }: PublicWords, path: string): string {
  const links = PUBLIC_LOCALES.filter((l) => l !== locale)
    .map(
      (l) =>
        `<a href="${esc(path)}${path.includes("?") ? "&" : "?"}lang=${l}" lang="${l}" hreflang="${l}" dir="${directionOf(l)}">${esc(LANGUAGE_NAMES[l])}</a>`,
    )
    .join("");
  const note = machineTranslated(locale) ? `<p class="mt">${esc(messages.ideas.machineTranslated)}</p>` : "";
  return `<nav class="lang" aria-label="${esc(messages.ideas.languages)}">${pictogram("language")}${links}</nav>${note}`;
}

// A whole page: its title, its body (already escaped), in the reader's language, remembered.
export function htmlResponse(
  {
    locale,
    title,
    body,
    robots = true,
  }: { locale: PublicLocale; title: string; body: string; robots?: boolean },
  status = 200,
): Response {
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${robots ? "" : '<meta name="robots" content="noindex">'}
<title>${esc(title)}</title><link rel="icon" type="image/svg+xml" href="${ICON_URL}"><style>${PUBLIC_CSS}</style></head><body><main id="contenu">${body}</main></body></html>`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  headers.append("set-cookie", `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return new Response(html, { status, headers });
}

export function publicNotFound(locale: PublicLocale) {
  const t = createTranslator({
    locale: locale as "fr",
    messages: publicMessages(locale),
    namespace: "notFound",
  });
  return new Response(
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>404</title><h1>${esc(t("title"))}</h1>`,
    { status: 404, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

// « Écouter »: the page read aloud by the browser's own speech synthesis, where it has one. The
// path's only script, small and optional: without it (or without speech) the button stays hidden
// and nothing else changes. It carries the page's nonce (lib/net/csp.ts), as every script must.
export function listenControl({ messages }: PublicWords, nonce: string | null): string {
  if (!nonce) return "";
  const label = esc(messages.ideas.listen);
  return `<button type="button" class="listen" id="ecouter" hidden>${pictogram("listen")}${label}</button><script nonce="${esc(nonce)}">(function(){var b=document.getElementById("ecouter");var s=window.speechSynthesis;if(!b||!s||typeof SpeechSynthesisUtterance==="undefined")return;b.hidden=false;b.addEventListener("click",function(){if(s.speaking){s.cancel();return}var u=new SpeechSynthesisUtterance(document.querySelector("main").innerText);u.lang=document.documentElement.lang;s.speak(u)})})();</script>`;
}

export function nonceOf(request: Request): string | null {
  const nonce = request.headers.get("x-nonce");
  return nonce && /^[A-Za-z0-9+/=]{8,200}$/.test(nonce) ? nonce : null;
}
