"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/auth/actions";
import { ActionForm } from "@/components/action-form";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import type { ActionState } from "@/lib/form-result";
import { useGeneralWords } from "@/components/form-outcome";

function fieldProps(state: ActionState, name: string) {
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return { "aria-invalid": error ? true : undefined, "aria-describedby": `${name}-error` };
}

export function PasswordResetRequestForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  const says = useGeneralWords(state);
  if (state?.ok) return <Alert kind="success">{t("reset.requestSent")}</Alert>;
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <ActionForm action={action} className="space-y-3" noValidate>
      {state && !state.ok && state.error !== "form" ? <Alert kind="error">{says(state.error)}</Alert> : null}
      <Field id="email" label={t("signIn.email")} error={errors.email ? says(errors.email) : undefined}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          className={inputClass}
          {...fieldProps(state, "email")}
        />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} aria-disabled={pending}>
        {t("reset.requestSubmit")}
      </button>
    </ActionForm>
  );
}

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const says = useGeneralWords(state);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <ActionForm action={action} className="space-y-3" noValidate>
      {state && !state.ok ? <Alert kind="error">{says(state.error)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label={t("reset.newPassword")}
        hint={t("reset.newPasswordHint")}
        error={errors.password ? says(errors.password) : undefined}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          className={inputClass}
          {...fieldProps(state, "password")}
        />
      </Field>
      <Field
        id="confirm"
        label={t("reset.confirm")}
        error={errors.confirm ? says(errors.confirm) : undefined}
      >
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
          {...fieldProps(state, "confirm")}
        />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} aria-disabled={pending}>
        {t("reset.submit")}
      </button>
    </ActionForm>
  );
}
