import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { readDocument } from "@/lib/meetings/documents";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("meeting.read");
  const { id } = await params;
  const document = await readDocument(actor, id);
  if (!document) notFound();
  return new Response(new Uint8Array(document.data), {
    headers: {
      "Content-Type": document.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
