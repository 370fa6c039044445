import { z } from "zod";
import { getActor, getSession } from "@/lib/auth/session";
import { castBallot, castOwnBallot } from "@/lib/votes/cast";
import { CHOICES } from "@/lib/votes/schema";

const bodySchema = z.object({ choice: z.enum(CHOICES), forMemberId: z.string().min(1).max(40).nullable().default(null) });

// The ballot box: what the voting page posts (and what `npm run bench:ballots` measures). Every
// rule is checked by the cast functions; the answer is a reason, never a 500. One's own vote takes
// the two-statement path; a proxy holder's vote for someone else the general one.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return Response.json({ error: "signedOut" }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "choiceRequired" }, { status: 400 });
  const { id } = await params;
  if (id.length > 40) return Response.json({ error: "notFound" }, { status: 404 });
  const { choice, forMemberId } = parsed.data;
  let result;
  if (forMemberId) {
    const actor = await getActor();
    result = actor ? await castBallot(actor, id, choice, forMemberId) : ({ ok: false, reason: "signedOut" } as const);
  } else {
    result = await castOwnBallot(session.personId, session.preferredCooperativeId, id, choice);
  }
  if (result.ok) return Response.json({ receipt: result.receipt, changed: result.changed });
  const status = result.reason === "signedOut" ? 401 : result.reason === "notFound" ? 404 : result.reason === "alreadyVoted" ? 409 : 403;
  return Response.json({ error: result.reason }, { status });
}
