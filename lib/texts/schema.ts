import { z } from "zod";
import { localInputToInstant } from "@/lib/dates";
import { optionalText } from "@/lib/form-schema";

// A text written together: its first draft is one Markdown text, cut into sections at each
// « ## Titre » line (a text with no such line is one section).
export function splitSections(markdown: string): { title: string; body: string }[] {
  const sections: { title: string; body: string[] }[] = [];
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ title: heading[1]!.trim(), body: [] });
    else if (sections.length) sections.at(-1)!.body.push(line);
    else if (line.trim()) sections.push({ title: "Texte", body: [line] });
  }
  return sections.map((s) => ({ title: s.title.slice(0, 200), body: s.body.join("\n").trim() })).slice(0, 50);
}

export const newTextSchema = z.object({
  title: z.string().trim().min(1, { error: "titleRequired" }).max(200),
  purpose: z.string().trim().max(2000).default(""),
  bodyId: z.string().min(1, { error: "bodyRequired" }).max(40),
  content: z
    .string()
    .max(200_000, { error: "tooLong" })
    .transform((v) => splitSections(v))
    .refine((sections) => sections.length > 0, { error: "textContentRequired" }),
});
export type NewTextInput = z.infer<typeof newTextSchema>;

export const sectionEditSchema = z.object({
  body: z
    .string()
    .max(100_000, { error: "tooLong" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim()),
  note: z.string().trim().min(1, { error: "changeNoteRequired" }).max(500),
});
export type SectionEditInput = z.infer<typeof sectionEditSchema>;

export const newSectionSchema = z.object({
  title: z.string().trim().min(1, { error: "titleRequired" }).max(200),
});

export const proposalSchema = z.object({
  kind: z.enum(["CHANGE", "COMMENT"], { error: "invalid" }),
  body: z
    .string()
    .max(20_000, { error: "tooLong" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .refine((v) => v.length > 0, { error: "proposalRequired" }),
  reason: z.string().trim().max(2000, { error: "tooLong" }).default(""),
});
export type ProposalInput = z.infer<typeof proposalSchema>;

export const answerSchema = z.object({
  answer: z.string().trim().max(2000, { error: "tooLong" }).default(""),
});

// Adoption: by a vote of the body (a written consultation with its deadline, or a ballot at one
// of its meetings), or recorded as a decision taken at one of its meetings (it enters the record
// with that meeting's minutes). `version`: the version the drafter saw and confirmed.
export const adoptionSchema = z.object({
  mode: z.enum(["VOTE", "DECISION"], { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
  voteKind: z.enum(["WRITTEN_CONSULTATION", "MEETING_BALLOT"]).default("WRITTEN_CONSULTATION"),
  meetingId: optionalText(40),
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
  method: z.enum(["CONSENSUS", "SHOW_OF_HANDS"]).default("CONSENSUS"),
});
export type AdoptionInput = z.infer<typeof adoptionSchema>;
