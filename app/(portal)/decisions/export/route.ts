import { requireActor } from "@/lib/auth/session";
import { listDecisions } from "@/lib/decisions/service";
import { toCsv } from "@/lib/spreadsheet";
import { dateKey, dayKey } from "@/lib/dates";
import { decisionFilter } from "@/lib/decisions/schema";

const OUTCOME = { ADOPTED: "adoptée", REJECTED: "rejetée", NOTED: "prise d'acte" } as const;
const METHOD = { CONSENSUS: "consensus", SHOW_OF_HANDS: "vote à main levée", ONLINE_BALLOT: "vote en ligne", WRITTEN_CONSULTATION: "consultation écrite", AG_RESOLUTION: "résolution d'AG" } as const;

export async function GET(request: Request) {
  const actor = await requireActor("decision.read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const decisions = await listDecisions(actor, decisionFilter(params), 10_000);
  const table = [
    ["Date", "Instance", "Réunion", "Décision", "Texte", "Issue", "Mode de décision"],
    ...decisions.map((d) => [dateKey(d.decidedOn), d.bodyName, d.meeting ? `n° ${d.meeting.number}` : "", d.title, d.text, OUTCOME[d.outcome], METHOD[d.method]]),
  ];
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="releve-decisions-${actor.cooperativeSlug}-${dayKey(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
