import { dateKey, dayKey } from "@/lib/dates";

// A category held from validFrom (inclusive) to validTo (exclusive, null = still held).
export type CategorySpan = {
  categoryId: string;
  categoryName: string;
  validFrom: Date;
  validTo: Date | null;
};

// The register's rows (CategoryAssignment with its category) as spans.
export function spansOf(
  assignments: readonly {
    categoryId: string;
    validFrom: Date;
    validTo: Date | null;
    category: { name: string };
  }[],
): CategorySpan[] {
  return assignments.map((a) => ({
    categoryId: a.categoryId,
    categoryName: a.category.name,
    validFrom: a.validFrom,
    validTo: a.validTo,
  }));
}

function holdsOn(span: CategorySpan, day: string): boolean {
  return dateKey(span.validFrom) <= day && (span.validTo === null || day < dateKey(span.validTo));
}

// The category a member held on the day of `instant` (a vote, a meeting): every later rule
// counts a person in that category's college, not in today's.
export function categoryOn(spans: readonly CategorySpan[], instant: Date): CategorySpan | null {
  const day = dayKey(instant);
  return spans.find((span) => holdsOn(span, day)) ?? null;
}

// The category held just before the current one, for lines such as "anciennement catégorie
// salarié·es et maintenant soutiens militants".
export function previousCategory(spans: readonly CategorySpan[], instant: Date): CategorySpan | null {
  const current = categoryOn(spans, instant);
  if (!current) return null;
  const from = dateKey(current.validFrom);
  return (
    [...spans]
      .filter(
        (span) =>
          span.validTo !== null && dateKey(span.validTo) <= from && span.categoryId !== current.categoryId,
      )
      .sort((a, b) => dateKey(b.validFrom).localeCompare(dateKey(a.validFrom)))[0] ?? null
  );
}
