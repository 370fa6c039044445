"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { ActionError, ActionState, RefusalNamespace } from "@/lib/form-result";
import { Alert } from "@/components/ui";

// A refusal in words: the feature's own text (<namespace>.errors.<key>), else the general one.
// Keys are typed (ActionError), so every key an action can answer with has words in one of the two.
export function useRefusal(namespace: RefusalNamespace, state: ActionState<unknown>) {
  // The catalogue's root rather than useTranslations(namespace): typing a translator for a union
  // of every feature's namespace cost the typecheck 9 of its 35 s.
  const t = useTranslations();
  const general = useGeneralWords(state);
  return (error: ActionError): string => {
    const own = `${namespace}.errors.${error}` as Parameters<typeof t>[0];
    return t.has(own) ? t(own) : general(error);
  };
}

// A general refusal's text (errors.<key>): the words the server sent with the refusal (in the
// reader's language), else the browser's catalogue on the pages that still send it (a preview
// whose lines name general keys), else « the form has errors ».
export function useGeneralWords(state: ActionState<unknown>) {
  const te = useTranslations("errors");
  const words = (state && !state.ok ? state.words : undefined) ?? {};
  const catalogue = (key: string) => {
    const general = key as Parameters<typeof te>[0];
    return te.has(general) ? te(general) : undefined;
  };
  return (key: string): string => words[key] ?? catalogue(key) ?? words.form ?? catalogue("form") ?? "";
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
  const refusal = useRefusal(namespace, state);
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
