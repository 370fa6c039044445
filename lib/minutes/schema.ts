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

export const actionItemSchema = z
  .object({
    title: z.string().trim().min(1, { error: "actionTitleRequired" }).max(500),
    owners: z.array(z.string().min(1).max(40)).max(50),
    // People outside the cooperative, by name: one per line or separated by commas.
    outsideOwners: z
      .string()
      .max(2000)
      .optional()
      .transform((v) =>
        [
          ...new Set(
            (v ?? "")
              .split(/[\n,;]/)
              .map((name) => name.trim())
              .filter(Boolean),
          ),
        ].slice(0, 20),
      )
      .pipe(z.array(z.string().max(200, { error: "outsideOwnerTooLong" }))),
    dueOn: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(isoDate.nullable()),
  })
  .refine((v) => v.owners.length + v.outsideOwners.length > 0, {
    error: "ownersRequired",
    path: ["owners"],
  });
export type ActionItemInput = z.infer<typeof actionItemSchema>;

export const decisionSchema = z.object({
  title: z.string().trim().min(1, { error: "decisionTitleRequired" }).max(300),
  text: z.string().trim().max(5000).default(""),
  method: z.enum(DECISION_METHODS, { error: "methodRequired" }),
  outcome: z.enum(DECISION_OUTCOMES, { error: "outcomeRequired" }),
  voteQuestionId: optionalText(40),
  // A decision this one follows or answers (another body's, or an earlier one).
  citesId: optionalText(40),
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

export const followUpSchema = z.object({
  text: z.string().trim().min(1, { error: "followUpRequired" }).max(1000),
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

export const commentSchema = z.object({
  body: z.string().trim().min(1, { error: "commentRequired" }).max(5000),
});

export const correctionSchema = z.object({
  note: z.string().trim().min(1, { error: "changeNoteRequired" }).max(1000),
  sections: z.record(z.string(), z.string().max(200_000)),
  // The attendance paragraph, corrected with the rest (absent: left as published).
  attendanceText: z
    .string()
    .max(20_000)
    .optional()
    .transform((v) => (v === undefined ? undefined : v.replace(/\r\n/g, "\n").trim()))
    .refine((v) => v === undefined || v.length > 0, { error: "attendanceRequired" }),
});
export type CorrectionInput = Omit<z.infer<typeof correctionSchema>, "attendanceText"> & {
  attendanceText?: string;
};

export const attendanceSchema = z.object({
  attendanceText: z.string().trim().min(1, { error: "attendanceRequired" }).max(20_000),
});
