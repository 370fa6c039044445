import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";

// Ideas waiting to be read out at the next council.
export async function countIdeasToRead(actor: Actor): Promise<number> {
  authorize(actor, "idea.post");
  return db.idea.count({ where: { cooperativeId: actor.cooperativeId, status: { in: ["NEW", "TO_READ"] } } });
}
