import { z } from "zod";

export const issueSchema = z.object({
  subject: z
    .string({ error: "subjectRequired" })
    .trim()
    .min(1, { error: "subjectRequired" })
    .max(200, { error: "subjectTooLong" }),
  body: z
    .string({ error: "bodyRequired" })
    .trim()
    .min(1, { error: "bodyRequired" })
    .max(50_000, { error: "bodyTooLong" }),
});
export type IssueInput = z.infer<typeof issueSchema>;
