import type { z } from "zod";

// What every server action returns to its form (read with useActionState). Error texts are
// message keys of lib/i18n/messages; `values` gives back what was typed (never passwords) so
// that nothing is lost when the form shows again.
export type FormResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export type FormState<T = null> = FormResult<T> | null;

// PostgreSQL text cannot hold U+0000 (the query fails): a pasted NUL is dropped, not a 500.
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

// What was typed, as text; anything that is not a form (an action called by hand) reads as empty.
export function formValues(formData: unknown, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$ACTION"))
      values[key] = withoutNul(value);
  }
  return values;
}

export function invalid(error: z.ZodError, values: Record<string, string>): FormResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, error: "form", fieldErrors, values };
}

export function failure(
  error: string,
  values: Record<string, string> = {},
  fieldErrors: Record<string, string> = {},
): FormResult<never> {
  return { ok: false, error, fieldErrors, values };
}
