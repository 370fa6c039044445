"use client";
import { startTransition, useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { Field, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { BOOKLET_THEMES as THEMES } from "@/lib/form-errors";

type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export type EntryValues = {
  name: string;
  description: string;
  themes: string[];
  place: string;
  address: string;
  hoursText: string;
  phone: string;
  email: string;
  website: string;
  walkIn: boolean;
  languages: string;
  wheelchair: boolean;
  childrenWelcome: boolean;
  cost: string;
  keeperId: string;
};

// One entry of the booklet: what people need to be oriented there. Saving it dates it today.
export function EntryForm<T>({
  action,
  initial,
  keepers,
  submit,
  success,
  hoursUnread,
}: {
  action: Action<T>;
  initial: EntryValues;
  keepers: { id: string; name: string }[];
  submit: string;
  success?: string;
  hoursUnread?: boolean;
}) {
  const t = useTranslations("booklet");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("booklet", state);
  const failed = state && !state.ok ? state : null;
  const text = (name: keyof EntryValues) =>
    failed ? (failed.values[name] ?? "") : String(initial[name] ?? "");
  const checked = (name: keyof EntryValues) =>
    failed ? failed.values[name] === "on" : Boolean(initial[name]);
  const chosenThemes = failed ? (failed.values.themes ?? "").split(",") : initial.themes;
  const error = (name: string) => {
    const key = failed?.fieldErrors[name];
    return key ? refusal(key) : undefined;
  };
  const input = (name: keyof EntryValues, options: { type?: string; autoComplete?: string } = {}) => (
    <input
      id={name}
      name={name}
      type={options.type ?? "text"}
      autoComplete={options.autoComplete ?? "off"}
      className={inputClass}
      defaultValue={text(name)}
      aria-invalid={error(name) ? true : undefined}
    />
  );
  const box = (name: "walkIn" | "wheelchair" | "childrenWelcome", label: string) => (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked(name)} className="size-5" /> {label}
    </label>
  );
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="booklet" success={success} />
      </div>
      <Field id="name" label={t("form.name")} error={error("name")}>
        {input("name")}
      </Field>
      <Field id="description" label={t("form.description")} error={error("description")}>
        <textarea
          id="description"
          name="description"
          rows={3}
          className={inputClass}
          defaultValue={text("description")}
        />
      </Field>
      <fieldset className="space-y-1">
        <legend className="font-medium text-stone-900">{t("form.themes")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {THEMES.map((theme) => (
            <label key={theme} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="themes"
                value={theme}
                defaultChecked={chosenThemes.includes(theme)}
                className="size-5"
              />{" "}
              {t(`themes.${theme}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="place" label={t("form.place")} error={error("place")}>
        {input("place")}
      </Field>
      <Field id="address" label={t("form.address")} error={error("address")}>
        {input("address", { autoComplete: "street-address" })}
      </Field>
      <Field
        id="hoursText"
        label={t("form.hours")}
        hint={hoursUnread ? `${t("form.hoursHint")} ${t("form.hoursUnread")}` : t("form.hoursHint")}
        error={error("hoursText")}
      >
        {input("hoursText")}
      </Field>
      {box("walkIn", t("form.walkIn"))}
      <Field id="phone" label={t("form.phone")} error={error("phone")}>
        {input("phone", { type: "tel" })}
      </Field>
      <Field id="email" label={t("form.email")} error={error("email")}>
        {input("email", { type: "email" })}
      </Field>
      <Field id="website" label={t("form.website")} error={error("website")}>
        {input("website", { type: "url" })}
      </Field>
      <Field
        id="languages"
        label={t("form.languages")}
        hint={t("form.languagesHint")}
        error={error("languages")}
      >
        {input("languages")}
      </Field>
      {box("wheelchair", t("form.wheelchair"))}
      {box("childrenWelcome", t("form.children"))}
      <Field id="cost" label={t("form.cost")} hint={t("form.costHint")} error={error("cost")}>
        {input("cost")}
      </Field>
      <Field id="keeperId" label={t("form.keeper")} hint={t("form.keeperHint")} error={error("keeperId")}>
        <select id="keeperId" name="keeperId" className={inputClass} defaultValue={text("keeperId")}>
          <option value="">{t("noKeeper")}</option>
          {keepers.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {submit}
      </button>
    </ActionForm>
  );
}

export function BookletSettingsForm({
  action,
  initial,
}: {
  action: Action;
  initial: { staleMonths: number; public: boolean };
}) {
  const t = useTranslations("booklet");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("booklet", state);
  const failed = state && !state.ok ? state : null;
  const monthsError = failed?.fieldErrors.staleMonths;
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="booklet" success={t("settingsSaved")} />
      </div>
      <Field id="staleMonths" label={t("staleMonths")} error={monthsError ? refusal(monthsError) : undefined}>
        <input
          id="staleMonths"
          name="staleMonths"
          type="number"
          inputMode="numeric"
          min={1}
          max={36}
          className={`${inputClass} max-w-32`}
          defaultValue={failed ? failed.values.staleMonths : String(initial.staleMonths)}
          aria-invalid={monthsError ? true : undefined}
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="public"
          className="size-5"
          defaultChecked={failed ? failed.values.public === "on" : initial.public}
        />{" "}
        {t("public")}
      </label>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("settingsSave")}
      </button>
    </ActionForm>
  );
}

type ImportReport = {
  create: number;
  update: number;
  problems: { line: number; field: string; code: string; value: string }[];
  committed: boolean;
};

// The spreadsheet: first what will change (and the lines to correct), then the import.
export function ImportBookletForm({ action }: { action: Action<ImportReport> }) {
  const t = useTranslations("booklet");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("booklet", state);
  const intent = useRef<"preview" | "import">("preview");
  const report = state?.ok ? state.data : undefined;
  const problem = (code: string) => refusal(code as Parameters<typeof refusal>[0]);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        formData.set("intent", intent.current);
        startTransition(() => formAction(formData));
      }}
    >
      <div>
        <label htmlFor="booklet-file" className="block font-medium">
          {t("importFile")}
        </label>
        <p id="booklet-file-hint" className="text-sm text-stone-700">
          {t("importHint")}
        </p>
        <input
          id="booklet-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="booklet-file-hint"
          className="mt-1 block min-h-11 w-full max-w-full text-sm"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className={secondaryButtonClass}
          aria-disabled={pending}
          onClick={() => (intent.current = "preview")}
        >
          {t("importPreview")}
        </button>
        <button
          type="submit"
          className={buttonClass}
          aria-disabled={pending}
          onClick={() => (intent.current = "import")}
        >
          {t("importCommit")}
        </button>
      </div>
      <div aria-live="polite" className="space-y-2">
        <FormOutcome state={state && !state.ok ? state : null} namespace="booklet" />
        {report ? (
          <div
            className={`rounded-md border p-3 ${report.problems.length ? "border-red-300 bg-red-50 text-red-900" : "border-brand-600 bg-brand-50"}`}
          >
            <p className="font-semibold">
              {report.committed
                ? t("importDone", {
                    summary: t("importSummary", { create: report.create, update: report.update }),
                  })
                : t("importSummary", { create: report.create, update: report.update })}
            </p>
            {report.problems.length ? (
              <>
                <p>{t("errors.rowsInvalid")}</p>
                <ul className="list-disc ps-6">
                  {report.problems.slice(0, 50).map((p) => (
                    <li key={`${p.line}-${p.field}-${p.value}`}>
                      {t("importLine", {
                        line: p.line,
                        problem: `${t(`form.${p.field === "hoursText" ? "hours" : p.field === "childrenWelcome" ? "children" : p.field}` as "form.name")} — ${problem(p.code)}${p.value ? ` (« ${p.value} »)` : ""}`,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
