import { z } from "zod";
import { getActor, getSession } from "@/lib/auth/session";
import { castBallot, castOwnBallot } from "@/lib/votes/cast";
import { CHOICES } from "@/lib/votes/schema";
import { readForm, readJson } from "@/lib/http-body";

// A ballot is a choice and perhaps a member id: a few hundred bytes.
const BALLOT_BYTES = 4_096;

const bodySchema = z.object({
  choice: z.enum(CHOICES),
  forMemberId: z.string().min(1).max(40).nullable().default(null),
});

// The ballot box: what the voting page posts (and what `npm run bench:ballots` measures). Every
// rule is checked by the cast functions; the answer is a reason, never a 500. One's own vote takes
// the two-statement path; a proxy holder's vote for someone else the general one. With
// JavaScript the page posts JSON and gets JSON; without, the browser posts the form and is sent
// back to the question's page (with the refusal, if any). No receipt travels: the page says the
// vote is recorded.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/.test(
    request.headers.get("content-type") ?? "",
  );
  const answer = (status: number, json: Record<string, unknown>) => {
    if (!isForm) return Response.json(json, { status });
    const back = new URLSearchParams();
    if (json.error) back.set("refus", String(json.error));
    const target =
      status === 401 ? "/connexion" : `/votes/${encodeURIComponent(id)}${back.size ? `?${back}` : ""}`;
    return new Response(null, { status: 303, headers: { location: target } });
  };
  // Who asks before what they send: a body is read only for someone signed in, and only so far.
  const session = await getSession();
  if (!session) return answer(401, { error: "signedOut" });
  const read = isForm ? await readForm(request, BALLOT_BYTES) : await readJson(request, BALLOT_BYTES);
  if (read === "tooLarge") return answer(413, { error: "tooLarge" });
  const body =
    read instanceof FormData
      ? { choice: read.get("choice"), forMemberId: read.get("forMemberId") || null }
      : read;
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return answer(400, { error: "choiceRequired" });
  if (id.length > 40) return answer(404, { error: "notFound" });
  const { choice, forMemberId } = parsed.data;
  let result;
  if (forMemberId) {
    const actor = await getActor();
    result = !actor
      ? ({ ok: false, reason: "signedOut" } as const)
      : actor.cooperativeSuspension !== null
        ? ({ ok: false, reason: "suspended" } as const)
        : actor.support
          ? ({ ok: false, reason: "readOnly" } as const)
          : await castBallot(actor, id, { choice, forMemberId });
  } else {
    result = await castOwnBallot({
      personId: session.personId,
      sessionVersion: session.sessionVersion,
      preferredCooperativeId: session.preferredCooperativeId,
      questionId: id,
      choice: choice,
    });
  }
  if (result.ok) return answer(200, { recorded: true, changed: result.changed, secret: result.secret });
  const status =
    result.reason === "signedOut"
      ? 401
      : result.reason === "notFound"
        ? 404
        : result.reason === "alreadyVoted"
          ? 409
          : 403;
  return answer(status, { error: result.reason });
}
