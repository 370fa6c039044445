"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export function SupportGrantForm<T>({ action }: { action: Action<T> }) {
  const t = useTranslations("operator.support");
  const [state, formAction, pending] = useActionState(action, null);
  const { values, textField } = useFormFields(state, { hours: "24" });
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate key={state?.ok ? state.at : "form"}>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="operator" success={t("granted")} />
      </div>
      <Field id="hours" label={t("duration")}>
        <select id="hours" name="hours" defaultValue={values.hours ?? "24"} className={inputClass}>
          {(["1", "24", "72"] as const).map((h) => (
            <option key={h} value={h}>
              {t(`hours.${h}`)}
            </option>
          ))}
        </select>
      </Field>
      {textField("reason", t("reason"), { autoComplete: "off", hint: t("reasonHint") })}
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("grant")}
      </button>
    </ActionForm>
  );
}
