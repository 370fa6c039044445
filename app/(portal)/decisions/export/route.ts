import { readerLocale } from "@/lib/i18n/reader-locale";
import { requireActor } from "@/lib/auth/session";
import { listDecisions } from "@/lib/decisions/service";
import { toCsv } from "@/lib/spreadsheet";
import { dateKey, dayKey } from "@/lib/dates";
import { decisionFilter } from "@/lib/decisions/schema";
import { dateIn } from "@/lib/minutes/printable";
import { decisionRecordPdf } from "@/lib/pdf";
import { translator } from "@/lib/i18n/translator";

// The decision record as a file, in the reader's language around the cooperative's own words.
export async function GET(request: Request) {
  const actor = await requireActor("decision.read");
  const locale = await readerLocale();
  const t = translator(locale);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const decisions = await listDecisions(actor, decisionFilter(params), { take: 10_000 });
  const stamp = `releve-decisions-${actor.cooperativeSlug}-${dayKey(new Date())}`;
  const outcome = (d: (typeof decisions)[number]) => t(`decisions.outcomes.${d.outcome}`);
  const method = (d: (typeof decisions)[number]) => t(`decisions.methods.${d.method}`);
  if (params.format === "pdf") {
    const rows = decisions.map((d) => ({
      date: dateIn(d.decidedOn, locale, "UTC"),
      body: d.bodyName,
      meeting: d.meeting ? t("record.decisionRecord.meeting", { number: String(d.meeting.number) }) : "",
      title: d.title,
      text: d.text,
      outcome: outcome(d),
      method: method(d),
    }));
    const pdf = await decisionRecordPdf({
      title: t("record.decisionRecord.title", { cooperative: actor.cooperativeName }),
      subtitle: t("record.decisionRecord.subtitle", {
        date: dateIn(new Date(), locale),
        count: decisions.length,
      }),
      rows,
      none: t("record.decisionRecord.none"),
      lang: locale === "en" ? "en-GB" : "fr-FR",
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${stamp}.pdf"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  const column = (key: "date" | "body" | "meeting" | "title" | "text" | "outcome" | "method") =>
    t(`record.decisionRecord.columns.${key}`);
  const table = [
    (["date", "body", "meeting", "title", "text", "outcome", "method"] as const).map(column),
    ...decisions.map((d) => [
      dateKey(d.decidedOn),
      d.bodyName,
      d.meeting ? t("record.decisionRecord.meetingShort", { number: String(d.meeting.number) }) : "",
      d.title,
      d.text,
      outcome(d),
      method(d),
    ]),
  ];
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
