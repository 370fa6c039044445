import "server-only";
import { db } from "@/lib/db";
import { addIdeaBoxAgendaItem } from "@/lib/meetings/idea-box-item.internal";
import { OPEN_IDEA_STATUSES } from "@/lib/ideas/statuses";

const OPEN = [...OPEN_IDEA_STATUSES];

// Internal to the server: no right is checked here. Called when an idea is posted or typed in,
// and when a council meeting is created, by services that have checked theirs.

// While ideas wait for an answer, the next planned council meeting carries an item « Boîte à
// idées » (once); the waiting ideas are attached to that meeting.
export async function ensureIdeaBoxItem(cooperativeId: string, now = new Date()): Promise<string | null> {
  const waiting = await db.idea.count({ where: { cooperativeId, status: { in: OPEN } } });
  if (waiting === 0) return null;
  const meeting = await db.meeting.findFirst({
    where: {
      cooperativeId,
      body: { kind: "COUNCIL" },
      status: { in: ["PLANNED", "INVITED"] },
      startsAt: { gte: now },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  if (!meeting) return null;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meeting.id} FOR UPDATE`;
    await addIdeaBoxAgendaItem(tx, { cooperativeId, meetingId: meeting.id });
    await tx.idea.updateMany({
      where: { cooperativeId, status: { in: OPEN } },
      data: { status: "TO_READ", meetingId: meeting.id },
    });
  });
  return meeting.id;
}
