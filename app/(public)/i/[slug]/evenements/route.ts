import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { eventFacts, eventsTranslator } from "@/lib/events/public-html";
import { publicEvents } from "@/lib/events/service";

// « Nos prochains événements »: the cooperative's public events, each with its page to sign up
// without an account. Plain HTML.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = eventsTranslator(words);
  const events = await publicEvents(coop.id);
  const items = events
    .map(
      (e) =>
        `<li><h2 style="margin:0 0 .25rem" lang="fr"><a class="link" style="padding:0" href="/i/${esc(coop.slug)}/evenements/${esc(e.id)}">${esc(e.title)}</a></h2>${eventFacts(words, e)}<a class="link" href="/i/${esc(coop.slug)}/evenements/${esc(e.id)}">${esc(t("public.more"))}</a></li>`,
    )
    .join("");
  const body = `${languageLinks(words, `/i/${coop.slug}/evenements`)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(t("public.listTitle"))}</h1><p>${esc(t("public.listIntro"))}</p>${
    items ? `<ul>${items}</ul>` : `<p>${esc(t("public.none"))}</p>`
  }<p><a class="link" href="/i/${esc(coop.slug)}/contact">${esc(t("public.contactInvite"))}</a></p>`;
  return htmlResponse({ locale, title: `${t("public.listTitle")} · ${coop.shortName ?? coop.name}`, body });
}
