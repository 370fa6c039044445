import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { meetingIcsFor } from "@/lib/meetings/invitations";

export async function GET(_: Request, { params }: { params: Promise<{ body: string; number: string }> }) {
  const actor = await requireActor("meeting.read");
  const { body, number } = await params;
  const n = meetingNumber(number);
  const file = n ? await meetingIcsFor(actor, body, n) : null;
  if (!file) notFound();
  return new Response(file.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
