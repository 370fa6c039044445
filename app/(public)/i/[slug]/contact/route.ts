import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, languageLinks, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { contactForm, contactsTranslator } from "@/lib/contacts/public-html";
import { consentSchema } from "@/lib/contacts/schema";
import { consentFromPublicPage } from "@/lib/contacts/service";
import { formValues } from "@/lib/form-result";
import { readForm } from "@/lib/http-body";
import { resolvedAddress } from "@/lib/net/client-address";
import { tokenId } from "@/lib/links/keyed-token";
import type { PublicLocale } from "@/lib/i18n/public-locales";

// « Vous voulez bien qu'on vous appelle ? »: an inhabitant joins the list of people to contact,
// without an account; explicit consent (a box to tick, its words stored), withdrawn by one link.
async function page(
  { slug, locale }: { slug: string; locale: PublicLocale },
  view: { values: Record<string, string>; errors: Record<string, string>; formError: string | null },
  status = 200,
) {
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const words = await publicWords(coop.id, locale);
  const t = contactsTranslator(words);
  const body = `${languageLinks(words, `/i/${coop.slug}/contact`)}<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(t("publicTitle"))}</h1><p>${esc(t("publicIntro"))}</p>${contactForm({ words, slug: coop.slug, ...view })}`;
  return htmlResponse(
    { locale, title: `${t("publicTitle")} · ${coop.shortName ?? coop.name}`, body, robots: false },
    status,
  );
}

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return page({ slug, locale: publicLocale(request) }, { values: {}, errors: {}, formError: null });
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = publicLocale(request);
  const read = await readForm(request, 32_000);
  if (read === "tooLarge") return new Response("Trop long / too long", { status: 413 });
  const given = read ? formValues(read) : {};
  const values: Record<string, string> = {};
  for (const key of [
    "name",
    "phone",
    "email",
    "purposes",
    "channels",
    "availability",
    "languages",
    "note",
    "agree",
  ])
    values[key] = (given[key] ?? "").slice(0, 2_000);
  // A filled honeypot (a field people never see): the same thanks, nothing stored.
  if (given.website)
    return new Response(null, { status: 303, headers: { location: `/i/${slug}/contact/merci` } });
  const parsed = consentSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? "name")] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "form";
    return page({ slug, locale }, { values, errors, formError: "form" }, 400);
  }
  const address = resolvedAddress(request.headers.get("x-forwarded-for"));
  const result = await consentFromPublicPage({ slug, input: parsed.data, address, locale });
  if (!result.ok) {
    if (result.error === "notFound") return publicNotFound(locale);
    return page(
      { slug, locale },
      { values, errors: {}, formError: result.error },
      result.error === "rateLimited" ? 429 : 403,
    );
  }
  const token = result.data.withdrawal.split("/").at(-1)!;
  const thanks = `/i/${slug}/contact/merci?retrait=${tokenId(token) ? encodeURIComponent(token) : ""}`;
  return new Response(null, { status: 303, headers: { location: thanks } });
}
