import { requireActor } from "@/lib/auth/session";
import { listDecisions } from "@/lib/decisions/service";
import { toCsv } from "@/lib/spreadsheet";
import { dateKey, dayKey } from "@/lib/dates";
import { decisionFilter } from "@/lib/decisions/schema";
import { frenchDate } from "@/lib/minutes/printable";
import { decisionRecordPdf } from "@/lib/pdf";

const OUTCOME = { ADOPTED: "adoptée", REJECTED: "rejetée", NOTED: "prise d'acte" } as const;
const METHOD = {
  CONSENSUS: "consensus",
  SHOW_OF_HANDS: "vote à main levée",
  ONLINE_BALLOT: "vote en ligne",
  WRITTEN_CONSULTATION: "consultation écrite",
  AG_RESOLUTION: "résolution d'AG",
} as const;

export async function GET(request: Request) {
  const actor = await requireActor("decision.read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const decisions = await listDecisions(actor, decisionFilter(params), { take: 10_000 });
  const stamp = `releve-decisions-${actor.cooperativeSlug}-${dayKey(new Date())}`;
  if (params.format === "pdf") {
    const rows = decisions.map((d) => ({
      date: frenchDate(d.decidedOn, "UTC"),
      body: d.bodyName,
      meeting: d.meeting ? `réunion n° ${d.meeting.number}` : "",
      title: d.title,
      text: d.text,
      outcome: OUTCOME[d.outcome],
      method: METHOD[d.method],
    }));
    const pdf = await decisionRecordPdf(
      `Relevé de décisions – ${actor.cooperativeName}`,
      `Édité le ${frenchDate(new Date())} · ${decisions.length} décision(s)`,
      rows,
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${stamp}.pdf"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  const table = [
    ["Date", "Instance", "Réunion", "Décision", "Texte", "Issue", "Mode de décision"],
    ...decisions.map((d) => [
      dateKey(d.decidedOn),
      d.bodyName,
      d.meeting ? `n° ${d.meeting.number}` : "",
      d.title,
      d.text,
      OUTCOME[d.outcome],
      METHOD[d.method],
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
