import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isGuestAt } from "@/lib/meetings/guests";
import { readMinutes } from "@/lib/minutes/service";
import { printableMinutes } from "@/lib/minutes/printable";
import { appendPdfs, minutesPdf } from "@/lib/pdf";
import { siteUrl } from "@/lib/site-url";
import { attachedPdfs } from "@/lib/meetings/documents";

// The minutes as a PDF shaped like the cooperative's own; drafts only for those who read drafts.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ body: string; number: string }> },
) {
  const actor = await requireActor();
  const { body, number } = await params;
  const n = meetingNumber(number);
  // Members read published minutes; a guest of the meeting reads that meeting's; others, none.
  if (n && !can(actor.roles, "minutes.readPublished") && !(await isGuestAt(actor, body, n)))
    return new Response("Accès refusé / forbidden", { status: 403 });
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const printable = printableMinutes(minutes, actor.cooperativeName, await readerLocale());
  let pdf = await minutesPdf(printable, siteUrl());
  // « avec les documents joints »: the sections' PDFs appended after the minutes.
  if (new URL(request.url).searchParams.get("joints") === "1") {
    const ids = printable.sections.flatMap((s) => s.documents.filter((d) => d.isPdf).map((d) => d.id));
    ({ pdf } = await appendPdfs(pdf, await attachedPdfs(actor, ids), printable.labels.skipped));
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${printable.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
