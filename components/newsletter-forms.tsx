"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

// Subject and Markdown text.
// `withAnswers`: a second button adds the council's answers of the month to the text as typed.
export function IssueForm<T>({
  action,
  initial,
  withAnswers = false,
}: {
  action: Action<T>;
  initial: { subject: string; body: string };
  withAnswers?: boolean;
}) {
  const t = useTranslations("newsletter");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state, initial);
  return (
    <ActionForm
      key={`${initial.subject}|${initial.body.length}`}
      action={formAction}
      className="space-y-3"
      noValidate
    >
      <div aria-live="polite">
        <FormOutcome state={state} namespace="newsletter" success={t("saved")} />
      </div>
      {textFieldFor("subject", t("subject"), errorOf("subject"), props("subject"))}
      <Field id="body" label={t("body")} hint={t("bodyHint")} error={errorOf("body")}>
        <textarea rows={14} className={`${inputClass} font-mono`} {...props("body")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} aria-disabled={pending}>
          {t("save")}
        </button>
        {withAnswers ? (
          <button
            type="submit"
            name="intent"
            value="appendAnswers"
            className={secondaryButtonClass}
            aria-disabled={pending}
            aria-describedby="answers-help"
          >
            {t("appendAnswers")}
          </button>
        ) : null}
      </div>
      {withAnswers ? (
        <p id="answers-help" className="text-sm text-stone-700">
          {t("answersHelp")}
        </p>
      ) : null}
    </ActionForm>
  );
}

function textFieldFor(
  name: string,
  label: string,
  error: string | undefined,
  props: Record<string, unknown>,
) {
  return (
    <Field id={name} label={label} error={error}>
      <input type="text" className={inputClass} {...props} />
    </Field>
  );
}
