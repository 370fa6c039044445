import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgendaItemKind, AssemblyType } from "@/lib/generated/prisma/enums";

// Internal to the server: no right is checked here; the minutes (lib/minutes/items.ts) call it
// inside their transaction, the minutes row locked, once the actor's rights are checked.

// The body's next meeting, planned, numbered after its last one, with its first agenda items in
// that order. Two meetings given the same number at once fail on the unique key (P2002).
export async function createNextMeeting(
  tx: Prisma.TransactionClient,
  {
    cooperativeId,
    bodyId,
    startsAt,
    place,
    assemblyType,
    items,
  }: {
    cooperativeId: string;
    bodyId: string;
    startsAt: Date;
    place: string | null;
    assemblyType: AssemblyType | null;
    items: { kind: AgendaItemKind; title: string }[];
  },
) {
  const last = await tx.meeting.aggregate({
    where: { bodyId },
    _max: { number: true },
  });
  return tx.meeting.create({
    data: {
      cooperativeId,
      bodyId,
      number: (last._max.number ?? 0) + 1,
      startsAt,
      place,
      assemblyType,
      agendaItems: {
        create: items.map((item, position) => ({
          cooperativeId,
          position,
          ...item,
        })),
      },
    },
  });
}
