import { createTranslator } from "next-intl";
import { publicBooklet, matches } from "@/lib/booklet/service";
import { bookletFilter } from "@/lib/booklet/schema";
import { BOOKLET_THEMES } from "@/lib/booklet/rules";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";

// The booklet for the neighbourhood, when the cooperative publishes it: plain HTML like the idea
// page (no script), searchable by theme, language and « ouvert maintenant »; without the names of
// the team.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const booklet = await publicBooklet(slug);
  if (!booklet) return publicNotFound(locale);
  const words = await publicWords(booklet.cooperative.id, locale);
  const t = createTranslator({ locale: locale as "fr", messages: words.messages, namespace: "booklet" });
  const url = new URL(request.url);
  const filter = bookletFilter(Object.fromEntries(url.searchParams));
  const shown = booklet.entries.filter((e) => matches(e, filter));
  const option = (value: string, label: string, chosen: string | null) =>
    `<option value="${esc(value)}"${chosen === value ? " selected" : ""}>${esc(label)}</option>`;
  const entries = shown
    .map((e) => {
      const tel = e.phone?.replace(/[^\d+]/g, "");
      const facts = [
        e.openNow === true
          ? `<strong>${esc(t("open"))}</strong>`
          : e.openNow === false
            ? esc(t("closed"))
            : "",
        [e.address, e.place]
          .filter(Boolean)
          .map((x) => esc(x!))
          .join(", "),
        e.hoursText ? esc(e.hoursText) : "",
        e.languages.length ? esc(t("languages", { languages: e.languages.join(", ") })) : "",
        [
          e.walkIn ? t("walkIn") : "",
          e.wheelchair ? t("wheelchair") : "",
          e.childrenWelcome ? t("children") : "",
        ]
          .filter(Boolean)
          .map(esc)
          .join(" · "),
        e.cost ? esc(t("cost", { cost: e.cost })) : "",
      ].filter(Boolean);
      return `<li><h2 lang="fr" style="margin:0;font-size:1.15rem">${esc(e.name)}</h2>${e.description ? `<p lang="fr" style="margin:.25rem 0">${esc(e.description)}</p>` : ""}${facts.map((f) => `<p style="margin:.1rem 0">${f}</p>`).join("")}${tel ? `<p style="margin:0"><a class="link" href="tel:${esc(tel)}">${esc(t("call"))} ${esc(e.phone!)}</a></p>` : ""}</li>`;
    })
    .join("");
  const body = `${languageLinks(words, `/i/${booklet.cooperative.slug}/carnet`)}<p class="coop">${esc(booklet.cooperative.shortName ?? booklet.cooperative.name)}</p><h1>${esc(t("publicTitle"))}</h1><p>${esc(t("publicIntro"))}</p>
<form method="get" role="search" aria-label="${esc(t("search"))}">
<label for="theme">${esc(t("theme"))}</label><select id="theme" name="theme">${option("", t("anyTheme"), filter.theme ?? "")}${BOOKLET_THEMES.map((theme) => option(theme, t(`themes.${theme}`), filter.theme)).join("")}</select>
<label for="langue">${esc(t("language"))}</label><select id="langue" name="langue">${option("", t("anyLanguage"), filter.language ?? "")}${booklet.languages.map((l) => option(l, l, filter.language)).join("")}</select>
<label style="display:flex;align-items:center;gap:.5rem;min-height:44px"><input type="checkbox" name="ouvert" value="1" style="width:auto;min-height:0"${filter.openNow ? " checked" : ""}> ${esc(t("openNow"))}</label>
<button type="submit">${esc(t("search"))}</button></form>
<p role="status" style="font-weight:700">${esc(t("count", { count: shown.length, total: booklet.entries.length }))}</p><ul>${entries}</ul>`;
  return htmlResponse({
    locale,
    title: `${t("publicTitle")} · ${booklet.cooperative.shortName ?? booklet.cooperative.name}`,
    body,
  });
}
