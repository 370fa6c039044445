"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import type { SeatRow } from "@/lib/bodies/service";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

const ROLES = [
  "MEMBER",
  "PRESIDENT",
  "VICE_PRESIDENT",
  "SECRETARY",
  "TREASURER",
] as const satisfies readonly SeatRow["role"][];

function Outcome({ state, success }: { state: ActionState<unknown>; success: string }) {
  return <FormOutcome state={state} namespace="bodies" success={success} />;
}

export function AddMandateForm<T>({
  action,
  members,
  colleges,
  idPrefix,
  defaultStart,
}: {
  action: Action<T>;
  members: { id: string; name: string }[];
  colleges: { id: string; name: string }[] | null;
  idPrefix: string;
  defaultStart: string;
}) {
  const t = useTranslations("bodies");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state, { role: "MEMBER", startsOn: defaultStart });
  const p = (name: string) => ({
    ...props(name),
    id: `${idPrefix}-${name}`,
    "aria-describedby": `${idPrefix}-${name}-error`,
  });
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate key={state?.ok ? "added" : "editing"}>
      <div aria-live="polite">
        <Outcome state={state} success={t("mandateAdded")} />
      </div>
      <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field id={`${idPrefix}-membershipId`} label={t("member")} error={errorOf("membershipId")}>
          <select className={inputClass} {...p("membershipId")}>
            <option value="">{t("choose")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idPrefix}-role`} label={t("role")} error={errorOf("role")}>
          <select className={inputClass} {...p("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {colleges ? (
          <Field id={`${idPrefix}-collegeId`} label={t("seatCollege")} error={errorOf("collegeId")}>
            <select className={inputClass} {...p("collegeId")}>
              <option value="">{t("collegeOfCategory")}</option>
              {colleges.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id={`${idPrefix}-startsOn`} label={t("startsOn")} error={errorOf("startsOn")}>
          <input type="date" className={inputClass} {...p("startsOn")} />
        </Field>
        <Field id={`${idPrefix}-endsOn`} label={t("endsOn")} error={errorOf("endsOn")}>
          <input type="date" className={inputClass} {...p("endsOn")} />
        </Field>
      </div>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addMandate")}
      </button>
    </ActionForm>
  );
}

export function EndMandateForm<T>({
  action,
  name,
  idPrefix,
  defaultEnd,
}: {
  action: Action<T>;
  name: string;
  idPrefix: string;
  defaultEnd: string;
}) {
  const t = useTranslations("bodies");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("bodies", state);
  const { errorOf, props } = useFormFields(state, { endsOn: defaultEnd });
  return (
    <ActionForm action={formAction} className="flex flex-wrap items-end gap-2">
      <Field
        id={`${idPrefix}-endsOn`}
        label={t("endOn", { name })}
        error={state && !state.ok && state.error !== "form" ? refusal(state.error) : errorOf("endsOn")}
      >
        <input
          type="date"
          className={inputClass}
          {...props("endsOn")}
          id={`${idPrefix}-endsOn`}
          aria-describedby={`${idPrefix}-endsOn-error`}
        />
      </Field>
      <button type="submit" className={`${secondaryButtonClass} mb-6`} aria-disabled={pending}>
        {t("endMandate")}
        <span className="sr-only"> {name}</span>
      </button>
    </ActionForm>
  );
}

export function SimpleBodyForm<T>({
  action,
  field,
  label,
  submit,
  success,
  initial,
  idPrefix,
  type = "text",
}: {
  action: Action<T>;
  field: string;
  label: string;
  submit: string;
  success: string;
  initial?: string;
  idPrefix: string;
  type?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state, { [field]: initial ?? "" });
  return (
    <ActionForm action={formAction} className="space-y-2">
      <div aria-live="polite">
        <Outcome state={state} success={success} />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Field id={`${idPrefix}-${field}`} label={label} error={errorOf(field)}>
          <input
            type={type}
            className={inputClass}
            {...props(field)}
            id={`${idPrefix}-${field}`}
            aria-describedby={`${idPrefix}-${field}-error`}
          />
        </Field>
        <button type="submit" className={`${secondaryButtonClass} mb-6`} aria-disabled={pending}>
          {submit}
        </button>
      </div>
    </ActionForm>
  );
}
