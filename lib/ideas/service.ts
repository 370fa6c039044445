import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { parseDateKey } from "@/lib/dates";
import type { Result } from "@/lib/form-result";
import { ensureIdeaBoxItem } from "@/lib/ideas/idea-box.internal";
import type { IdeaInput, PaperIdeaInput } from "@/lib/ideas/schema";

// The idea box: ideas posted signed in, on the public page (moderated first, public-page.ts) or
// typed in from the paper box; supported by members (board.ts); put on the next council's agenda;
// answered in meeting; answers published with the minutes (or when the council says) and their
// authors told (council-answers.ts). Moderation is in moderation.ts.

// What the idea box refuses, each put into words under ideas.errors.
export type IdeaRefusal =
  | "notFound"
  | "notOpen"
  | "mergeTargetInvalid"
  | "notCouncilMeeting"
  | "nothingToPublish"
  | "rateLimited"
  | "suspended";
export type IdeaResult<T = null, E extends IdeaRefusal = IdeaRefusal> = Result<T, E>;

export async function postIdea(actor: Actor, input: IdeaInput): Promise<IdeaResult<{ id: string }, never>> {
  authorize(actor, "idea.post");
  const idea = await db.idea.create({
    data: {
      cooperativeId: actor.cooperativeId,
      text: input.text,
      theme: input.theme,
      source: "ONLINE",
      authorId: actor.membershipId,
      showName: input.showName,
      authorName: input.showName ? actor.name : null,
      status: "NEW",
    },
  });
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: { id: idea.id } };
}

// The paper box, slip after slip: same statuses as online ideas, straight onto the board.
export async function enterPaperIdea(
  actor: Actor,
  input: PaperIdeaInput,
): Promise<IdeaResult<{ id: string }, never>> {
  authorize(actor, "idea.moderate");
  const idea = await db.$transaction(async (tx) => {
    const created = await tx.idea.create({
      data: {
        cooperativeId: actor.cooperativeId,
        text: input.text,
        theme: input.theme,
        source: "PAPER",
        paperEmptiedOn: parseDateKey(input.emptiedOn),
        status: "NEW",
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.paperEntered",
      entityType: "Idea",
      entityId: created.id,
    });
    return created;
  });
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: { id: idea.id } };
}
