import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { eventFacts, eventsTranslator, signupForm } from "@/lib/events/public-html";
import { publicSignupSchema } from "@/lib/events/schema";
import { publicEvent, publicSignUp } from "@/lib/events/service";
import { placesLeft } from "@/lib/events/schema";
import { isId } from "@/lib/action-input";
import { formValues } from "@/lib/form-result";
import { readForm } from "@/lib/http-body";
import { resolvedAddress } from "@/lib/net/client-address";
import type { PublicLocale } from "@/lib/i18n/public-locales";

type Params = { params: Promise<{ slug: string; id: string }> };

// One public event: what, when, where, the places left, and the form to sign up (a name and an
// e-mail or a phone), without an account and without JavaScript.
async function page(
  { slug, id, locale }: { slug: string; id: string; locale: PublicLocale },
  view: { values: Record<string, string>; errors: Record<string, string>; formError: string | null },
  status = 200,
) {
  const coop = await publicCooperative(slug);
  const event = coop && isId(id) ? await publicEvent(coop.id, id) : null;
  if (!coop || !event) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = eventsTranslator(words);
  const path = `/i/${coop.slug}/evenements/${event.id}`;
  const full = placesLeft(event.capacity, event.taken) === 0;
  const body = `${languageLinks(words, path)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1 lang="fr">${esc(event.title)}</h1>${eventFacts(words, event)}${
    event.description ? `<blockquote lang="fr">${esc(event.description)}</blockquote>` : ""
  }<p><a class="link" href="${esc(path)}/ics">${esc(t("public.ics"))}</a></p>${
    full && !view.formError
      ? `<p class="box" role="status">${esc(t("public.fullText"))}</p>`
      : signupForm({ words, action: `${path}?lang=${locale}`, ...view })
  }<p><a class="link" href="/i/${esc(coop.slug)}/evenements">${esc(t("public.back"))}</a></p>`;
  return htmlResponse({ locale, title: `${event.title} · ${coop.shortName ?? coop.name}`, body }, status);
}

export async function GET(request: Request, { params }: Params) {
  const { slug, id } = await params;
  return page({ slug, id, locale: publicLocale(request) }, { values: {}, errors: {}, formError: null });
}

export async function POST(request: Request, { params }: Params) {
  const { slug, id } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  if (!coop || !isId(id)) return publicNotFound(locale);
  const read = await readForm(request, 16_000);
  if (read === "tooLarge") return new Response("Trop long / too long", { status: 413 });
  const given = read ? formValues(read) : {};
  const values: Record<string, string> = {};
  for (const key of ["name", "email", "phone"]) values[key] = (given[key] ?? "").slice(0, 2_000);
  const thanks = `/i/${coop.slug}/evenements/merci?e=${encodeURIComponent(id)}`;
  // A filled honeypot (a field people never see): the same thanks, nothing stored.
  if (given.website) return new Response(null, { status: 303, headers: { location: thanks } });
  const parsed = publicSignupSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? "name")] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "form";
    return page({ slug, id, locale }, { values, errors, formError: "form" }, 400);
  }
  const result = await publicSignUp({
    cooperative: coop,
    eventId: id,
    input: parsed.data,
    address: resolvedAddress(request.headers.get("x-forwarded-for")),
    locale,
  });
  if (!result.ok) {
    if (result.error === "notFound") return publicNotFound(locale);
    const status =
      result.error === "rateLimited" || result.error === "busy" ? 429 : result.error === "full" ? 409 : 403;
    return page({ slug, id, locale }, { values, errors: {}, formError: result.error }, status);
  }
  // Signed up now, or already with this contact: the same page (nothing tells a stranger that
  // someone else signed up), the link only to who just did.
  const location = result.data.cancel
    ? `${thanks}&annuler=${encodeURIComponent(result.data.cancel)}`
    : thanks;
  return new Response(null, { status: 303, headers: { location } });
}
