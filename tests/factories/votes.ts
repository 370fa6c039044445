// Vote questions a test needs, a council ballot unless the test says otherwise.
import { db } from "@/lib/db";

type QuestionData = NonNullable<Parameters<typeof db.voteQuestion.create>[0]>["data"] & {
  cooperativeId: string;
  bodyId: string;
};

export async function buildQuestion(
  data: Pick<QuestionData, "cooperativeId" | "bodyId"> & Partial<QuestionData>,
) {
  return db.voteQuestion.create({ data: { kind: "MEETING_BALLOT", title: "Question", ...data } });
}
