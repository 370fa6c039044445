import { z } from "zod";
import { isoDate, optionalInteger } from "@/lib/form-schema";

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

export const commissionSchema = z.object({
  name: z.string().trim().min(2, { error: "nameRequired" }).max(120),
});

export const seatsSchema = z.object({
  seatsPerCollege: optionalInteger(1, 50, "seatsInvalid"),
});
