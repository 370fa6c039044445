import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isId } from "@/lib/action-input";
import { eventFor, eventIcs, eventPath } from "@/lib/events/service";
import { siteUrl } from "@/lib/site-url";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { translator } from "@/lib/i18n/translator";

// The event in the member's calendar program.
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("event.read");
  const { id } = await params;
  const found = isId(id) ? await eventFor(actor, id) : null;
  if (!found) notFound();
  const t = translator(await readerLocale());
  const file = eventIcs(found.event, {
    url: `${siteUrl()}${eventPath(id)}`,
    video: (url) => `${t("events.video")} ${url}`,
  });
  return new Response(file.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
