import Link from "@/components/link";
import { Children, cloneElement, isValidElement } from "react";

// The few shapes every page shares, so that targets stay large and labels stay attached.

export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{children}</h1>;
}

export function Card({
  title,
  children,
  action,
  id,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
  // An anchor a link can land on (a section of the minutes, from the search).
  id?: string;
}) {
  return (
    <section
      id={id}
      className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      aria-label={title}
    >
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-stone-600">{children}</p>;
}

export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 aria-disabled:cursor-wait aria-disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold text-stone-900 hover:bg-stone-100 aria-disabled:cursor-wait aria-disabled:opacity-60";

export const inputClass =
  "block min-h-11 w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-base text-stone-900 aria-[invalid=true]:border-red-700";

export function TextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
    >
      {children}
    </Link>
  );
}

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {/* The field itself (the child with this id) is described by its hint and its error. */}
      {Children.map(children, (child) =>
        isValidElement<{ id?: string }>(child) && child.props.id === id
          ? cloneElement(child as React.ReactElement<Record<string, unknown>>, {
              "aria-describedby": `${hint ? `${id}-hint ` : ""}${id}-error`,
            })
          : child,
      )}
      <p id={`${id}-error`} className="min-h-5 text-sm font-medium text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

// `live={false}`: the box only, for text placed into a live region that was there before it
// (components/form-outcome.tsx), so that screen readers announce it.
export function Alert({
  kind,
  children,
  live = true,
}: {
  kind: "error" | "success" | "info";
  children: React.ReactNode;
  live?: boolean;
}) {
  const styles = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-green-300 bg-green-50 text-green-900",
    info: "border-sky-300 bg-sky-50 text-sky-900",
  }[kind];
  return (
    <div
      role={live ? (kind === "error" ? "alert" : "status") : undefined}
      className={`rounded-md border p-3 ${styles}`}
    >
      {children}
    </div>
  );
}
