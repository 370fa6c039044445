"use client";
import { startTransition } from "react";

// A form whose server action runs without React's automatic reset, so that what the person
// typed stays in the fields when the server sends the form back with an error. Without
// JavaScript the browser posts it to the same action.
// `confirm`: a question asked before sending (a step that cannot be undone).
export function ActionForm({
  action,
  children,
  confirm,
  ...props
}: Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & {
  action: (formData: FormData) => void;
  confirm?: string;
}) {
  return (
    <form
      {...props}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        // With the button pressed (its name and value), as the browser would post it.
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(formData));
      }}
    >
      {children}
    </form>
  );
}
