import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordWords } from "@/lib/i18n/record-words";

// Internal to the server: no right is checked here; the idea box (lib/ideas/idea-box.internal.ts)
// asks for the item inside its own transaction, the meeting row locked.

// The « Boîte à idées » item of a council meeting, once.
export async function addIdeaBoxAgendaItem(
  tx: Prisma.TransactionClient,
  { cooperativeId, meetingId }: { cooperativeId: string; meetingId: string },
) {
  const existing = await tx.agendaItem.findFirst({ where: { meetingId, ideaBox: true } });
  if (existing) return;
  const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
  await tx.agendaItem.create({
    data: {
      cooperativeId,
      meetingId,
      position: (last._max.position ?? -1) + 1,
      kind: "DISCUSSION",
      title: recordWords("ideaBox"),
      description: recordWords("ideaBoxDescription"),
      ideaBox: true,
    },
  });
}
