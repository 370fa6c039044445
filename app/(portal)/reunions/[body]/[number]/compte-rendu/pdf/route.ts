import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { readMinutes } from "@/lib/minutes/service";
import { printableMinutes } from "@/lib/minutes/printable";
import { minutesPdf } from "@/lib/pdf";

// The minutes as a PDF shaped like the cooperative's own; drafts only for those who read drafts.
export async function GET(_: Request, { params }: { params: Promise<{ body: string; number: string }> }) {
  // (readMinutes lets a guest of the meeting read its published minutes, and no one else.)
  const actor = await requireActor();
  const { body, number } = await params;
  const n = meetingNumber(number);
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
