import type { z } from "zod";
import type messages from "@/lib/i18n/messages/fr.json";

type Messages = typeof messages;

// A field's error: a key of the `errors` messages.
export type FieldError = keyof Messages["errors"] & string;

// The namespaces that put a feature's refusals into words (messages.<namespace>.errors.<key>).
export type RefusalNamespace = {
  [N in keyof Messages]: Messages[N] extends { errors: object } ? N : never;
}[keyof Messages];

// Every refusal an action may answer with: a key the interface has words for, in the feature's
// namespace or among the general errors. A misspelled key fails `npm run typecheck`.
export type ActionError =
  FieldError | { [N in RefusalNamespace]: keyof Messages[N]["errors"] & string }[RefusalNamespace];

// Under each field, a key of `errors` or of the feature's own refusals.
export type FieldErrors = Partial<Record<string, ActionError>>;

// One line of a refusal that names several things (each paper voter the rules turned away).
export type Problem = { name: string; reason: string };

// What a service answers: the data, or a refusal for people.
export type Result<T = null, E extends ActionError = ActionError> =
  { ok: true; data: T } | { ok: false; error: E; fieldErrors?: FieldErrors; problems?: Problem[] };

// The general texts (messages.errors.<key>) of the keys a refusal names, and of `form`, in the
// reader's language. They come with the refusal, so that pages need not send the browser the
// whole catalogue of general refusals (5 kB) in case one is needed (issue 21).
export type RefusalWords = Partial<Record<string, string>>;

// What every server action returns to its form (read with useActionState). `at` is the time of
// the change, so that a form adding rows can start empty again; `values` gives back what was
// typed (never passwords) so that nothing is lost when the form shows again.
export type ActionResult<T = null> =
  | { ok: true; data: T; at: number }
  | {
      ok: false;
      error: ActionError;
      fieldErrors: FieldErrors;
      values: Record<string, string>;
      problems?: Problem[];
      words: RefusalWords;
    };

export type ActionState<T = null> = ActionResult<T> | null;

export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });

export function refuse<E extends ActionError>(
  error: E,
  fieldErrors?: FieldErrors,
): { ok: false; error: E; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

// PostgreSQL text cannot hold U+0000 (the query fails): a pasted NUL is dropped, not a 500.
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

// What was typed, as text (a field ticked several times, such as checkboxes of ids, comes back
// as one comma-separated text); anything that is not a form (an action called by hand) reads
// as empty.
export function formValues(formData: unknown, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || omit.includes(key) || key.startsWith("$ACTION")) continue;
    const text = withoutNul(value);
    values[key] = Object.hasOwn(values, key) ? `${values[key]},${text}` : text;
  }
  return values;
}

// zod's issues, one per field; the schemas' messages are keys of `errors`.
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message as ActionError;
  }
  return fieldErrors;
}

export function failure(
  error: ActionError,
  values: Record<string, string> = {},
  fieldErrors: FieldErrors = {},
): ActionResult<never> {
  return { ok: false, error, fieldErrors, values, words: {} };
}
