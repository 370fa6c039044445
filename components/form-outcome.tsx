"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-result";
import { Alert } from "@/components/ui";

// The line above a form after the server answered: success, a known refusal in words, or the
// general "correct the fields" message. `namespace` holds success texts and `errors.<code>`.
export function FormOutcome({
  state,
  namespace,
  known,
  success,
}: {
  state: FormState<unknown>;
  namespace: string;
  known: readonly string[];
  success?: string;
}) {
  const t = useTranslations(namespace);
  if (!state) return null;
  if (state.ok) return success ? <Alert kind="success">{success}</Alert> : null;
  return (
    <Alert kind="error">{known.includes(state.error) ? t(`errors.${state.error}`) : t("errors.form")}</Alert>
  );
}
