import { z } from "zod";
import { localInputToInstant } from "@/lib/dates";
import { checkbox, optionalText } from "@/lib/form-schema";

export const VOTE_KINDS = [
  "MEETING_BALLOT",
  "SHOW_OF_HANDS",
  "WRITTEN_CONSULTATION",
  "AG_RESOLUTION",
] as const;
export const CHOICES = ["FOR", "AGAINST", "ABSTAIN"] as const;

export const questionSchema = z.object({
  bodyId: z.string().min(1, { error: "bodyRequired" }).max(40),
  kind: z.enum(VOTE_KINDS, { error: "voteKindRequired" }),
  meetingId: optionalText(40),
  title: z.string().trim().min(1, { error: "questionRequired" }).max(300),
  text: z.string().trim().max(10_000).default(""),
  secret: checkbox,
  hideResultsUntilClose: checkbox,
  closesAt: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text?.trim()) return null;
      const instant = localInputToInstant(text);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: "dateTimeInvalid" });
        return z.NEVER;
      }
      return instant;
    }),
  excludedCategoryIds: z.array(z.string().min(1).max(40)).max(20).default([]),
  // For an assembly: ordinary (AGO) or extraordinary (AGE) resolution; the meeting's by default.
  assemblyType: z
    .enum(["", "ORDINARY", "EXTRAORDINARY"])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type QuestionInput = z.infer<typeof questionSchema>;

const count = z.coerce
  .number({ error: "countInvalid" })
  .int({ error: "countInvalid" })
  .min(0, { error: "countInvalid" })
  .max(1_000_000, { error: "countInvalid" });
export const tallyRowSchema = z.object({
  collegeId: z.string().max(40).nullable(),
  for: count,
  against: count,
  abstain: count,
});
export type TallyRowInput = z.infer<typeof tallyRowSchema>;

export const paperRowSchema = z.object({
  collegeId: z.string().max(40),
  for: count,
  against: count,
  abstain: count,
  blank: count,
  spoiled: count,
});
export type PaperRowInput = z.infer<typeof paperRowSchema>;

// The results of an election held in Belenios, typed back: its public address (https), its
// fingerprint (as Belenios prints it), and per college the counts of its own election.
export const externalResultSchema = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .refine(
      (v) => {
        try {
          return new URL(v).protocol === "https:";
        } catch {
          return false;
        }
      },
      { error: "externalUrlInvalid" },
    ),
  fingerprint: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/=_-]{16,128}$/, { error: "fingerprintInvalid" }),
  rows: z
    .array(tallyRowSchema.extend({ blank: count }))
    .min(1)
    .max(20),
});
export type ExternalResultInput = z.infer<typeof externalResultSchema>;
