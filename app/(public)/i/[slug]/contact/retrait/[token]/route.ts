import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { contactsTranslator } from "@/lib/contacts/public-html";
import { consentByToken, withdrawByToken } from "@/lib/contacts/service";
import type { PublicLocale } from "@/lib/i18n/public-locales";

// The one-click withdrawal of every message. Opening the link asks (a mail scanner that follows
// links withdraws nobody); the button withdraws, without signing in.
async function answer(
  { slug, token, locale }: { slug: string; token: string; locale: PublicLocale },
  done: boolean,
) {
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const t = contactsTranslator(await publicWords(coop.id, locale));
  const title = t("withdrawTitle");
  // Withdrawn: the row is gone, and so is anything to look up.
  if (done)
    return htmlResponse({
      locale,
      title,
      body: `<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(title)}</h1><p role="status">${esc(t("withdrawnText"))}</p>`,
      robots: false,
    });
  const row = await consentByToken(coop.slug, token);
  if (!row)
    return htmlResponse(
      { locale, title, body: `<h1>${esc(title)}</h1><p>${esc(t("invalidLink"))}</p>`, robots: false },
      404,
    );
  const body = row.withdrawnAt
    ? `<h1>${esc(title)}</h1><p role="status">${esc(t("withdrawnText"))}</p>`
    : `<h1>${esc(title)}</h1><p>${esc(t("withdrawConfirm"))}</p><form method="post"><button type="submit">${esc(t("withdrawButton"))}</button></form>`;
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
  const done = await withdrawByToken(slug, token);
  return answer({ slug, token, locale: publicLocale(request) }, done);
}
