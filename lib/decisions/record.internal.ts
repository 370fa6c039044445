import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionMethod, DecisionOutcome } from "@/lib/generated/prisma/enums";

// Internal to the server: no right is checked here; called by the minutes (lib/minutes/items.ts,
// workflow.ts) inside their transactions, and by the close of a vote (lib/votes/close-question.internal.ts).

type Tx = Prisma.TransactionClient;

export type NewDecision = {
  cooperativeId: string;
  bodyId: string;
  meetingId?: string;
  sectionId?: string;
  voteQuestionId?: string | null;
  title: string;
  text: string;
  method: DecisionMethod;
  outcome: DecisionOutcome;
  decidedOn: Date;
  citesId?: string | null;
  // Set when it enters the decision record at once (a written consultation); otherwise the
  // publication of the minutes sets it.
  publishedAt?: Date;
};

// A decision of a body: recorded in a section of the minutes, or taken by written consultation.
// The client is a transaction's, or db where there is none.
export async function createDecision(tx: Tx, decision: NewDecision) {
  return tx.decision.create({ data: decision });
}

export async function deleteDecision(tx: Tx, { id }: { id: string }) {
  await tx.decision.delete({ where: { id } });
}

// Published minutes put their decisions in the decision record, with the meeting's decisions
// placed in no section (the votes closed at that meeting, a text adopted there).
export async function publishDecisionsOfMinutes(tx: Tx, { minutesId }: { minutesId: string }) {
  const minutes = await tx.minutes.findUniqueOrThrow({
    where: { id: minutesId },
    select: { meetingId: true },
  });
  await tx.decision.updateMany({
    where: {
      publishedAt: null,
      // Those of its sections, and those of the meeting in no section (a vote's, a text adopted).
      OR: [{ section: { minutesId } }, { meetingId: minutes.meetingId, sectionId: null }],
    },
    data: { publishedAt: new Date() },
  });
}

// The decision a closed vote makes: created with its figures and a link to the vote, or, when the
// minutes linked one to the vote while it was open, given the vote's outcome and figures (a
// decision linked to a vote never says otherwise than the vote). In the close's transaction.
export async function recordVoteDecision(
  tx: Tx,
  decision: NewDecision & { voteQuestionId: string; outcome: "ADOPTED" | "REJECTED" },
) {
  const linked = await tx.decision.findUnique({
    where: { voteQuestionId: decision.voteQuestionId },
    select: { id: true },
  });
  return linked
    ? tx.decision.update({
        where: { id: linked.id },
        data: { outcome: decision.outcome, text: decision.text },
      })
    : tx.decision.create({ data: decision });
}

// A vote's decision placed in a section of the minutes (or taken out of it: sectionId null); its
// title, outcome and figures stay the vote's.
export async function placeVoteDecision(tx: Tx, { id, sectionId }: { id: string; sectionId: string | null }) {
  await tx.decision.update({ where: { id }, data: { sectionId } });
}
