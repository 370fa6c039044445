import { z } from "zod";
import { optionalText } from "@/lib/form-schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

// A new cooperative: its identity, and who coordinates it.
export const newCooperativeSchema = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(200),
  shortName: optionalText(80),
  city: optionalText(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, { error: "slugInvalid" }),
  coordinatorName: z.string().trim().min(1, { error: "coordinatorNameRequired" }).max(200),
  coordinatorEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "emailInvalid" })),
});
export type NewCooperativeInput = z.infer<typeof newCooperativeSchema>;

export const suspensionSchema = z.object({
  note: z.string().trim().min(1, { error: "suspensionNoteRequired" }).max(1000),
});

// The first operator, from the one-time setup link.
export const setupSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1, { error: "nameRequired" }).max(200),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "emailInvalid" })),
    password: z.string().min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" }).max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: "passwordMismatch", path: ["confirm"] });
export type SetupInput = z.infer<typeof setupSchema>;

export const supportGrantSchema = z.object({
  hours: z.enum(["1", "24", "72"], { error: "invalid" }).transform(Number),
  reason: z.string().trim().min(1, { error: "supportReasonRequired" }).max(300, { error: "tooLong" }),
});

export const deletionSchema = z.object({
  confirmName: z.string().max(300),
});
