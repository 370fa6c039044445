// What the next agenda should take up from the previous meeting and the idea box.
// Pure: the service reads the rows, this decides the proposals.
import type { AgendaItemKind } from "@/lib/generated/prisma/enums";
import { recordWords as t } from "@/lib/i18n/record-words";

export type Proposal = { key: string; kind: AgendaItemKind; title: string; description: string | null };

export type CarryOverInput = {
  bodyName: string;
  previous: { number: number; minutesApproved: boolean } | null;
  openActions: { title: string; owners: string[]; dueOn: string | null }[];
  // The body's open points to follow, from whichever earlier meeting raised them.
  followUps?: { text: string; fromNumber: number | null }[];
  waitingIdeas: { text: string }[];
  // The text of the previous minutes' "Prochaine réunion" section.
  nextMeetingNotes: string;
  agendaTitles: string[];
};

// The items the previous minutes named for the next meeting: its list lines ("- …", "· …",
// "1. …"), as the coordinator writes them in the last section.
export function itemsNamedForNext(notes: string): string[] {
  return notes
    .split("\n")
    .map((line) => /^\s*(?:[-*·•]|\d+[.)])\s+(.+)$/.exec(line)?.[1]?.trim() ?? "")
    .filter((item) => item.length > 0);
}

export function carryOverProposals(input: CarryOverInput): Proposal[] {
  const proposals: Proposal[] = [];
  if (input.previous && !input.previous.minutesApproved) {
    proposals.push({
      key: "minutes",
      kind: "DECISION",
      title: t("approval", {
        body: input.bodyName.toLocaleLowerCase("fr"),
        number: String(input.previous.number),
      }),
      description: null,
    });
  }
  for (const [index, title] of itemsNamedForNext(input.nextMeetingNotes).entries()) {
    proposals.push({ key: `next-${index}`, kind: "DISCUSSION", title, description: null });
  }
  if (input.previous && input.openActions.length) {
    proposals.push({
      key: "actions",
      kind: "INFORMATION",
      title: t("followActions", { number: String(input.previous.number) }),
      description: input.openActions
        .map(
          (a) =>
            t("actionLine", { title: a.title }) +
            (a.owners.length ? t("actionOwners", { owners: a.owners.join(", ") }) : "") +
            (a.dueOn ? t("actionDue", { due: a.dueOn }) : ""),
        )
        .join("\n"),
    });
  }
  if (input.followUps?.length) {
    proposals.push({
      key: "followups",
      kind: "DISCUSSION",
      title: t("followUps"),
      description: input.followUps
        .map(
          (f) =>
            t("followUpLine", { text: f.text }) +
            (f.fromNumber !== null ? t("followUpFrom", { from: String(f.fromNumber) }) : ""),
        )
        .join("\n"),
    });
  }
  if (input.waitingIdeas.length) {
    proposals.push({
      key: "ideas",
      kind: "INFORMATION",
      title: t("ideas", { count: input.waitingIdeas.length }),
      description: input.waitingIdeas.map((i) => `- ${i.text}`).join("\n"),
    });
  }
  const taken = new Set(input.agendaTitles.map((t) => t.trim().toLocaleLowerCase("fr")));
  return proposals.filter((p) => !taken.has(p.title.toLocaleLowerCase("fr")));
}
