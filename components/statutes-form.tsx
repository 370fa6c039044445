"use client";
import { useActionState } from "react";
import { useTranslations, type Messages } from "next-intl";
import { saveIdentityAction, saveStatutesAction } from "@/lib/statutes/actions";
import { FormOutcome, useGeneralWords } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { ActionForm } from "@/components/action-form";
import { Alert, buttonClass, inputClass } from "@/components/ui";

type FieldName = keyof Messages["statutes"]["fields"];

function Choice({
  name,
  options,
  value,
  legend,
}: {
  name: string;
  options: { value: string; label: string }[];
  value: string;
  legend: string;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={value === o.value}
            className="size-5"
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} className="size-5" />
      {label}
    </label>
  );
}

export function StatutesForm({ initial }: { initial: Record<string, string> }) {
  const t = useTranslations("statutes");
  const [state, action, pending] = useActionState(saveStatutesAction, null);
  const values = state && !state.ok ? state.values : initial;
  const errors = state && !state.ok ? state.fieldErrors : {};
  // The general words the server sent with the refusal (a key of `errors`), else « the form has
  // errors ».
  const says = useGeneralWords(state);

  const fractionField = (name: FieldName) => (
    <div key={name}>
      <label htmlFor={name} className="block text-sm font-medium">
        {t(`fields.${name}`)}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={values[name]}
        className={inputClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${name}-error`}
      />
      <p id={`${name}-error`} className="min-h-5 text-sm font-medium text-red-700" aria-live="polite">
        {errors[name] ? says(errors[name]) : null}
      </p>
    </div>
  );
  const majorityRule = (name: FieldName) => (
    <Choice
      name={name}
      legend={t(`fields.${name}`)}
      value={values[name] ?? ""}
      options={[
        { value: "MORE_THAN", label: t("moreThan") },
        { value: "AT_LEAST", label: t("atLeast") },
      ]}
    />
  );

  return (
    <ActionForm action={action} className="space-y-6" key={state?.ok ? "saved" : "editing"}>
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("saved")}</Alert> : null}
        {state && !state.ok ? <Alert kind="error">{says(state.error)}</Alert> : null}
      </div>
      <p className="text-sm text-stone-700">{t("fractionHelp")}</p>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">{t("ago")}</legend>
        {(["agoQuorumFirst", "agoQuorumSecond", "agoMajority"] as const).map(fractionField)}
        {majorityRule("agoMajorityRule")}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">{t("age")}</legend>
        {(["ageQuorumFirst", "ageQuorumSecond", "ageMajority"] as const).map(fractionField)}
        {majorityRule("ageMajorityRule")}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{t("counting")}</legend>
        <Choice
          name="quorumBasis"
          legend={t("fields.quorumBasis")}
          value={values.quorumBasis ?? ""}
          options={[
            { value: "HEADS", label: t("heads") },
            { value: "WEIGHTED", label: t("weighted") },
          ]}
        />
        <Choice
          name="emptyCollegeRule"
          legend={t("fields.emptyCollegeRule")}
          value={values.emptyCollegeRule ?? ""}
          options={[
            { value: "REDISTRIBUTE", label: t("redistribute") },
            { value: "COUNT_AS_ZERO", label: t("countAsZero") },
          ]}
        />
        <Check
          name="voteChangeAllowed"
          label={t("fields.voteChangeAllowed")}
          checked={values.voteChangeAllowed === "on"}
        />
        <Check
          name="writtenConsultationsAllowed"
          label={t("fields.writtenConsultationsAllowed")}
          checked={values.writtenConsultationsAllowed === "on"}
        />
        <Choice
          name="minutesApprovedBy"
          legend={t("fields.minutesApprovedBy")}
          value={values.minutesApprovedBy ?? ""}
          options={[
            { value: "NEXT_MEETING", label: t("nextMeeting") },
            { value: "PRESIDENT", label: t("president") },
          ]}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{t("proxies")}</legend>
        <Check
          name="proxySameCollege"
          label={t("fields.proxySameCollege")}
          checked={values.proxySameCollege === "on"}
        />
        <Check
          name="blankProxyFollowsCouncil"
          label={t("fields.blankProxyFollowsCouncil")}
          checked={values.blankProxyFollowsCouncil === "on"}
        />
        <Choice
          name="proxyCapRule"
          legend={t("fields.proxyCapRule")}
          value={values.proxyCapRule ?? ""}
          options={[
            { value: "LEGAL_DEFAULT", label: t("legalCap") },
            { value: "FIXED", label: t("fixedCap") },
          ]}
        />
        {fractionField("proxyCapFixed")}
      </fieldset>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("save")}
      </button>
    </ActionForm>
  );
}

export function IdentityForm({ initial }: { initial: Record<string, string> }) {
  const t = useTranslations("statutes");
  const [state, formAction, pending] = useActionState(saveIdentityAction, null);
  const { textField } = useFormFields(state, initial);
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="colleges" success={t("identitySaved")} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-3">
        {textField("name", t("identityFields.name"), { autoComplete: "organization" })}
        {textField("shortName", t("identityFields.shortName"), { autoComplete: "off" })}
        {textField("city", t("identityFields.city"), { autoComplete: "address-level2" })}
      </div>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("identitySave")}
      </button>
    </ActionForm>
  );
}
