import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: no right is checked here; the member register (lib/members/service.ts)
// calls it inside its transaction when a member is archived.

// A member's mandates still running on that day (started before it) end that day.
export async function endMandatesOf(
  tx: Prisma.TransactionClient,
  { membershipId, on }: { membershipId: string; on: Date },
) {
  await tx.mandate.updateMany({
    where: {
      membershipId,
      startsOn: { lt: on },
      OR: [{ endsOn: null }, { endsOn: { gt: on } }],
    },
    data: { endsOn: on },
  });
}
