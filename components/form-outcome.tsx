"use client";
import { useEffect, useRef } from "react";
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

// The line above a form after the server answered: success, or the refusal in words. Both live
// regions are on the page before any answer, so that screen readers announce the text put into
// them; after an answer, focus goes to the first field in error, else to the answer itself.
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
  const refused = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (success) done.current?.focus();
      return;
    }
    const field = refused.current?.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? refused.current)?.focus();
  }, [state, success]);
  return (
    <>
      <div ref={refused} role="alert" tabIndex={-1}>
        {state && !state.ok ? (
          <Alert kind="error" live={false}>
            {refusal(state.error)}
          </Alert>
        ) : null}
      </div>
      <div ref={done} role="status" tabIndex={-1}>
        {state?.ok && success ? (
          <Alert kind="success" live={false}>
            {success}
          </Alert>
        ) : null}
      </div>
    </>
  );
}
