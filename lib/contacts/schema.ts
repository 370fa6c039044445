import { z } from "zod";
import { optionalEmail, optionalText } from "@/lib/form-schema";

// The contact list's forms; messages are keys of contacts.errors.* (else errors.*) in lib/i18n.

export const PURPOSES = ["visitors", "events", "testimonies", "network"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const CHANNELS = ["phone", "sms", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

const listOf = <T extends string>(choices: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((v) =>
      [...new Set((v ?? "").split(",").map((x) => x.trim()))].filter((x): x is T =>
        (choices as readonly string[]).includes(x),
      ),
    );

const email = optionalEmail;

// Explicit: the box must be ticked; at least one purpose and one way to be reached.
export const consentSchema = z
  .object({
    name: z.string().trim().min(1, { error: "nameRequired" }).max(120, { error: "tooLong" }),
    phone: optionalText(40),
    email,
    purposes: listOf(PURPOSES),
    channels: listOf(CHANNELS),
    availability: optionalText(300),
    languages: z
      .string()
      .max(300, { error: "tooLong" })
      .optional()
      .transform((v) =>
        [...new Set((v ?? "").split(/[,;/]/).map((l) => l.trim().toLowerCase()))]
          .filter(Boolean)
          .slice(0, 10),
      ),
    note: optionalText(500),
    // Checked below with the rest, so that every mistake shows at once.
    agree: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.agree !== "on") ctx.addIssue({ code: "custom", path: ["agree"], message: "agreeRequired" });
    if (!v.purposes.length) ctx.addIssue({ code: "custom", path: ["purposes"], message: "purposeRequired" });
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "reachRequired" });
  });
export type ConsentInput = z.infer<typeof consentSchema>;

export const mailSelectionSchema = z.object({
  subject: z.string().trim().min(1, { error: "subjectRequired" }).max(200, { error: "tooLong" }),
  body: z.string().trim().min(1, { error: "bodyRequired" }).max(5000, { error: "tooLong" }),
});

export type ContactFilter = { purpose: Purpose | null; language: string | null; q: string };

export function contactFilter(params: Record<string, string | string[] | undefined>): ContactFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 100) ?? "";
  const purpose = one(params.pour);
  return {
    purpose: (PURPOSES as readonly string[]).includes(purpose) ? (purpose as Purpose) : null,
    language: one(params.langue).toLowerCase() || null,
    q: one(params.q),
  };
}

// Consent is asked again after two years (lib/contacts/reminders.internal.ts).
export const TWO_YEARS = 730 * 86_400_000;
export function isOld(confirmedAt: Date, now: Date): boolean {
  return confirmedAt.getTime() < now.getTime() - TWO_YEARS;
}
