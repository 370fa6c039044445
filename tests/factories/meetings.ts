// Meetings a test needs, with what a meeting usually has unless the test says otherwise.
import { db } from "@/lib/db";

type MeetingData = NonNullable<Parameters<typeof db.meeting.create>[0]>["data"] & { cooperativeId: string };

export async function buildMeeting(
  data: Pick<MeetingData, "cooperativeId" | "bodyId" | "number"> & Partial<MeetingData>,
) {
  return db.meeting.create({ data: { startsAt: new Date(Date.now() + 7 * 86_400_000), ...data } });
}
