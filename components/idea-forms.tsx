"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionError, ActionResult, ActionState } from "@/lib/form-result";
import { THEMES } from "@/lib/form-errors";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

function Outcome({ state, success }: { state: ActionState<unknown>; success?: string }) {
  return (
    <div aria-live="polite">
      <FormOutcome state={state} namespace="ideas" success={success} />
    </div>
  );
}

function ThemeSelect({
  props,
  label,
  none,
}: {
  props: Record<string, unknown>;
  label: string;
  none: string;
}) {
  const t = useTranslations("ideas");
  return (
    <Field id={String(props.id)} label={label}>
      <select className={inputClass} {...props}>
        <option value="">{none}</option>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`themes.${theme}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

// A field's error in words: the idea box's own refusal, else the general one.
function useFieldError(state: ActionState<unknown>) {
  const refusal = useRefusal("ideas", state);
  return (error: ActionError | undefined) => (error ? refusal(error) : undefined);
}

// Signed in: the idea, a theme if one likes, and whether to show one's name. Emptied after
// it is sent, ready for the next.
export function IdeaForm<T>({ action }: { action: Action<T> }) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state);
  return (
    <ActionForm key={state?.ok ? state.at : "idea"} action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} success={t("posted")} />
      <Field id="text" label={t("yourIdea")} error={errorOf("text")}>
        <textarea rows={4} className={inputClass} {...props("text")} />
      </Field>
      <ThemeSelect props={props("theme")} label={t("themeOptional")} none={t("noTheme")} />
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="showName"
          className="size-5"
          defaultChecked={state && !state.ok ? state.values.showName === "on" : false}
        />{" "}
        {t("showName")}
      </label>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("send")}
      </button>
    </ActionForm>
  );
}

// The paper box, slip after slip: the date stays, the text empties.
export function PaperIdeaForm<T>({ action, today }: { action: Action<T>; today: string }) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const [emptiedOn, setEmptiedOn] = useState(today);
  const { errorOf, props } = useFormFields(state);
  return (
    <ActionForm key={state?.ok ? state.at : "paper"} action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} success={t("paperSaved")} />
      <Field id="emptiedOn" label={t("emptiedOn")} error={errorOf("emptiedOn")}>
        <input
          type="date"
          name="emptiedOn"
          id="emptiedOn"
          className={inputClass}
          value={emptiedOn}
          onChange={(e) => setEmptiedOn(e.target.value)}
        />
      </Field>
      <Field id="text" label={t("slipText")} error={errorOf("text")}>
        <textarea rows={3} className={inputClass} {...props("text")} autoFocus={Boolean(state?.ok)} />
      </Field>
      <ThemeSelect props={props("theme")} label={t("themeOptional")} none={t("noTheme")} />
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("saveSlip")}
      </button>
    </ActionForm>
  );
}

// The ideas another one can be merged into (never itself), shortened to a line.
function TargetOptions({ targets, ideaId }: { targets: { id: string; text: string }[]; ideaId: string }) {
  const t = useTranslations("ideas");
  return (
    <>
      <option value="">{t("chooseIdea")}</option>
      {targets
        .filter((x) => x.id !== ideaId)
        .map((x) => (
          <option key={x.id} value={x.id}>
            {x.text.length > 80 ? `${x.text.slice(0, 79)}…` : x.text}
          </option>
        ))}
    </>
  );
}

export function HideIdeaForm({ action, ideaId }: { action: Action; ideaId: string }) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const words = useFieldError(state);
  const error = state && !state.ok ? state.fieldErrors.reason : undefined;
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <Outcome state={state} />
      <Field id={`reason-${ideaId}`} label={t("hideReason")} error={words(error)}>
        <input
          id={`reason-${ideaId}`}
          name="reason"
          className={inputClass}
          defaultValue={state && !state.ok ? state.values.reason : ""}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("hide")}
      </button>
    </ActionForm>
  );
}

export function MergeIdeaForm({
  action,
  ideaId,
  targets,
}: {
  action: Action;
  ideaId: string;
  targets: { id: string; text: string }[];
}) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const words = useFieldError(state);
  const error = state && !state.ok ? state.fieldErrors.mergeInto : undefined;
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <Outcome state={state} />
      <Field id={`merge-${ideaId}`} label={t("mergeInto")} error={words(error)}>
        <select
          id={`merge-${ideaId}`}
          name="mergeInto"
          className={inputClass}
          defaultValue={state && !state.ok ? state.values.mergeInto : ""}
        >
          <TargetOptions targets={targets} ideaId={ideaId} />
        </select>
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("merge")}
      </button>
    </ActionForm>
  );
}

// In the meeting: the council's answer to one idea.
export function AnswerIdeaForm({
  action,
  ideaId,
  targets,
  current,
  entries = [],
}: {
  action: Action;
  ideaId: string;
  targets: { id: string; text: string }[];
  current: { answer: string | null; text: string | null; mergeInto: string | null; partnerIds?: string[] };
  // The booklet's entries the answer may point to.
  entries?: { id: string; name: string }[];
}) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const words = useFieldError(state);
  const values =
    state && !state.ok
      ? state.values
      : { answer: current.answer ?? "", text: current.text ?? "", mergeInto: current.mergeInto ?? "" };
  const errors = state && !state.ok ? state.fieldErrors : {};
  const [answer, setAnswer] = useState(values.answer ?? "");
  const chosenPartners =
    state && !state.ok
      ? (state.values.partnerIds ?? "").split(",").filter(Boolean)
      : (current.partnerIds ?? []);
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <Outcome state={state} success={t("answerSaved")} />
      <fieldset>
        <legend className="font-medium">{t("answer")}</legend>
        <div className="flex flex-wrap gap-x-4">
          {(["ACCEPTED", "PLANNED", "DECLINED", "DONE", "MERGED"] as const).map((a) => (
            <label key={a} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="answer"
                value={a}
                className="size-5"
                checked={answer === a}
                onChange={() => setAnswer(a)}
              />{" "}
              {t(`answers.${a}`)}
            </label>
          ))}
        </div>
        <p className="min-h-5 text-sm font-medium text-red-700">{words(errors.answer) ?? null}</p>
      </fieldset>
      {answer === "MERGED" ? (
        <Field id={`into-${ideaId}`} label={t("mergeInto")} error={words(errors.mergeInto)}>
          <select
            id={`into-${ideaId}`}
            name="mergeInto"
            className={inputClass}
            defaultValue={values.mergeInto ?? ""}
          >
            <TargetOptions targets={targets} ideaId={ideaId} />
          </select>
        </Field>
      ) : null}
      <Field
        id={`answer-text-${ideaId}`}
        label={answer === "DECLINED" ? t("declineReason") : t("answerText")}
        error={words(errors.text)}
      >
        <textarea
          id={`answer-text-${ideaId}`}
          name="text"
          rows={2}
          className={inputClass}
          defaultValue={values.text ?? ""}
          aria-invalid={errors.text ? true : undefined}
        />
      </Field>
      {entries.length && answer !== "MERGED" ? (
        <details className="rounded-md border border-stone-300 p-2" open={chosenPartners.length > 0}>
          <summary className="min-h-11 cursor-pointer py-2 font-medium">
            {t("answerPartners")} ({t("answerPartnersCount", { count: chosenPartners.length })})
          </summary>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {entries.map((e) => (
              <label key={e.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="partnerIds"
                  value={e.id}
                  defaultChecked={chosenPartners.includes(e.id)}
                  className="size-5"
                />{" "}
                <span lang="fr">{e.name}</span>
              </label>
            ))}
          </div>
        </details>
      ) : null}
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("saveAnswer")}
      </button>
    </ActionForm>
  );
}

// One machine-translated text of the public path: what to show instead, for this cooperative.
export function TranslationForm({
  action,
  restore,
  id,
  label,
  hint,
  value,
  lang,
  dir,
}: {
  action: Action;
  restore: Action | null;
  id: string;
  label: string;
  hint?: string;
  value: string;
  lang: string;
  dir: "rtl" | "ltr";
}) {
  const t = useTranslations("ideas");
  const [state, formAction, pending] = useActionState(action, null);
  const words = useFieldError(state);
  const [restored, restoreAction, restoring] = useActionState(restore ?? action, null);
  const error = state && !state.ok ? state.fieldErrors.text : undefined;
  const typed = state && !state.ok ? state.values.text : value;
  return (
    <div className="space-y-2">
      <ActionForm
        key={`${state?.ok ? state.at : "text"}-${value}`}
        action={formAction}
        className="space-y-2"
        noValidate
      >
        <Outcome state={state} success={t("translations.saved")} />
        <Field id={id} label={label} hint={hint} error={words(error)}>
          <textarea
            id={id}
            name="text"
            rows={2}
            lang={lang}
            dir={dir}
            className={inputClass}
            defaultValue={typed}
            aria-invalid={error ? true : undefined}
          />
        </Field>
        <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
          {t("translations.save")}
        </button>
      </ActionForm>
      {/* Present before and after: the row has no « back » button once restored. */}
      <Outcome state={restored} success={t("translations.restored")} />
      {restore ? (
        <ActionForm action={restoreAction} noValidate>
          <button type="submit" className={secondaryButtonClass} aria-disabled={restoring}>
            {t("translations.restore")}
          </button>
        </ActionForm>
      ) : null}
    </div>
  );
}
