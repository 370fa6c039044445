import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { castBallot } from "@/lib/votes/cast";
import { CHOICES } from "@/lib/votes/schema";

const bodySchema = z.object({ choice: z.enum(CHOICES), forMemberId: z.string().min(1).max(40).nullable().default(null) });

// The ballot box: what the voting page posts (and what `npm run bench:ballots` measures). Every
// rule is checked by castBallot; the answer is a reason, never a 500.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "choiceRequired" }, { status: 400 });
  const { id } = await params;
  if (id.length > 40) return Response.json({ error: "notFound" }, { status: 404 });
  const result = await castBallot(actor, id, parsed.data.choice, parsed.data.forMemberId);
  if (result.ok) return Response.json({ receipt: result.receipt, changed: result.changed });
  const status = result.reason === "notFound" ? 404 : result.reason === "alreadyVoted" ? 409 : 403;
  return Response.json({ error: result.reason }, { status });
}
