"use client";
import { buttonClass } from "@/components/ui";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass} onClick={() => window.print()}>
      {label}
    </button>
  );
}
