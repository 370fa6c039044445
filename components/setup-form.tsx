"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { buttonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export function SetupForm<T>({ action, token }: { action: Action<T>; token: string }) {
  const t = useTranslations("setup");
  const [state, formAction, pending] = useActionState(action, null);
  const { textField } = useFormFields(state, {});
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="setup" />
      </div>
      <input type="hidden" name="token" value={token} />
      {textField("name", t("name"), { autoComplete: "name" })}
      {textField("email", t("email"), { type: "email", autoComplete: "email" })}
      {textField("password", t("password"), { type: "password", autoComplete: "new-password" })}
      {textField("confirm", t("confirm"), { type: "password", autoComplete: "new-password" })}
      <button type="submit" className={`${buttonClass} w-full`} aria-disabled={pending}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
