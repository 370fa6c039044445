import "server-only";
import { db } from "@/lib/db";

// Internal to the server: the job worker runs it every hour. A cooperative whose deletion is due
// goes with everything it holds (every table's rows cascade from it), and so do the accounts of
// people who belonged to no other cooperative (not the network's operators).
export async function deleteDueCooperatives(now = new Date()): Promise<string[]> {
  const due = await db.cooperative.findMany({
    where: { deletionDueAt: { lte: now } },
    select: { id: true, memberships: { select: { personId: true } } },
  });
  for (const coop of due) {
    const people = [...new Set(coop.memberships.map((m) => m.personId))];
    await db.$transaction(async (tx) => {
      await tx.cooperative.delete({ where: { id: coop.id } });
      await tx.person.deleteMany({
        where: { id: { in: people }, isOperator: false, memberships: { none: {} } },
      });
    });
  }
  return due.map((c) => c.id);
}
