import { nextCouncilDate, publicCooperative } from "@/lib/ideas/public-page";
import { pictogram } from "@/lib/ideas/pictograms";
import {
  esc,
  htmlResponse,
  ideasTranslator,
  languageLinks,
  publicLocale,
  publicNotFound,
  listenControl,
  nonceOf,
} from "@/lib/ideas/public-html";
import { tokenId } from "@/lib/links/keyed-token";
import { publicWords } from "@/lib/ideas/translations";
import { siteUrl } from "@/lib/site-url";

// After posting an idea: thanks, and the private link to follow it, named for what it is (its
// address shown under it, to copy or write down). Plain HTML, like the idea page.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = ideasTranslator(words);
  const token = new URL(request.url).searchParams.get("suivi");
  const follow = token && tokenId(token) !== null ? `/i/${coop.slug}/suivi/${token}` : null;
  // When the answer comes: after the council's next meeting, named by its date.
  const next = await nextCouncilDate(coop.id);
  const when = next
    ? `<p>${esc(
        t("thanksWhen", {
          date: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
            weekday: "long",
            day: "numeric",
            month: "long",
            timeZone: process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris",
          }).format(next),
        }),
      )}</p>`
    : "";
  const here = `/i/${coop.slug}/merci${token ? `?suivi=${encodeURIComponent(token)}` : ""}`;
  const body = `${languageLinks(words, here)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${pictogram("idea")}${esc(t("thanksTitle"))}</h1><p>${esc(t("thanksText"))}</p>${when}${listenControl(words, nonceOf(request))}
${
  follow
    ? `<div class="box"><p style="margin:0">${esc(t("followHelp"))}</p><p style="margin:0"><a class="link" href="${esc(follow)}">${esc(t("followLink"))}</a></p><p class="address">${esc(siteUrl() + follow)}</p></div>`
    : ""
}
<p><a class="link" href="/i/${esc(coop.slug)}">${esc(t("anotherIdea"))}</a></p>`;
  return htmlResponse({
    locale,
    title: `${t("thanksTitle")} · ${coop.shortName ?? coop.name}`,
    body,
    robots: false,
  });
}
