import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { eventFacts, eventsTranslator } from "@/lib/events/public-html";
import { publicEvent, signupByToken } from "@/lib/events/service";
import { isId } from "@/lib/action-input";
import { tokenId } from "@/lib/links/keyed-token";

// After signing up: what for, when, and the one link that frees the place.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = eventsTranslator(words);
  const url = new URL(request.url);
  const id = url.searchParams.get("e");
  const event = id && isId(id) ? await publicEvent(coop.id, id) : null;
  const token = url.searchParams.get("annuler");
  const link = token && tokenId(token) ? `/i/${coop.slug}/evenements/annuler/${token}` : null;
  // Who just signed up (their own link) sees the video link.
  const signup = event && token && tokenId(token) ? await signupByToken(coop.slug, token) : null;
  const theirs = signup?.event.id === event?.id;
  const here = `/i/${coop.slug}/evenements/merci${url.search.replace(/([?&])lang=[a-z]{2}&?/, "$1").replace(/[?&]$/, "")}`;
  const body = `${languageLinks(words, here)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(t("public.thanksTitle"))}</h1>${
    event
      ? `<p role="status">${esc(t("public.thanksText", { title: event.title }))}</p>${eventFacts(words, event, { video: theirs })}<p><a class="link" href="/i/${esc(coop.slug)}/evenements/${esc(event.id)}/ics">${esc(t("public.ics"))}</a></p>`
      : ""
  }<p>${esc(t("public.thanksMail"))}</p><p>${esc(t("public.alreadyNote"))}</p>${
    link
      ? `<div class="box"><p style="margin:0">${esc(t("public.cancelHelp"))}</p><p style="margin:0"><a class="link" href="${esc(link)}">${esc(t("public.cancelLink"))}</a></p></div>`
      : ""
  }<p><a class="link" href="/i/${esc(coop.slug)}/evenements">${esc(t("public.back"))}</a></p>`;
  return htmlResponse({
    locale,
    title: `${t("public.thanksTitle")} · ${coop.shortName ?? coop.name}`,
    body,
    robots: false,
  });
}
