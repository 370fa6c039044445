import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { ensureIdeaBoxItem } from "@/lib/ideas/idea-box.internal";
import { merge, ownIdea, VISIBLE, type MergeRefusal } from "@/lib/ideas/ideas.internal";
import { isEmail, type AnswerChoice } from "@/lib/ideas/schema";
import type { IdeaResult } from "@/lib/ideas/service";

// The coordinator's side of the box: ideas from the public page approved or hidden, duplicates
// merged, and the authors reachable by telephone told of their answer.

export async function approveIdea(
  actor: Actor,
  ideaId: string,
): Promise<IdeaResult<null, "notFound" | "notOpen">> {
  authorize(actor, "idea.moderate");
  const idea = await ownIdea(actor, ideaId);
  if (!idea) return { ok: false, error: "notFound" };
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.idea.updateMany({
      where: { id: idea.id, status: "MODERATION" },
      data: { status: "NEW" },
    });
    if (count)
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "idea.approved",
        entityType: "Idea",
        entityId: idea.id,
      });
    return count > 0;
  });
  if (!changed) return { ok: false, error: "notOpen" };
  await ensureIdeaBoxItem(actor.cooperativeId);
  return { ok: true, data: null };
}

// Hidden, never deleted: the reason and who hid it are in the audit log.
export async function hideIdea(
  actor: Actor,
  ideaId: string,
  reason: string,
): Promise<IdeaResult<null, "notFound" | "notOpen">> {
  authorize(actor, "idea.moderate");
  const idea = await ownIdea(actor, ideaId);
  if (!idea) return { ok: false, error: "notFound" };
  if (idea.status === "REJECTED") return { ok: false, error: "notOpen" };
  await db.$transaction(async (tx) => {
    await tx.idea.update({
      where: { id: idea.id },
      data: { status: "REJECTED", hiddenReason: reason, hiddenAt: new Date() },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "idea.hidden",
      entityType: "Idea",
      entityId: idea.id,
      before: { status: idea.status },
      after: { status: "REJECTED", reason },
    });
  });
  return { ok: true, data: null };
}

// A duplicate folds into another idea of the board; its supports follow.
export async function mergeIdea(
  actor: Actor,
  ideaId: string,
  intoId: string,
): Promise<IdeaResult<null, MergeRefusal>> {
  authorize(actor, "idea.moderate");
  return merge(actor, { ideaId, intoId, tx: null });
}

export type ModerationView = {
  queue: {
    id: string;
    text: string;
    theme: string | null;
    authorName: string | null;
    contact: string | null;
    createdAt: Date;
  }[];
  hidden: { id: string; text: string; hiddenReason: string | null; hiddenAt: Date | null }[];
  toCall: {
    id: string;
    text: string;
    contact: string;
    authorName: string | null;
    answerKind: AnswerChoice | null;
    answerText: string | null;
  }[];
  mergeTargets: { id: string; text: string }[];
};

export async function moderationView(actor: Actor): Promise<ModerationView> {
  authorize(actor, "idea.moderate");
  const cooperativeId = actor.cooperativeId;
  const [queue, hidden, answered, targets] = await Promise.all([
    db.idea.findMany({ where: { cooperativeId, status: "MODERATION" }, orderBy: { createdAt: "asc" } }),
    db.idea.findMany({
      where: { cooperativeId, status: "REJECTED" },
      orderBy: { hiddenAt: "desc" },
      take: 50,
    }),
    db.idea.findMany({
      where: { cooperativeId, answerPublishedAt: { not: null }, notifiedAt: null, contact: { not: null } },
      orderBy: { answerPublishedAt: "asc" },
    }),
    db.idea.findMany({
      where: { cooperativeId, status: { in: VISIBLE } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, text: true },
    }),
  ]);
  return {
    queue: queue.map((i) => ({
      id: i.id,
      text: i.text,
      theme: i.theme,
      authorName: i.authorName,
      contact: i.contact,
      createdAt: i.createdAt,
    })),
    hidden: hidden.map((i) => ({
      id: i.id,
      text: i.text,
      hiddenReason: i.hiddenReason,
      hiddenAt: i.hiddenAt,
    })),
    toCall: answered
      .filter((i) => !isEmail(i.contact))
      .map((i) => ({
        id: i.id,
        text: i.text,
        contact: i.contact!,
        authorName: i.authorName,
        answerKind: i.answerKind ?? (i.status === "MERGED" ? "MERGED" : null),
        answerText: i.answerText,
      })),
    mergeTargets: targets.map((t) => ({ id: t.id, text: t.text })),
  };
}

// A telephone contact told by the coordinator: marked so it leaves the list.
export async function markCalled(actor: Actor, ideaId: string): Promise<IdeaResult<null, "notFound">> {
  authorize(actor, "idea.moderate");
  const { count } = await db.idea.updateMany({
    where: { id: ideaId, cooperativeId: actor.cooperativeId, notifiedAt: null },
    data: { notifiedAt: new Date() },
  });
  return count ? { ok: true, data: null } : { ok: false, error: "notFound" };
}
