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
  // Plain SQL: read on every home page, where Prisma's compiling of each query costs more than
  // the query (README, Benchmarks). Questions without a closing date come last, as Prisma's did.
  return db.$queryRaw<OpenQuestion[]>`
    SELECT q.id, q.title, b.name AS "bodyName", q."closesAt"
      FROM "VoteQuestion" q JOIN "Body" b ON b.id = q."bodyId"
     WHERE q."cooperativeId" = ${actor.cooperativeId} AND q.status = 'OPEN'
       AND b.kind::text = ANY(${kinds}::text[])
     ORDER BY q."closesAt" ASC NULLS LAST, q.id`;
}
