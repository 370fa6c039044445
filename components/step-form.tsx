"use client";
import { useActionState } from "react";
import type { FormResult } from "@/lib/form-result";
import { FormOutcome } from "@/components/form-outcome";
import { buttonClass, secondaryButtonClass } from "@/components/ui";

// One step of a workflow (share, publish, open, close, support, send): a button, an optional
// confirmation, the server's refusal in words (`namespace`.errors.<code>) or a success line.
export function StepForm({
  action,
  label,
  confirm,
  namespace,
  known,
  success,
  secondary = false,
  pressed,
}: {
  action: () => Promise<FormResult<number>>;
  label: string;
  confirm?: string;
  namespace: string;
  known: readonly string[];
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
        <FormOutcome state={state} namespace={namespace} known={known} success={success} />
      </div>
      <button
        type="submit"
        aria-pressed={pressed}
        className={secondary ? secondaryButtonClass : buttonClass}
        disabled={pending}
      >
        {label}
      </button>
    </form>
  );
}
