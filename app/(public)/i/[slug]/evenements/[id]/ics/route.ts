import { publicCooperative } from "@/lib/ideas/public-page";
import { publicEvent, eventIcs, publicEventPath } from "@/lib/events/service";
import { isId } from "@/lib/action-input";
import { siteUrl } from "@/lib/site-url";
import { publicLocale, publicNotFound } from "@/lib/ideas/public-html";
import { publicWords } from "@/lib/ideas/translations";
import { eventsTranslator } from "@/lib/events/public-html";

// A public event in anyone's calendar program.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const locale = publicLocale(request);
  const coop = await publicCooperative(slug);
  const event = coop && isId(id) ? await publicEvent(coop.id, id) : null;
  if (!coop || !event) return publicNotFound(locale);
  const t = eventsTranslator(await publicWords(coop.id, locale));
  // The video link is the sign-up's (its confirmation), not the public calendar's.
  const file = eventIcs(
    { ...event, videoUrl: null },
    {
      url: `${siteUrl()}${publicEventPath(coop.slug, event.id)}`,
      video: (url) => `${t("video")} ${url}`,
    },
  );
  return new Response(file.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
