// The SCIC rules on categories and colleges (loi n° 47-1775, art. 19 septies and 19 octies).
// Pure: the colleges form and the service both call validateCollegeConfig.
import type { CategoryKind } from "@/lib/generated/prisma/enums";
import type { Problem } from "@/lib/form-result";
import { numberFormat } from "@/lib/intl";

export const MIN_COLLEGE_BP = 1000; // art. 19 octies: no college under 10 %
export const MAX_COLLEGE_BP = 5000; // art. 19 octies: no college over 50 %
export const TOTAL_BP = 10000;

export type CollegeInput = { key: string; name: string; weightBp: number };
export type CategoryInput = { key: string; name: string; kind: CategoryKind; collegeKey: string | null };

export type CollegeViolation =
  | { rule: "tooFewCategories"; count: number } // art. 19 septies: at least 3 categories
  | { rule: "noBeneficiaries" } // art. 19 septies: the beneficiaries
  | { rule: "noEmployeesOrProducers" } // art. 19 septies: the employees, or producers without employees
  | { rule: "tooFewColleges"; count: number } // art. 19 octies: 3 colleges or more
  | { rule: "collegeTooLight"; college: string; weightBp: number }
  | { rule: "collegeTooHeavy"; college: string; weightBp: number }
  | { rule: "weightsDoNotSum"; totalBp: number }
  | { rule: "collegeWithoutCategory"; college: string }
  | { rule: "categoryWithoutCollege"; category: string }
  | { rule: "duplicateName"; name: string };

export function validateCollegeConfig(
  colleges: readonly CollegeInput[],
  categories: readonly CategoryInput[],
): CollegeViolation[] {
  const violations: CollegeViolation[] = [];
  if (categories.length < 3) violations.push({ rule: "tooFewCategories", count: categories.length });
  if (!categories.some((c) => c.kind === "BENEFICIARY")) violations.push({ rule: "noBeneficiaries" });
  if (!categories.some((c) => c.kind === "EMPLOYEE" || c.kind === "PRODUCER"))
    violations.push({ rule: "noEmployeesOrProducers" });

  for (const list of [colleges, categories]) {
    const seen = new Set<string>();
    for (const item of list) {
      const name = item.name.trim().toLocaleLowerCase("fr");
      if (seen.has(name)) violations.push({ rule: "duplicateName", name: item.name });
      seen.add(name);
    }
  }

  // Colleges are optional: without any, every member has one vote at the AG.
  if (colleges.length === 0) return violations;
  if (colleges.length < 3) violations.push({ rule: "tooFewColleges", count: colleges.length });
  for (const college of colleges) {
    if (college.weightBp < MIN_COLLEGE_BP)
      violations.push({ rule: "collegeTooLight", college: college.name, weightBp: college.weightBp });
    if (college.weightBp > MAX_COLLEGE_BP)
      violations.push({ rule: "collegeTooHeavy", college: college.name, weightBp: college.weightBp });
    if (!categories.some((c) => c.collegeKey === college.key))
      violations.push({ rule: "collegeWithoutCategory", college: college.name });
  }
  const totalBp = colleges.reduce((sum, c) => sum + c.weightBp, 0);
  if (totalBp !== TOTAL_BP) violations.push({ rule: "weightsDoNotSum", totalBp });
  for (const category of categories) {
    if (!category.collegeKey || !colleges.some((c) => c.key === category.collegeKey)) {
      violations.push({ rule: "categoryWithoutCollege", category: category.name });
    }
  }
  return violations;
}

// Equal weights unless the statutes say otherwise; the hundredths left over go to the first colleges.
export function equalWeights(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(TOTAL_BP / count);
  const rest = TOTAL_BP - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < rest ? 1 : 0));
}

// "25", "33,34", "12.5 %" → basis points; null when it is not a percentage with at most two decimals.
export function parsePercent(text: string): number | null {
  const cleaned = text.replace(/\s|%/g, "").replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function formatPercent(bp: number, locale = "fr"): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100);
}

// What the service refuses a configuration for: the law's rules, and categories members hold.
export type ConfigViolation =
  | CollegeViolation
  | { rule: "categoryInUse"; category: string }
  // A college removed while a vote is open: its ballots would lose their college before the count.
  | { rule: "collegeInOpenVote"; college: string };

// A refused configuration comes back to the form as the lines of the refusal (lib/form-result's
// Problem): what the line names, and the rule with its figure after a colon ("collegeTooHeavy:5500").
export function violationLine(v: ConfigViolation): Problem {
  switch (v.rule) {
    case "collegeTooLight":
    case "collegeTooHeavy":
      return { name: v.college, reason: `${v.rule}:${v.weightBp}` };
    case "weightsDoNotSum":
      return { name: "", reason: `${v.rule}:${v.totalBp}` };
    case "tooFewCategories":
    case "tooFewColleges":
      return { name: "", reason: `${v.rule}:${v.count}` };
    case "collegeWithoutCategory":
    case "collegeInOpenVote":
      return { name: v.college, reason: v.rule };
    case "categoryWithoutCollege":
    case "categoryInUse":
      return { name: v.category, reason: v.rule };
    case "duplicateName":
      return { name: v.name, reason: v.rule };
    case "noBeneficiaries":
    case "noEmployeesOrProducers":
      return { name: "", reason: v.rule };
  }
}

// The violation a line stands for; null for a line this version does not know.
export function lineViolation({ name, reason }: Problem): ConfigViolation | null {
  const [rule, figureText] = reason.split(":");
  const figure = Number(figureText);
  switch (rule) {
    case "collegeTooLight":
    case "collegeTooHeavy":
      return Number.isFinite(figure) ? { rule, college: name, weightBp: figure } : null;
    case "weightsDoNotSum":
      return Number.isFinite(figure) ? { rule, totalBp: figure } : null;
    case "tooFewCategories":
    case "tooFewColleges":
      return Number.isFinite(figure) ? { rule, count: figure } : null;
    case "collegeWithoutCategory":
    case "collegeInOpenVote":
      return { rule, college: name };
    case "categoryWithoutCollege":
    case "categoryInUse":
      return { rule, category: name };
    case "duplicateName":
      return { rule, name };
    case "noBeneficiaries":
    case "noEmployeesOrProducers":
      return { rule };
    default:
      return null;
  }
}
