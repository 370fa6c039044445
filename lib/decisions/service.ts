import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";

export type DecisionListItem = { id: string; title: string; bodyName: string; decidedOn: Date; outcome: string };

export async function latestDecisions(actor: Actor, take = 5): Promise<DecisionListItem[]> {
  authorize(actor, "decision.read");
  const decisions = await db.decision.findMany({
    where: { cooperativeId: actor.cooperativeId, publishedAt: { not: null } },
    orderBy: [{ decidedOn: "desc" }, { createdAt: "desc" }],
    take,
    include: { body: { select: { name: true } } },
  });
  return decisions.map((d) => ({ id: d.id, title: d.title, bodyName: d.body.name, decidedOn: d.decidedOn, outcome: d.outcome }));
}
