import { z } from "zod";
import { localInputToInstant } from "@/lib/dates";
import { isoDate, optionalText } from "@/lib/form-schema";

export const DECISION_METHODS = [
  "CONSENSUS",
  "SHOW_OF_HANDS",
  "ONLINE_BALLOT",
  "WRITTEN_CONSULTATION",
  "AG_RESOLUTION",
] as const;
export const DECISION_OUTCOMES = ["ADOPTED", "REJECTED", "NOTED"] as const;

export const actionItemSchema = z.object({
  title: z.string().trim().min(1, { error: "actionTitleRequired" }).max(500),
  owners: z.array(z.string().min(1).max(40)).min(1, { error: "ownersRequired" }).max(50),
  dueOn: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(isoDate.nullable()),
});
export type ActionItemInput = z.infer<typeof actionItemSchema>;

export const decisionSchema = z.object({
  title: z.string().trim().min(1, { error: "decisionTitleRequired" }).max(300),
  text: z.string().trim().max(5000).default(""),
  method: z.enum(DECISION_METHODS, { error: "methodRequired" }),
  outcome: z.enum(DECISION_OUTCOMES, { error: "outcomeRequired" }),
  voteQuestionId: optionalText(40),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

// The last section: when, where, and the first agenda items, one per line.
export const nextMeetingSchema = z.object({
  startsAt: z.string().transform((text, ctx) => {
    const instant = localInputToInstant(text);
    if (!instant) {
      ctx.addIssue({ code: "custom", message: "dateTimeInvalid" });
      return z.NEVER;
    }
    return instant;
  }),
  place: optionalText(300),
  items: z
    .string()
    .max(5000)
    .optional()
    .transform((v) =>
      (v ?? "")
        .split("\n")
        .map((line) => line.replace(/^\s*([-*·•]|\d+[.)])\s*/, "").trim())
        .filter(Boolean)
        .slice(0, 30),
    )
    .pipe(z.array(z.string().max(300, { error: "itemTooLong" }))),
});
export type NextMeetingInput = z.infer<typeof nextMeetingSchema>;

export const commentSchema = z.object({
  body: z.string().trim().min(1, { error: "commentRequired" }).max(5000),
});

export const correctionSchema = z.object({
  note: z.string().trim().min(1, { error: "changeNoteRequired" }).max(1000),
  sections: z.record(z.string(), z.string().max(200_000)),
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const attendanceSchema = z.object({
  attendanceText: z.string().trim().min(1, { error: "attendanceRequired" }).max(20_000),
});
