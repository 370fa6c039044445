import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";

export type OpenQuestion = { id: string; title: string; bodyName: string; closesAt: Date | null };

// Open questions of the bodies the person votes in: council questions for council members,
// assembly questions for associé·es. (Casting, with every eligibility rule, is the votes issue's.)
export async function openQuestionsFor(actor: Actor): Promise<OpenQuestion[]> {
  const kinds: ("COUNCIL" | "GENERAL_ASSEMBLY")[] = [];
  if (can(actor.roles, "vote.castCouncil")) kinds.push("COUNCIL");
  if (can(actor.roles, "vote.castAssembly")) kinds.push("GENERAL_ASSEMBLY");
  if (kinds.length === 0) return [];
  const questions = await db.voteQuestion.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "OPEN", body: { kind: { in: kinds } } },
    orderBy: { closesAt: "asc" },
    include: { body: { select: { name: true } } },
  });
  return questions.map((q) => ({ id: q.id, title: q.title, bodyName: q.body.name, closesAt: q.closesAt }));
}
