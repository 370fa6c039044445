import { z } from "zod";
import { checkbox, optionalText } from "@/lib/form-schema";
import { BOOKLET_THEMES, languagesOf, type BookletTheme } from "@/lib/booklet/rules";

// The booklet's forms; messages are keys of booklet.errors.* (else errors.*) in lib/i18n.

const themes = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter((t): t is BookletTheme => (BOOKLET_THEMES as readonly string[]).includes(t)),
  );

const website = z
  .string()
  .trim()
  .max(500, { error: "tooLong" })
  .optional()
  .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
  .refine((v) => v === null || URL.canParse(v), { error: "websiteInvalid" });

const email = z
  .string()
  .trim()
  .max(320, { error: "tooLong" })
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, { error: "emailInvalid" });

export const entrySchema = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(200, { error: "tooLong" }),
  description: z.string().trim().max(2000, { error: "tooLong" }).optional().default(""),
  themes,
  place: optionalText(120),
  address: optionalText(300),
  hoursText: optionalText(500),
  phone: optionalText(60),
  email,
  website,
  walkIn: checkbox,
  languages: z
    .string()
    .max(500, { error: "tooLong" })
    .optional()
    .transform((v) => languagesOf(v ?? "")),
  wheelchair: checkbox,
  childrenWelcome: checkbox,
  cost: optionalText(200),
  keeperId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type EntryInput = z.infer<typeof entrySchema>;

export const settingsSchema = z.object({
  staleMonths: z.coerce
    .number({ error: "monthsInvalid" })
    .int({ error: "monthsInvalid" })
    .min(1, { error: "monthsInvalid" })
    .max(36, { error: "monthsInvalid" }),
  public: checkbox,
});

// The search: words, a theme, a language, a place, « ouvert maintenant ».
export type BookletFilter = {
  q: string;
  theme: BookletTheme | null;
  language: string | null;
  place: string | null;
  openNow: boolean;
};

export function bookletFilter(params: Record<string, string | string[] | undefined>): BookletFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 100) ?? "";
  const theme = one(params.theme);
  return {
    q: one(params.q),
    theme: (BOOKLET_THEMES as readonly string[]).includes(theme) ? (theme as BookletTheme) : null,
    language: one(params.langue).toLowerCase() || null,
    place: one(params.lieu) || null,
    openNow: one(params.ouvert) === "1",
  };
}
