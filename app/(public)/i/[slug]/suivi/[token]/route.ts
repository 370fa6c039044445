import { followIdea } from "@/lib/ideas/public-page";
import {
  esc,
  htmlResponse,
  ideasTranslator,
  languageLinks,
  publicLocale,
  publicNotFound,
  listenControl,
  nonceOf,
  partnersHtml,
} from "@/lib/ideas/public-html";
import { pictogram } from "@/lib/ideas/pictograms";
import { publicWords } from "@/lib/ideas/translations";

// The private link given after posting: where the idea is, and the council's answer. Plain HTML.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; token: string }> },
) {
  const { slug, token } = await params;
  const locale = publicLocale(request);
  const idea = await followIdea(slug, token);
  if (!idea) return publicNotFound(locale);
  const words = await publicWords(idea.cooperativeId, locale);
  const t = ideasTranslator(words);
  const posted = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: process.env.PORTAIL_TIME_ZONE ?? "Europe/Paris",
  }).format(idea.createdAt);
  const answer = idea.answer
    ? `<div class="box"><p class="answer" style="margin:0">${pictogram("answer")}${esc(t("councilAnswer"))} : ${esc(t(`answers.${idea.answer.kind}`))}</p>${
        idea.mergedInto
          ? `<p style="margin:0">${esc(t("mergedInto", { text: idea.mergedInto.text }))}</p>`
          : ""
      }${idea.answer.text ? `<p style="margin:0;white-space:pre-line">${esc(idea.answer.text)}</p>` : ""}${partnersHtml(t("partnersTitle"), idea.answer.partners)}</div>`
    : "";
  const body = `${languageLinks(words, `/i/${slug}/suivi/${token}`)}<h1>${pictogram("idea")}${esc(t("followTitle"))}</h1>${listenControl(words, nonceOf(request))}<blockquote>${esc(idea.text)}</blockquote>
<p class="hint">${esc(t("postedOn", { date: posted }))}</p><p style="font-weight:700;font-size:1.1rem">${esc(t(`stages.${idea.stage}`))}</p>${answer}
<p><a class="link" href="/i/${esc(slug)}">${esc(t("anotherIdea"))}</a></p>`;
  return htmlResponse({ locale, title: t("followTitle"), body, robots: false });
}
