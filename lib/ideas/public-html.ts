import { createTranslator } from "next-intl";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";

// The public idea path as plain HTML: the idea page, its thanks page and the follow page, for a
// cheap phone on a slow connection. A few lines of CSS, no JavaScript at all, nothing left open
// in the background. (Next.js does not let a route render React to a string, hence templates.)

export const PUBLIC_MESSAGES = { fr, en } as const;

export function publicLocale(request: Request): Locale {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) return asked;
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(request.headers.get("cookie") ?? "")?.[1];
  return isLocale(cookie) ? cookie : negotiateLocale(request.headers.get("accept-language"));
}

export const PUBLIC_CSS = `*{box-sizing:border-box}body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}
.coop{color:#185a42;font-weight:700;margin:0}.lang{text-align:right;margin:0}.lang a{display:inline-block;min-height:44px;padding:.6rem .75rem;color:#185a42}
label{display:block;font-weight:600;margin-top:1rem}.hint{margin:.1rem 0 .25rem;color:#57534e;font-size:.95rem}
input,select,textarea{display:block;width:100%;min-height:48px;margin-top:.25rem;padding:.6rem .75rem;font:inherit;border:2px solid #78716c;border-radius:.5rem;background:#fff;color:inherit}
textarea{min-height:8rem}[aria-invalid=true]{border-color:#b91c1c}.error{color:#b91c1c;font-weight:600;margin:.25rem 0 0}
.alert{border:2px solid #b91c1c;background:#fef2f2;border-radius:.5rem;padding:.75rem;margin:1rem 0;font-weight:600}
button{display:block;width:100%;min-height:56px;margin-top:1.5rem;border:0;border-radius:.5rem;background:#185a42;color:#fff;font:inherit;font-size:1.15rem;font-weight:700}
button:focus,input:focus,select:focus,textarea:focus,a:focus{outline:3px solid #b45309;outline-offset:2px}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}ul{list-style:none;padding:0}li{background:#fff;border:1px solid #e7e5e4;border-radius:.5rem;padding:.75rem;margin:.5rem 0}
.answer{font-weight:700;margin:.25rem 0 0}.box{border:2px solid #185a42;background:#ecfdf5;border-radius:.5rem;padding:.75rem;margin:1rem 0}
.link{display:inline-block;min-height:44px;padding:.6rem 0;color:#185a42;font-weight:700}.address{word-break:break-all;font-size:.9rem;color:#44403c}
blockquote{margin:1rem 0;padding-left:.75rem;border-left:4px solid #d6d3d1;white-space:pre-line}`;

// Every text that comes from people or the translations goes through esc().
export const esc = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export function ideasTranslator(locale: Locale) {
  return createTranslator({ locale, messages: PUBLIC_MESSAGES[locale], namespace: "ideas" });
}

// A whole page: its title, its body (already escaped), in the reader's language, remembered.
export function htmlResponse(
  { locale, title, body, robots = true }: { locale: Locale; title: string; body: string; robots?: boolean },
  status = 200,
): Response {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${robots ? "" : '<meta name="robots" content="noindex">'}
<title>${esc(title)}</title><style>${PUBLIC_CSS}</style></head><body><main id="contenu">${body}</main></body></html>`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  headers.append("set-cookie", `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return new Response(html, { status, headers });
}

export function publicNotFound(locale: Locale) {
  const t = createTranslator({ locale, messages: PUBLIC_MESSAGES[locale], namespace: "notFound" });
  return new Response(
    `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>404</title><h1>${esc(t("title"))}</h1>`,
    { status: 404, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}
