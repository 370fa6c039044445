"use client";
import type { ActionState } from "@/lib/form-result";
import { Field, inputClass } from "@/components/ui";
import { useGeneralWords } from "@/components/form-outcome";

// Text inputs wired to a form state: the error under the field, what was typed kept.
export function useFormFields(state: ActionState<unknown>, initial: Record<string, string> = {}) {
  const says = useGeneralWords(state);
  const values = state && !state.ok ? state.values : initial;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const errorOf = (name: string) => {
    const key = errors[name];
    return key ? says(key) : undefined;
  };
  const props = (name: string) => ({
    id: name,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${name}-error`,
  });
  // A function returning elements, not a component: a component defined here would be a new
  // type on every render, and React would remount (and empty) the inputs.
  // `id` when the same field stands more than once on a page (one form per row of a table).
  function textField(
    name: string,
    label: string,
    options: { type?: string; hint?: string; autoComplete?: string; id?: string } = {},
  ) {
    const { type = "text", hint, autoComplete, id = name } = options;
    return (
      <Field key={id} id={id} label={label} error={errorOf(name)} hint={hint}>
        <input
          type={type}
          autoComplete={autoComplete}
          className={inputClass}
          {...props(name)}
          id={id}
          aria-describedby={`${hint ? `${id}-hint ` : ""}${id}-error`}
        />
      </Field>
    );
  }
  return { values, errors, errorOf, props, textField };
}

// The same, for a form that stands more than once on a page (one per section or row): each
// field's id carries the form's prefix.
export function usePrefixedFields(
  state: ActionState<unknown>,
  idPrefix: string,
  initial: Record<string, string> = {},
) {
  const fields = useFormFields(state, initial);
  const p = (name: string) => ({
    ...fields.props(name),
    id: `${idPrefix}-${name}`,
    "aria-describedby": `${idPrefix}-${name}-error`,
  });
  return { ...fields, p };
}
