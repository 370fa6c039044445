import { z } from "zod";
import { checkbox, isoDate, optionalText } from "@/lib/form-schema";
import { THEMES } from "@/lib/form-errors";

// The idea forms; messages are keys of ideas.errors.* in lib/i18n.

export { THEMES } from "@/lib/form-errors";
export type Theme = (typeof THEMES)[number];
export const ANSWERS = ["ACCEPTED", "PLANNED", "DECLINED", "DONE", "MERGED"] as const;
export type AnswerChoice = (typeof ANSWERS)[number];
export const SORTS = ["recentes", "soutenues", "repondues"] as const;
export type Sort = (typeof SORTS)[number];

const text = z
  .string({ error: "ideaRequired" })
  .trim()
  .min(3, { error: "ideaRequired" })
  .max(2000, { error: "ideaTooLong" });
const theme = z
  .string()
  .optional()
  .transform((v) => (v && (THEMES as readonly string[]).includes(v) ? (v as Theme) : null));

export const ideaSchema = z.object({ text, theme, showName: checkbox });
export type IdeaInput = z.infer<typeof ideaSchema>;

// E-mail or telephone (digits, spaces, +, dots, dashes), or nothing.
const contact = optionalText(200).refine(
  (v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^\+?[\d\s.\-()]{6,20}$/.test(v),
  { error: "contactInvalid" },
);

// `website` is the honeypot: a field people never see (hidden by CSS, skipped by keyboards and
// screen readers); a robot that fills every field fills it.
export const publicIdeaSchema = z.object({
  text,
  theme,
  name: optionalText(80),
  contact,
  website: z.string().optional().default(""),
});
export type PublicIdeaInput = z.infer<typeof publicIdeaSchema>;

export const paperIdeaSchema = z.object({ text, theme, emptiedOn: isoDate });
export type PaperIdeaInput = z.infer<typeof paperIdeaSchema>;

export const hideSchema = z.object({
  reason: z
    .string({ error: "reasonRequired" })
    .trim()
    .min(3, { error: "reasonRequired" })
    .max(300, { error: "reasonTooLong" }),
});

export const answerSchema = z
  .object({
    answer: z.enum(ANSWERS, { error: "answerRequired" }),
    text: optionalText(2000),
    mergeInto: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (v.answer === "DECLINED" && !v.text)
      ctx.addIssue({ code: "custom", path: ["text"], message: "reasonRequired" });
    if (v.answer === "MERGED" && !v.mergeInto)
      ctx.addIssue({ code: "custom", path: ["mergeInto"], message: "mergeTargetRequired" });
  });
export type AnswerInput = z.infer<typeof answerSchema>;

export const isEmail = (contactText: string | null) => contactText !== null && contactText.includes("@");

// A coordinator's correction of one machine-translated text (empty: back to the file's text).
export const translationSchema = z.object({
  text: z.string().max(2000, { error: "tooLong" }).optional().default(""),
});
