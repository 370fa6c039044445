import { z } from "zod";
import { checkbox, isoDate, optionalText } from "@/lib/form-schema";

export const memberSchema = z
  .object({
    name: z.string().trim().min(1, { error: "nameRequired" }).max(200),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.email({ error: "emailInvalid" }).nullable()),
    phone: optionalText(40),
    address: optionalText(300),
    kind: z.enum(["ASSOCIATE", "GUEST"]),
    categoryId: optionalText(40),
    joinedOn: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(isoDate.nullable()),
    shares: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const n = Number(v?.trim() || "0");
        if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
          ctx.addIssue({ code: "custom", message: "sharesInvalid" });
          return z.NEVER;
        }
        return n;
      }),
    title: optionalText(200),
    newsletterConsent: checkbox,
    // What the box said when the form opened (absent: unknown, the box is taken as said).
    newsletterConsentWas: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "on"))
      .optional(),
    isCoordinator: checkbox,
    invite: checkbox,
  })
  .refine((m) => m.kind === "GUEST" || m.categoryId !== null, {
    error: "categoryRequired",
    path: ["categoryId"],
  })
  .refine((m) => m.kind === "GUEST" || m.joinedOn !== null, { error: "joinedOnRequired", path: ["joinedOn"] })
  .refine((m) => !m.invite || m.email !== null, { error: "inviteNeedsEmail", path: ["email"] });
export type MemberInput = z.infer<typeof memberSchema>;

export const categoryChangeSchema = z.object({
  categoryId: z.string().min(1, { error: "categoryRequired" }),
  from: isoDate,
});
export type CategoryChangeInput = z.infer<typeof categoryChangeSchema>;
