import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { contactsTranslator } from "@/lib/contacts/public-html";
import { tokenId } from "@/lib/links/keyed-token";

// After joining the list: thanks, and the one link that takes the person off it.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = contactsTranslator(words);
  const token = new URL(request.url).searchParams.get("retrait");
  const link = token && tokenId(token) ? `/i/${coop.slug}/contact/retrait/${token}` : null;
  const body = `${languageLinks(words, `/i/${coop.slug}/contact/merci${token ? `?retrait=${encodeURIComponent(token)}` : ""}`)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(t("thanksTitle"))}</h1><p>${esc(t("thanksText"))}</p><p>${esc(t("thanksCheckMail"))}</p>${
    link
      ? `<div class="box"><p style="margin:0">${esc(t("withdrawHelp"))}</p><p style="margin:0"><a class="link" href="${esc(link)}">${esc(t("withdrawLink"))}</a></p></div>`
      : ""
  }<p><a class="link" href="/i/${esc(coop.slug)}">${esc(words.messages.ideas.anotherIdea)}</a></p>`;
  return htmlResponse({
    locale,
    title: `${t("thanksTitle")} · ${coop.shortName ?? coop.name}`,
    body,
    robots: false,
  });
}
