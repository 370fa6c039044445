import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: no right is checked here; called by the publication of the minutes
// (lib/minutes/workflow.ts) inside its transaction.

// A meeting whose minutes are published is over: « clôturée », no longer « tenue ».
export async function closeMeetingOfMinutes(
  tx: Prisma.TransactionClient,
  { meetingId }: { meetingId: string },
) {
  await tx.meeting.updateMany({
    where: { id: meetingId, status: { in: ["PLANNED", "INVITED", "HELD"] } },
    data: { status: "CLOSED" },
  });
}
