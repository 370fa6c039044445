import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/minutes/render";
import { readJson } from "@/lib/http-body";

const PREVIEW_BYTES = 1_000_000;
const bodySchema = z.object({ body: z.string().max(200_000) });

// The editors' « Aperçu »: the text through the one renderer every reader's page uses, so what
// is previewed is what is published. Signed-in people only; it reads and writes nothing.
export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401 });
  const read = await readJson(request, PREVIEW_BYTES);
  if (read === "tooLarge") return Response.json({ error: "tooLarge" }, { status: 413 });
  const parsed = bodySchema.safeParse(read);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  return Response.json({ html: renderMarkdown(parsed.data.body) });
}
