import type { PublicLocale as Locale, PublicWords } from "@/lib/i18n/public-locales";
import { publicWords } from "@/lib/ideas/translations";
import {
  errorsTranslator,
  esc,
  htmlResponse,
  ideasTranslator,
  languageLinks,
  publicLocale as localeOf,
  publicNotFound as notFound,
  listenControl,
  partnersHtml,
  nonceOf,
} from "@/lib/ideas/public-html";
import { pictogram } from "@/lib/ideas/pictograms";
import { THEMES } from "@/lib/form-errors";
import { publicIdeaSchema } from "@/lib/ideas/schema";
import { formValues } from "@/lib/form-result";
import type { BoardIdea } from "@/lib/ideas/board";
import { postPublicIdea, publicAnswers, publicCooperative } from "@/lib/ideas/public-page";
import { readForm } from "@/lib/http-body";
import { resolvedAddress } from "@/lib/net/client-address";

// An idea of 2,000 characters and a few short fields, with room to spare.
const IDEA_BYTES = 64_000;

// The short link on the waiting-room poster: anyone posts an idea, without an account, from a
// cheap phone on a slow connection. Plain HTML and a few lines of CSS, no JavaScript at all
// (the portal's pages carry React and Next.js, about 200 kB): the form posts here, a mistake
// comes back with its message and what was typed, success goes on to the thanks page. (Next.js
// does not let a route render React to a string, hence the template below.)

type Values = { text?: string; theme?: string; name?: string; contact?: string };
type View = {
  locale: Locale;
  slug: string;
  coop: string;
  answers: BoardIdea[];
  words: PublicWords;
  values: Values;
  errors: Record<string, string>;
  formError: string | null;
  nonce: string | null;
};

function page({ locale, words, slug, coop, answers, values, errors, formError, nonce }: View): string {
  const t = ideasTranslator(words);
  const te = errorsTranslator(words);
  const attrs = (name: keyof Values, hint = false) =>
    `id="${name}" name="${name}"${errors[name] ? ` aria-invalid="true" aria-describedby="${name}-error"` : hint ? ` aria-describedby="${name}-hint"` : ""}`;
  const error = (name: string) =>
    errors[name] ? `<p id="${name}-error" class="error">${esc(te(errors[name] as "ideaRequired"))}</p>` : "";
  const v = (name: keyof Values) => esc(values[name] ?? "");
  const options = [
    `<option value="">${esc(t("noTheme"))}</option>`,
    ...THEMES.map(
      (theme) =>
        `<option value="${theme}"${values.theme === theme ? " selected" : ""}>${esc(t(`themes.${theme}`))}</option>`,
    ),
  ].join("");
  const list = answers.length
    ? `<section aria-labelledby="answers"><h2 id="answers">${pictogram("answer")}${esc(t("publicAnswers"))}</h2><ul>${answers
        .map(
          (idea) =>
            `<li><p style="margin:0">${esc(idea.text)}</p><p class="answer">${esc(t("councilAnswer"))} : ${esc(t(`answers.${idea.answer!.kind}` as "answers.ACCEPTED"))}</p>${idea.answer!.text ? `<p style="margin:0">${esc(idea.answer!.text)}</p>` : ""}${partnersHtml(t("partnersTitle"), idea.answer!.partners)}</li>`,
        )
        .join("")}</ul></section>`
    : "";
  return `${languageLinks(words, `/i/${slug}`)}
<p class="coop">${esc(coop)}</p><h1>${pictogram("idea")}${esc(t("publicTitle"))}</h1><p>${esc(t("publicIntro"))}</p><p>${esc(t("councilExplained"))}</p>${listenControl(words, nonce)}
${formError ? `<p class="alert" role="alert">${esc(t(`errors.${formError}` as "errors.form"))}</p>` : ""}
<form method="post" action="/i/${esc(slug)}?lang=${locale}" novalidate>
<label for="text">${esc(t("yourIdea"))}</label><textarea ${attrs("text")} rows="5">${v("text")}</textarea>${error("text")}
<label for="theme">${esc(t("themeOptional"))}</label><select ${attrs("theme")}>${options}</select>
<label for="name">${esc(t("nameOptional"))}</label><p id="name-hint" class="hint">${esc(t("nameHint"))}</p><input ${attrs("name", true)} type="text" autocomplete="name" value="${v("name")}">${error("name")}
<label for="contact">${esc(t("contactOptional"))}</label><p id="contact-hint" class="hint">${esc(t("contactHint"))}</p><input ${attrs("contact", true)} type="text" autocomplete="email" inputmode="email" value="${v("contact")}">${error("contact")}
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">${pictogram("send")}${esc(t("send"))}</button></form>${list}
<p><a class="link" href="/i/${esc(slug)}/evenements">${esc(words.messages.events.public.listTitle)}</a></p>
<p><a class="link" href="/i/${esc(slug)}/contact">${esc(words.messages.contacts.publicLink)}</a></p>`;
}

async function render(
  view: Omit<View, "answers" | "coop" | "words"> & { coopId: string; coop: string },
  status = 200,
) {
  const [answers, words] = await Promise.all([
    publicAnswers(view.coopId),
    publicWords(view.coopId, view.locale),
  ]);
  const t = ideasTranslator(words);
  return htmlResponse(
    { locale: view.locale, title: `${t("title")} · ${view.coop}`, body: page({ ...view, answers, words }) },
    status,
  );
}

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = localeOf(request);
  const coop = await publicCooperative(slug);
  if (!coop) return notFound(locale);
  return render({
    locale,
    slug: coop.slug,
    coopId: coop.id,
    coop: coop.shortName ?? coop.name,
    values: {},
    errors: {},
    formError: null,
    nonce: nonceOf(request),
  });
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = localeOf(request);
  const coop = await publicCooperative(slug);
  if (!coop) return notFound(locale);
  const read = await readForm(request, IDEA_BYTES);
  if (read === "tooLarge") return new Response("Trop long / too long", { status: 413 });
  const form = read;
  const given = form ? formValues(form) : {};
  const values: Record<string, string> = {};
  for (const key of ["text", "theme", "name", "contact", "website"])
    values[key] = (given[key] ?? "").slice(0, 10_000);
  const base = {
    locale,
    slug: coop.slug,
    coopId: coop.id,
    coop: coop.shortName ?? coop.name,
    values,
    nonce: nonceOf(request),
  };
  const parsed = publicIdeaSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "text")] ??= issue.message;
    return render({ ...base, errors, formError: "form" }, 400);
  }
  // The client's address as our server resolved it (socket, or TRUSTED_PROXIES).
  const address = resolvedAddress(request.headers.get("x-forwarded-for"));
  const result = await postPublicIdea({ slug: coop.slug, input: parsed.data, address, locale });
  if (!result.ok)
    return render(
      { ...base, errors: {}, formError: result.error },
      result.error === "rateLimited" ? 429 : result.error === "suspended" ? 403 : 400,
    );
  const thanks = new URL(
    `/i/${coop.slug}/merci${result.data.followToken ? `?suivi=${result.data.followToken}` : ""}`,
    request.url,
  );
  return new Response(null, { status: 303, headers: { location: thanks.pathname + thanks.search } });
}
