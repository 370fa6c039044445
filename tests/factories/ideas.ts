// Ideas a test needs: posted online and waiting, unless the test says otherwise.
import { db } from "@/lib/db";

type IdeaData = NonNullable<Parameters<typeof db.idea.create>[0]>["data"] & { cooperativeId: string };

export async function buildIdea(data: Pick<IdeaData, "cooperativeId"> & Partial<IdeaData>) {
  return db.idea.create({ data: { text: "Une idée", source: "ONLINE", ...data } });
}
