import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { PAGE_SIZE } from "@/lib/pagination";
import type { IdeaAnswer, IdeaStatus } from "@/lib/generated/prisma/enums";
import { boardRows, ownIdea, VISIBLE } from "@/lib/ideas/ideas.internal";
import type { Sort, Theme } from "@/lib/ideas/schema";
import type { IdeaResult } from "@/lib/ideas/service";

// The members' board: the ideas on it, sorted and paged, and their supports.

export type BoardIdea = {
  id: string;
  text: string;
  theme: Theme | null;
  source: "ONLINE" | "PUBLIC_FORM" | "PAPER";
  authorName: string | null;
  createdAt: Date;
  status: IdeaStatus;
  supports: number;
  supportedByMe: boolean;
  mine: boolean;
  answer: {
    kind: IdeaAnswer;
    text: string | null;
    at: Date | null;
    // The booklet's addresses the answer points to (« où apprendre le français ? »).
    partners: BoardPartner[];
  } | null;
  merged: { id: string; text: string }[];
};

export type BoardPartner = {
  id: string;
  name: string;
  phone: string | null;
  address: string | null;
  hoursText: string | null;
  website: string | null;
};

// One page of the board, and how many ideas it holds in all.
export async function ideaBoard(
  actor: Actor,
  { sort = "recentes", page = 1, size = PAGE_SIZE }: { sort?: Sort; page?: number; size?: number } = {},
): Promise<{ ideas: BoardIdea[]; total: number }> {
  authorize(actor, "idea.post");
  const { ideas, total } = await boardRows({
    cooperativeId: actor.cooperativeId,
    membershipId: actor.membershipId,
    sort,
    limit: size,
    offset: (page - 1) * size,
  });
  // Past the last page no row carries the count: asked apart (a stale or typed address).
  return {
    ideas,
    total:
      total ??
      (await db.idea.count({ where: { cooperativeId: actor.cooperativeId, status: { in: VISIBLE } } })),
  };
}

// One support per person and idea; a second click takes it back.
export async function toggleSupport(
  actor: Actor,
  ideaId: string,
): Promise<IdeaResult<{ supported: boolean }, "notFound" | "notOpen">> {
  authorize(actor, "idea.post");
  const idea = await ownIdea(actor, ideaId);
  if (!idea || !VISIBLE.includes(idea.status)) return { ok: false, error: "notFound" };
  // Once the council's answer is out, the idea is settled: no more supports.
  if (idea.answerPublishedAt) return { ok: false, error: "notOpen" };
  const inserted =
    await db.$executeRaw`INSERT INTO "IdeaSupport" ("ideaId", "membershipId") VALUES (${idea.id}, ${actor.membershipId}) ON CONFLICT DO NOTHING`;
  if (inserted) return { ok: true, data: { supported: true } };
  await db.ideaSupport.deleteMany({ where: { ideaId: idea.id, membershipId: actor.membershipId } });
  return { ok: true, data: { supported: false } };
}
