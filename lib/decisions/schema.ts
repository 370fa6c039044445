import type { DecisionFilter } from "@/lib/decisions/service";

const OUTCOMES = ["ADOPTED", "REJECTED", "NOTED"] as const;
const isDay = (v?: string) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;

export { OUTCOMES };

// The decision record's filters as they come in the address (?instance=&du=&au=&issue=);
// anything malformed is ignored rather than refused.
export function decisionFilter(params: Record<string, string | undefined>): DecisionFilter {
  return {
    bodyId:
      typeof params.instance === "string" && /^[\w-]{1,64}$/.test(params.instance)
        ? params.instance
        : undefined,
    from: isDay(params.du),
    to: isDay(params.au),
    outcome: OUTCOMES.find((o) => o === params.issue),
  };
}
