import { notFound, redirect } from "next/navigation";
import { isId } from "@/lib/action-input";
import { requireActor } from "@/lib/auth/session";
import { decisionPage } from "@/lib/decisions/service";

type Props = { params: Promise<{ id: string }> };

// A decision's lasting address: the page of the record that lists it, scrolled to it. The record
// is newest first, 25 to a page, so an older decision moves to later pages as the council decides;
// links from the minutes, votes, texts, search and citing decisions point here, never to a page.
export default async function DecisionPlace({ params }: Props) {
  const actor = await requireActor("decision.read");
  const { id } = await params;
  // An address typed by hand that cannot be an id (a NUL byte, which PostgreSQL refuses) is none.
  const page = isId(id) ? await decisionPage(actor, id) : null;
  if (page === null) notFound();
  redirect(`/decisions${page > 1 ? `?page=${page}` : ""}#decision-${encodeURIComponent(id)}`);
}
