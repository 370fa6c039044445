"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { buttonClass, secondaryButtonClass } from "@/components/ui";

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
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("create")}
      </button>
    </ActionForm>
  );
}

export function SuspendForm<T>({ action, id, name }: { action: Action<T>; id: string; name: string }) {
  const t = useTranslations("operator");
  const [state, formAction, pending] = useActionState(action, null);
  const { textField } = useFormFields(state, {});
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="operator" success={t("suspendedDone")} />
      </div>
      {textField("note", `${t("suspendNote")} (${name})`, {
        id: `note-${id}`,
        hint: t("suspendHint"),
        autoComplete: "off",
      })}
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
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
  const { textField } = useFormFields(state, {});
  return (
    <details className="mt-2">
      <summary className="min-h-11 cursor-pointer py-2 text-sm underline">{t("deleteTitle")}</summary>
      <ActionForm action={formAction} className="space-y-2" noValidate>
        <div aria-live="polite">
          <FormOutcome state={state} namespace="operator" success={t("deletionRequested")} />
        </div>
        {textField("confirmName", t("deleteConfirm", { name }), {
          id: `confirm-${id}`,
          hint: t("deleteHint", { days }),
          autoComplete: "off",
        })}
        <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
          {t("delete")}
        </button>
      </ActionForm>
    </details>
  );
}
