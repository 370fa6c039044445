"use client";
import { useActionState } from "react";
import type { FormResult } from "@/lib/form-result";
import { FormOutcome } from "@/components/form-outcome";
import { buttonClass } from "@/components/ui";

// One step of a workflow (share, publish, open, close): a button, an optional confirmation, and
// the server's refusal in words (`namespace`.errors.<code>).
export function StepForm({ action, label, confirm, namespace, known }: { action: () => Promise<FormResult<number>>; label: string; confirm?: string; namespace: string; known: readonly string[] }) {
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
        <FormOutcome state={state} namespace={namespace} known={known} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
