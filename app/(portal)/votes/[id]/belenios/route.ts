import { requireActor } from "@/lib/auth/session";
import { beleniosVoterLists } from "@/lib/votes/belenios";

// The electoral list of one college (or of the whole body) in Belenios's voter format, one
// « address,login,weight » line per voter: pasted into the Belenios election's voter list.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("vote.manage");
  const { id } = await params;
  const college = new URL(request.url).searchParams.get("college");
  const lists = id.length <= 40 ? await beleniosVoterLists(actor, id) : null;
  const list = lists?.find((l) => (college ? l.collegeId === college : l.collegeId === null));
  if (!list) return new Response("Introuvable / not found", { status: 404 });
  const name = `belenios-${actor.cooperativeSlug}-${list.collegeName ?? "votant-es"}`
    .normalize("NFD")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .toLowerCase();
  return new Response(list.lines.map((l) => `${l}\n`).join(""), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.txt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
