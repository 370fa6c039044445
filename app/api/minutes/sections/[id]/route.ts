import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { saveSection } from "@/lib/minutes/service";
import { readJson } from "@/lib/http-body";

// 200,000 characters of text, four bytes each at most, and the JSON around them.
const SECTION_BYTES = 1_000_000;

const bodySchema = z.object({ body: z.string().max(200_000), revision: z.number().int().min(0) });

// The minutes editor's autosave: a plain route, so that a save can also leave with
// `fetch(..., { keepalive: true })` when the page is closed.
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401 });
  if (!can(actor.roles, "minutes.draft")) return Response.json({ error: "forbidden" }, { status: 403 });
  // A suspended cooperative, or the operator's read-only support access: nothing is written.
  if (actor.cooperativeSuspension !== null || actor.support)
    return Response.json({ error: actor.support ? "readOnly" : "suspended" }, { status: 423 });
  const read = await readJson(request, SECTION_BYTES);
  if (read === "tooLarge") return Response.json({ error: "tooLarge" }, { status: 413 });
  const parsed = bodySchema.safeParse(read);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  const { id } = await params;
  const result = await saveSection(actor, id, { body: parsed.data.body, revision: parsed.data.revision });
  if (result.ok) return Response.json({ revision: result.revision });
  if (result.error === "conflict")
    return Response.json({ error: "conflict", current: result.current }, { status: 409 });
  return Response.json({ error: result.error }, { status: result.error === "notFound" ? 404 : 423 });
}
