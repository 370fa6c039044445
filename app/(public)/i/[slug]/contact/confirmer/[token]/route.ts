import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { contactsTranslator } from "@/lib/contacts/public-html";
import { confirmByToken, consentByToken } from "@/lib/contacts/service";
import type { PublicLocale } from "@/lib/i18n/public-locales";

// The two-year question's « yes »: opening the link asks, the button confirms (a mail scanner
// following links confirms nobody).
async function answer(
  { slug, token, locale }: { slug: string; token: string; locale: PublicLocale },
  done: boolean,
  wasFirst?: boolean,
) {
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const t = contactsTranslator(await publicWords(coop.id, locale));
  const row = await consentByToken(coop.slug, token);
  // A new address from the public page is confirmed; an old agreement is renewed.
  const first = wasFirst ?? (row?.source === "PUBLIC_FORM" && !row.emailConfirmedAt && !row.confirmAskedAt);
  const title = first ? t("verifyTitle") : t("confirmTitle");
  if (!row || row.withdrawnAt)
    return htmlResponse(
      { locale, title, body: `<h1>${esc(title)}</h1><p>${esc(t("invalidLink"))}</p>`, robots: false },
      404,
    );
  const body = done
    ? `<h1>${esc(title)}</h1><p role="status">${esc(first ? t("verifiedText") : t("confirmedText"))}</p>`
    : `<h1>${esc(title)}</h1><p>${esc(first ? t("verifyQuestion") : t("confirmQuestion"))}</p><form method="post"><button type="submit">${esc(first ? t("verifyButton") : t("confirmButton"))}</button></form>`;
  return htmlResponse({
    locale,
    title,
    body: `<p class="coop">${esc(coop.shortName ?? coop.name)}</p>${body}`,
    robots: false,
  });
}

export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; token: string }> },
) {
  const { slug, token } = await params;
  return answer({ slug, token, locale: publicLocale(request) }, false);
}

export async function POST(
  request: Request,
  { params }: { params: Promise<{ slug: string; token: string }> },
) {
  const { slug, token } = await params;
  const before = await consentByToken(slug, token);
  const first = before?.source === "PUBLIC_FORM" && !before.emailConfirmedAt && !before.confirmAskedAt;
  const done = await confirmByToken(slug, token);
  return answer({ slug, token, locale: publicLocale(request) }, done, first);
}
