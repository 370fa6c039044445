import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isGuestAt } from "@/lib/meetings/guests";
import { readMinutes } from "@/lib/minutes/service";
import { printableMinutes } from "@/lib/minutes/printable";
import { minutesPdf } from "@/lib/pdf";

// The minutes as a PDF shaped like the cooperative's own; drafts only for those who read drafts.
export async function GET(_: Request, { params }: { params: Promise<{ body: string; number: string }> }) {
  const actor = await requireActor();
  const { body, number } = await params;
  const n = meetingNumber(number);
  // Members read published minutes; a guest of the meeting reads that meeting's; others, none.
  if (n && !can(actor.roles, "minutes.readPublished") && !(await isGuestAt(actor, body, n)))
    return new Response("Accès refusé / forbidden", { status: 403 });
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const printable = printableMinutes(minutes, actor.cooperativeName);
  const pdf = await minutesPdf(printable);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${printable.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
