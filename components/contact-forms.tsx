"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { Field, buttonClass, inputClass } from "@/components/ui";

type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

const PURPOSES = ["visitors", "events", "testimonies", "network"] as const;
const CHANNELS = ["phone", "sms", "email"] as const;

export type ConsentValues = {
  name: string;
  phone: string;
  email: string;
  purposes: string[];
  channels: string[];
  availability: string;
  languages: string;
  note: string;
};

// Agreeing to be contacted (the profile), or a paper form typed in (the coordinator): the same
// fields, and a box to tick with the words agreed to.
export function ConsentForm<T>({
  action,
  initial,
  agreeLabel,
  submit,
  success,
}: {
  action: Action<T>;
  initial: ConsentValues;
  agreeLabel: string;
  submit: string;
  success: string;
}) {
  const t = useTranslations("contacts");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("contacts", state);
  const failed = state && !state.ok ? state : null;
  const text = (name: keyof ConsentValues) =>
    failed ? (failed.values[name] ?? "") : String(initial[name] ?? "");
  const chosen = (name: "purposes" | "channels") =>
    failed ? (failed.values[name] ?? "").split(",") : initial[name];
  const error = (name: string) => {
    const key = failed?.fieldErrors[name];
    return key ? refusal(key) : undefined;
  };
  const input = (name: keyof ConsentValues, type = "text", autoComplete = "off") => (
    <input
      id={name}
      name={name}
      type={type}
      autoComplete={autoComplete}
      className={inputClass}
      defaultValue={text(name)}
      aria-invalid={error(name) ? true : undefined}
    />
  );
  const boxes = (name: "purposes" | "channels", choices: readonly string[]) => (
    <fieldset className="space-y-1" aria-describedby={`${name}-error`}>
      <legend className="font-medium text-stone-900">{t(`form.${name}`)}</legend>
      {choices.map((c) => (
        <label key={c} className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name={name}
            value={c}
            defaultChecked={chosen(name).includes(c)}
            className="size-5"
          />{" "}
          {t(`${name}.${c}` as "purposes.events")}
        </label>
      ))}
      <p id={`${name}-error`} className="min-h-5 text-sm font-medium text-red-700">
        {error(name) ?? null}
      </p>
    </fieldset>
  );
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="contacts" success={success} />
      </div>
      <Field id="name" label={t("form.name")} error={error("name")}>
        {input("name", "text", "name")}
      </Field>
      {boxes("purposes", PURPOSES)}
      <Field id="phone" label={t("form.phone")} error={error("phone")}>
        {input("phone", "tel", "tel")}
      </Field>
      <Field id="email" label={t("form.email")} error={error("email")}>
        {input("email", "email", "email")}
      </Field>
      {boxes("channels", CHANNELS)}
      <Field id="availability" label={t("form.availability")} hint={t("form.availabilityHint")}>
        {input("availability")}
      </Field>
      <Field id="languages" label={t("form.languages")}>
        {input("languages")}
      </Field>
      <Field id="note" label={t("form.note")}>
        {input("note")}
      </Field>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="agree"
          className="mt-1 size-5"
          defaultChecked={failed ? failed.values.agree === "on" : false}
          aria-describedby="agree-error"
        />{" "}
        <span>{agreeLabel}</span>
      </label>
      <p id="agree-error" className="min-h-5 text-sm font-medium text-red-700">
        {error("agree") ?? null}
      </p>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {submit}
      </button>
    </ActionForm>
  );
}

// The people ticked in the list, an e-mail to them through the outbox.
export function MailContactsForm({
  action,
  people,
}: {
  action: Action<{ sent: number }>;
  people: { id: string; name: string; hasEmail: boolean }[];
}) {
  const t = useTranslations("contacts");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("contacts", state);
  const failed = state && !state.ok ? state : null;
  const error = (name: string) => {
    const key = failed?.fieldErrors[name];
    return key ? refusal(key) : undefined;
  };
  const chosen = failed ? (failed.values.ids ?? "").split(",") : [];
  return (
    <ActionForm key={state?.ok ? state.at : "mail"} action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <FormOutcome
          state={state}
          namespace="contacts"
          success={state?.ok ? t("sent", { count: state.data.sent }) : undefined}
        />
      </div>
      <fieldset aria-describedby="ids-error">
        <legend className="font-medium text-stone-900">{t("mailTitle")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {people
            .filter((p) => p.hasEmail)
            .map((p) => (
              <label key={p.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="ids"
                  value={p.id}
                  defaultChecked={chosen.includes(p.id)}
                  className="size-5"
                />{" "}
                {p.name}
              </label>
            ))}
        </div>
        <p id="ids-error" className="min-h-5 text-sm font-medium text-red-700">
          {error("ids") ?? null}
        </p>
      </fieldset>
      <Field id="subject" label={t("subject")} error={error("subject")}>
        <input
          id="subject"
          name="subject"
          className={inputClass}
          defaultValue={failed?.values.subject ?? ""}
          aria-invalid={error("subject") ? true : undefined}
        />
      </Field>
      <Field id="body" label={t("body")} error={error("body")}>
        <textarea
          id="body"
          name="body"
          rows={5}
          className={inputClass}
          defaultValue={failed?.values.body ?? ""}
          aria-invalid={error("body") ? true : undefined}
        />
      </Field>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("send")}
      </button>
    </ActionForm>
  );
}
