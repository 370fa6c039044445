"use client";
import { useTranslations } from "next-intl";
import type { ActionError, ActionState, RefusalNamespace } from "@/lib/form-result";
import { Alert } from "@/components/ui";

// A refusal in words: the feature's own text (<namespace>.errors.<key>), else the general one
// (errors.<key>), else « the form has errors ». Keys are typed (ActionError), so every key an
// action can answer with has words in one of the two.
export function useRefusal(namespace: RefusalNamespace) {
  const t = useTranslations(namespace);
  const te = useTranslations("errors");
  return (error: ActionError): string => {
    const own = `errors.${error}` as Parameters<typeof t>[0];
    if (t.has(own)) return t(own);
    return te.has(error as Parameters<typeof te>[0]) ? te(error as Parameters<typeof te>[0]) : te("form");
  };
}

// The line above a form after the server answered: success, or the refusal in words.
export function FormOutcome({
  state,
  namespace,
  success,
}: {
  state: ActionState<unknown>;
  namespace: RefusalNamespace;
  success?: string;
}) {
  const refusal = useRefusal(namespace);
  if (!state) return null;
  if (state.ok) return success ? <Alert kind="success">{success}</Alert> : null;
  return <Alert kind="error">{refusal(state.error)}</Alert>;
}
