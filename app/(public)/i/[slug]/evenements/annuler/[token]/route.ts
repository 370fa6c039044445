import { publicCooperative } from "@/lib/ideas/public-page";
import { esc, htmlResponse, publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { eventsTranslator } from "@/lib/events/public-html";
import { cancelByToken, signupByToken } from "@/lib/events/service";
import { isOver } from "@/lib/events/when";
import type { PublicLocale } from "@/lib/i18n/public-locales";

type Params = { params: Promise<{ slug: string; token: string }> };

// « Je ne viens plus »: opening the link asks (a mail scanner that follows links cancels
// nobody); the button frees the place, without signing in.
async function answer(
  { slug, token, locale }: { slug: string; token: string; locale: PublicLocale },
  done: boolean,
) {
  const coop = await publicCooperative(slug);
  if (!coop) return publicNotFound(locale);
  const t = eventsTranslator(await publicWords(coop.id, locale));
  const title = t("public.cancelTitle");
  const head = `<p class="coop">${esc(coop.shortName ?? coop.name)}</p><h1>${esc(title)}</h1>`;
  const back = `<p><a class="link" href="/i/${esc(coop.slug)}/evenements">${esc(t("public.back"))}</a></p>`;
  const say = (text: string, status = 200) =>
    htmlResponse(
      { locale, title, body: `${head}<p role="status">${esc(text)}</p>${back}`, robots: false },
      status,
    );
  if (done) return say(t("public.cancelDone"));
  const row = await signupByToken(coop.slug, token);
  if (!row) return say(t("public.cancelInvalid"), 404);
  if (row.event.cancelledAt) return say(t("public.cancelCancelled"));
  if (isOver(row.event, new Date())) return say(t("public.cancelOver"));
  return htmlResponse({
    locale,
    title,
    body: `${head}<p>${esc(t("public.cancelAsk", { title: row.event.title }))}</p><form method="post"><button type="submit">${esc(t("public.cancelButton"))}</button></form>${back}`,
    robots: false,
  });
}

export async function GET(request: Request, { params }: Params) {
  const { slug, token } = await params;
  return answer({ slug, token, locale: publicLocale(request) }, false);
}

export async function POST(request: Request, { params }: Params) {
  const { slug, token } = await params;
  const outcome = await cancelByToken(slug, token);
  return answer({ slug, token, locale: publicLocale(request) }, outcome === "done");
}
