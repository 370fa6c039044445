"use client";
import { useActionState } from "react";
import type { ActionResult, ActionState, RefusalNamespace } from "@/lib/form-result";
import { FormOutcome } from "@/components/form-outcome";
import { buttonClass, secondaryButtonClass } from "@/components/ui";

// One step of a workflow (share, publish, open, close, support, send): a button, an optional
// confirmation, the server's refusal in words (`namespace`.errors.<key>) or a success line.
export function StepForm<T>({
  action,
  label,
  confirm,
  namespace,
  success,
  secondary = false,
  pressed,
}: {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionResult<T>>;
  label: string;
  confirm?: string;
  namespace: RefusalNamespace;
  success?: string;
  secondary?: boolean;
  pressed?: boolean;
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
