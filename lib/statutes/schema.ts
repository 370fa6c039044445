import { z } from "zod";
import { parseFraction } from "@/lib/statutes/fractions";
import { parsePercent } from "@/lib/statutes/college-rules";
import { checkbox, optionalInteger } from "@/lib/form-schema";

const CATEGORY_KINDS = ["BENEFICIARY", "EMPLOYEE", "PRODUCER", "OTHER"] as const;

export const collegeRowSchema = z.object({
  key: z.string().min(1),
  id: z.string().optional(),
  name: z.string().trim().min(1, { error: "nameRequired" }).max(120),
  weight: z.string().transform((text, ctx) => {
    const bp = parsePercent(text);
    if (bp === null) {
      ctx.addIssue({ code: "custom", message: "percentInvalid" });
      return z.NEVER;
    }
    return bp;
  }),
});

export const categoryRowSchema = z.object({
  key: z.string().min(1),
  id: z.string().optional(),
  name: z.string().trim().min(1, { error: "nameRequired" }).max(120),
  kind: z.enum(CATEGORY_KINDS),
  collegeKey: z.string().nullable(),
});

export const collegeConfigSchema = z.object({
  colleges: z.array(collegeRowSchema).max(20),
  categories: z.array(categoryRowSchema).max(20),
});
export type CollegeConfigInput = z.infer<typeof collegeConfigSchema>;

const fraction = z.string().transform((text, ctx) => {
  const value = parseFraction(text);
  if (!value) {
    ctx.addIssue({ code: "custom", message: "fractionInvalid" });
    return z.NEVER;
  }
  return value;
});

export const statutesSchema = z
  .object({
    agoQuorumFirst: fraction,
    agoQuorumSecond: fraction,
    agoMajority: fraction,
    agoMajorityRule: z.enum(["MORE_THAN", "AT_LEAST"]),
    ageQuorumFirst: fraction,
    ageQuorumSecond: fraction,
    ageMajority: fraction,
    ageMajorityRule: z.enum(["MORE_THAN", "AT_LEAST"]),
    quorumBasis: z.enum(["HEADS", "WEIGHTED"]),
    emptyCollegeRule: z.enum(["REDISTRIBUTE", "COUNT_AS_ZERO"]),
    proxySameCollege: checkbox,
    proxyCapRule: z.enum(["LEGAL_DEFAULT", "FIXED"]),
    proxyCapFixed: optionalInteger(0, 1000, "proxyCapInvalid"),
    blankProxyFollowsCouncil: checkbox,
    writtenConsultationsAllowed: checkbox,
    voteChangeAllowed: checkbox,
    minutesApprovedBy: z.enum(["NEXT_MEETING", "PRESIDENT"]),
  })
  .refine((s) => s.proxyCapRule !== "FIXED" || s.proxyCapFixed !== null, {
    error: "proxyCapRequired",
    path: ["proxyCapFixed"],
  });
export type StatutesInput = z.infer<typeof statutesSchema>;

export const identitySchema = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(200),
  shortName: z.string().trim().min(1, { error: "shortNameRequired" }).max(80),
  city: z.string().trim().min(1, { error: "cityRequired" }).max(120),
});
export type IdentityInput = z.infer<typeof identitySchema>;
