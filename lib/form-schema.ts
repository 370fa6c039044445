import { z } from "zod";

// Pieces of zod schemas that several forms share; messages are keys of errors.* in lib/i18n.

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
  // A day that exists: JavaScript reads « 2026-02-30 » as 2 March, so the day must read back.
  .refine(
    (v) => {
      const time = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
    },
    { error: "dateInvalid" },
  );

// An empty field is null; otherwise a whole number between min and max.
export function optionalInteger(min: number, max: number, message: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });
}

// Trimmed text; an empty field is null.
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));
}

// An e-mail address, lower-cased; an empty field is null.
export const optionalEmail = z
  .string()
  .trim()
  .max(320, { error: "tooLong" })
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, { error: "emailInvalid" });
