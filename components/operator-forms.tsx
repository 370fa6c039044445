"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export function NewCooperativeForm<T>({ action }: { action: Action<T> }) {
  const t = useTranslations("operator");
  const [state, formAction, pending] = useActionState(action, null);
  // After a success the form starts empty again, for the next cooperative.
  const { textField } = useFormFields(state, {});
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate key={state?.ok ? state.at : "form"}>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="operator" success={t("created")} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {textField("name", t("fields.name"), { autoComplete: "off" })}
        {textField("shortName", t("fields.shortName"), { autoComplete: "off" })}
        {textField("city", t("fields.city"), { autoComplete: "off" })}
        {textField("slug", t("fields.slug"), { autoComplete: "off", hint: t("fields.slugHint") })}
        {textField("coordinatorName", t("fields.coordinatorName"), { autoComplete: "off" })}
        {textField("coordinatorEmail", t("fields.coordinatorEmail"), { type: "email", autoComplete: "off" })}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("create")}
      </button>
    </ActionForm>
  );
}

export function SuspendForm<T>({ action, id, name }: { action: Action<T>; id: string; name: string }) {
  const t = useTranslations("operator");
  const [state, formAction, pending] = useActionState(action, null);
  const { values, errorOf } = useFormFields(state, {});
  const field = `note-${id}`;
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="operator" success={t("suspendedDone")} />
      </div>
      <Field
        id={field}
        label={`${t("suspendNote")} (${name})`}
        error={errorOf("note")}
        hint={t("suspendHint")}
      >
        <input
          id={field}
          name="note"
          defaultValue={values.note ?? ""}
          autoComplete="off"
          className={inputClass}
          aria-invalid={errorOf("note") ? true : undefined}
          aria-describedby={`${field}-error`}
        />
      </Field>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t("suspend")}
      </button>
    </ActionForm>
  );
}

export function DeletionForm<T>({
  action,
  id,
  name,
  days,
}: {
  action: Action<T>;
  id: string;
  name: string;
  days: number;
}) {
  const t = useTranslations("operator");
  const [state, formAction, pending] = useActionState(action, null);
  const { values, errorOf } = useFormFields(state, {});
  const field = `confirm-${id}`;
  return (
    <details className="mt-2">
      <summary className="min-h-11 cursor-pointer py-2 text-sm underline">{t("deleteTitle")}</summary>
      <ActionForm action={formAction} className="space-y-2" noValidate>
        <div aria-live="polite">
          <FormOutcome state={state} namespace="operator" success={t("deletionRequested")} />
        </div>
        <Field
          id={field}
          label={t("deleteConfirm", { name })}
          error={errorOf("confirmName")}
          hint={t("deleteHint", { days })}
        >
          <input
            id={field}
            name="confirmName"
            defaultValue={values.confirmName ?? ""}
            autoComplete="off"
            className={inputClass}
            aria-invalid={errorOf("confirmName") ? true : undefined}
            aria-describedby={`${field}-hint ${field}-error`}
          />
        </Field>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {t("delete")}
        </button>
      </ActionForm>
    </details>
  );
}
