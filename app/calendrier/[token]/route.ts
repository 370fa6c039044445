import { feedForToken } from "@/lib/meetings/invitations";
import { feedIcs } from "@/lib/meetings/calendar";

// A member's personal feed: the secret token in the address is the only key.
export async function GET(_: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await feedForToken(token.replace(/\.ics$/, ""));
  if (!feed)
    return new Response("Calendrier introuvable / calendar not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(feedIcs(feed.meetings, feed.name), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" },
  });
}
