import { decisionHref } from "@/lib/decisions/href";
import type { SearchHit } from "@/lib/search/service";

// Where a result lands: the decision in the record or in its minutes, the section of the minutes.
// A draft decision is not in the record yet: its meeting's minutes list it.
export function hitHref(hit: SearchHit) {
  if (hit.meetingNumber === null) return decisionHref(hit.id);
  const meeting = `/reunions/${hit.bodySlug}/${hit.meetingNumber}`;
  if (hit.kind === "decision")
    return hit.sectionId || hit.draft ? `${meeting}/compte-rendu#decision-${hit.id}` : decisionHref(hit.id);
  return hit.sectionId ? `${meeting}/compte-rendu#partie-${hit.sectionId}` : meeting;
}
