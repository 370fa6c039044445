import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" });

export const mandateSchema = z
  .object({
    membershipId: z.string().min(1, { error: "memberRequired" }),
    role: z.enum(["MEMBER", "PRESIDENT", "VICE_PRESIDENT", "SECRETARY", "TREASURER"]),
    collegeId: z
      .string()
      .optional()
      .transform((v) => v || null),
    startsOn: isoDate,
    endsOn: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(isoDate.nullable()),
  })
  .refine((m) => !m.endsOn || m.endsOn > m.startsOn, { error: "endBeforeStart", path: ["endsOn"] });
export type MandateInput = z.infer<typeof mandateSchema>;

export const endMandateSchema = z.object({ endsOn: isoDate });

export const commissionSchema = z.object({ name: z.string().trim().min(2, { error: "nameRequired" }).max(120) });

export const seatsSchema = z.object({
  seatsPerCollege: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 50) {
        ctx.addIssue({ code: "custom", message: "seatsInvalid" });
        return z.NEVER;
      }
      return n;
    }),
});
