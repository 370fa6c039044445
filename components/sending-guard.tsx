"use client";
import { useEffect } from "react";

// A button being sent says so with aria-disabled (it keeps the focus, unlike disabled, which
// drops it to the page): this guard, listening before React's own handlers, ignores a second
// click on it, so that a form is not sent twice.
export function SendingGuard() {
  useEffect(() => {
    const guard = (event: Event) => {
      const submitter = (event as SubmitEvent).submitter;
      if (submitter?.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    window.addEventListener("submit", guard, true);
    return () => window.removeEventListener("submit", guard, true);
  }, []);
  return null;
}
