"use client";
import { useActionState } from "react";
import type { ActionResult, ActionState, RefusalNamespace } from "@/lib/form-result";
import { FormOutcome } from "@/components/form-outcome";
import { buttonClass, secondaryButtonClass } from "@/components/ui";

// One step of a workflow (share, publish, open, close, support, send): a button, an optional
// confirmation, the server's refusal in words (`namespace`.errors.<key>) or a success line.
// `fields`: hidden fields the action reads (which item of a list), for an action not bound in the
// page — a list renders many of these, and a bound action is encoded apart for each one.
export function StepForm<T>({
  action,
  label,
  confirm,
  namespace,
  success,
  secondary = false,
  pressed,
  fields,
}: {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionResult<T>>;
  label: string;
  confirm?: string;
  namespace: RefusalNamespace;
  success?: string;
  secondary?: boolean;
  pressed?: boolean;
  fields?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="space-y-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {fields
        ? Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))
        : null}
      <div aria-live="polite">
        <FormOutcome state={state} namespace={namespace} success={success} />
      </div>
      <button
        type="submit"
        aria-pressed={pressed}
        className={secondary ? secondaryButtonClass : buttonClass}
        aria-disabled={pending}
      >
        {label}
      </button>
    </form>
  );
}
