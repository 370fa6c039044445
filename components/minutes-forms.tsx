"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { useFormFields, usePrefixedFields } from "@/components/form-fields";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

// The forms of the minutes page: things to do, decisions, the next meeting, comments, and the
// steps of the workflow. Each keeps what was typed when the server refuses it.
type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
type Choice = { id: string; name: string };

function Outcome({ state, success }: { state: ActionState<unknown>; success?: string }) {
  return (
    <div aria-live="polite">
      <FormOutcome state={state} namespace="minutes" success={success} />
    </div>
  );
}

export function ActionItemForm({
  action,
  members,
  idPrefix,
}: {
  action: Action;
  members: Choice[];
  idPrefix: string;
}) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p, values } = usePrefixedFields(state, idPrefix);
  const chosen = new Set((values.owners ?? "").split(",").filter(Boolean));
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <Outcome state={state} />
      <Field id={`${idPrefix}-title`} label={t("actionTitle")} error={errorOf("title")}>
        <input className={inputClass} {...p("title")} />
      </Field>
      <fieldset className="space-y-1" aria-describedby={`${idPrefix}-owners-error`}>
        <legend className="font-medium">{t("owners")}</legend>
        <div className="grid gap-x-3 sm:grid-cols-2">
          {members.map((m) => (
            <label key={m.id} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="owners"
                value={m.id}
                defaultChecked={chosen.has(m.id)}
                className="size-5"
              />
              {m.name}
            </label>
          ))}
        </div>
        <p
          id={`${idPrefix}-owners-error`}
          className="min-h-5 text-sm font-medium text-red-700"
          aria-live="polite"
        >
          {errorOf("owners")}
        </p>
      </fieldset>
      <Field
        id={`${idPrefix}-outsideOwners`}
        label={t("outsideOwners")}
        hint={t("outsideOwnersHelp")}
        error={errorOf("outsideOwners")}
      >
        <input className={inputClass} {...p("outsideOwners")} />
      </Field>
      <Field id={`${idPrefix}-dueOn`} label={t("dueOn")} error={errorOf("dueOn")}>
        <input type="date" className={inputClass} {...p("dueOn")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addAction")}
      </button>
    </ActionForm>
  );
}

export function DecisionForm({
  action,
  questions,
  citable,
  idPrefix,
}: {
  action: Action;
  questions: { id: string; title: string }[];
  // Decisions of the record it may follow: « Commission administrative · 12 janvier 2027 · … ».
  citable: { id: string; label: string }[];
  idPrefix: string;
}) {
  const t = useTranslations("minutes");
  const td = useTranslations("decisions");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, idPrefix, { method: "CONSENSUS", outcome: "ADOPTED" });
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <Outcome state={state} />
      <Field id={`${idPrefix}-title`} label={t("decisionTitle")} error={errorOf("title")}>
        <input className={inputClass} {...p("title")} />
      </Field>
      <Field id={`${idPrefix}-text`} label={t("decisionText")} error={errorOf("text")}>
        <textarea rows={2} className={inputClass} {...p("text")} />
      </Field>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field id={`${idPrefix}-method`} label={t("decisionMethod")} error={errorOf("method")}>
          <select className={inputClass} {...p("method")}>
            {(
              [
                "CONSENSUS",
                "SHOW_OF_HANDS",
                "ONLINE_BALLOT",
                "WRITTEN_CONSULTATION",
                "AG_RESOLUTION",
              ] as const
            ).map((m) => (
              <option key={m} value={m}>
                {td(`methods.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idPrefix}-outcome`} label={t("decisionOutcome")} error={errorOf("outcome")}>
          <select className={inputClass} {...p("outcome")}>
            {(["ADOPTED", "REJECTED", "NOTED"] as const).map((o) => (
              <option key={o} value={o}>
                {td(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {questions.length ? (
        <Field id={`${idPrefix}-voteQuestionId`} label={t("voteQuestion")} error={errorOf("voteQuestionId")}>
          <select className={inputClass} {...p("voteQuestionId")}>
            <option value="">{t("noVoteQuestion")}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {citable.length ? (
        <Field id={`${idPrefix}-citesId`} label={t("cites")} error={errorOf("citesId")}>
          <select className={inputClass} {...p("citesId")}>
            <option value="">{t("citesNone")}</option>
            {citable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addDecision")}
      </button>
    </ActionForm>
  );
}

export function NextMeetingForm<T>({
  action,
  initial,
}: {
  action: Action<T>;
  initial: Record<string, string>;
}) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, "next", initial);
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <Outcome state={state} />
      <p className="text-sm text-stone-700">{t("nextMeetingHelp")}</p>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field id="next-startsAt" label={t("nextMeetingWhen")} error={errorOf("startsAt")}>
          <input type="datetime-local" className={inputClass} {...p("startsAt")} />
        </Field>
        <Field id="next-place" label={t("nextMeetingPlace")} error={errorOf("place")}>
          <input className={inputClass} {...p("place")} />
        </Field>
      </div>
      <Field
        id="next-items"
        label={t("nextMeetingItems")}
        hint={t("nextMeetingItemsHint")}
        error={errorOf("items")}
      >
        <textarea rows={3} className={inputClass} {...p("items")} />
      </Field>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("createNextMeeting")}
      </button>
    </ActionForm>
  );
}

export function FollowUpForm({ action, idPrefix }: { action: Action; idPrefix: string }) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, idPrefix);
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <Outcome state={state} />
      <p className="text-sm text-stone-700">{t("followUpHelp")}</p>
      <Field id={`${idPrefix}-text`} label={t("followUpText")} error={errorOf("text")}>
        <input className={inputClass} {...p("text")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addFollowUp")}
      </button>
    </ActionForm>
  );
}

export function CommentForm({
  action,
  idPrefix,
  sectionTitle,
}: {
  action: Action;
  idPrefix: string;
  sectionTitle: string;
}) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, idPrefix);
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <Outcome state={state} />
      <Field
        id={`${idPrefix}-body`}
        label={t("commentLabel", { title: sectionTitle })}
        error={errorOf("body")}
      >
        <textarea rows={2} className={inputClass} {...p("body")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addComment")}
      </button>
    </ActionForm>
  );
}

export function ApproveForm({
  action,
  meetings,
  label,
}: {
  action: Action;
  meetings: { id: string; label: string }[] | null;
  label: string;
}) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, "approve");
  return (
    <ActionForm action={formAction} className="space-y-2">
      <Outcome state={state} />
      {meetings ? (
        <Field
          id="approve-approvalMeetingId"
          label={t("approvalMeeting")}
          error={errorOf("approvalMeetingId")}
        >
          <select className={inputClass} {...p("approvalMeetingId")}>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {label}
      </button>
    </ActionForm>
  );
}

export function CorrectionForm<T>({
  action,
  sections,
  attendanceText,
}: {
  action: Action<T>;
  sections: { id: string; title: string; body: string }[];
  attendanceText: string;
}) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const initial = {
    attendanceText,
    ...Object.fromEntries(sections.map((s) => [`section:${s.id}`, s.body])),
  };
  const { errorOf, props } = useFormFields(state, initial);
  return (
    <ActionForm
      action={formAction}
      className="space-y-4"
      noValidate
      key={state?.ok ? `saved-${state.at}` : "editing"}
    >
      {state?.ok ? <Alert kind="success">{t("corrected")}</Alert> : <Outcome state={state} />}
      <Field id="correct-attendance" label={t("attendance")} error={errorOf("attendanceText")}>
        <textarea rows={6} className={inputClass} {...props("attendanceText")} id="correct-attendance" />
      </Field>
      {sections.map((s, i) => (
        <Field key={s.id} id={`correct-${s.id}`} label={`${i + 1}) ${s.title}`}>
          <textarea
            rows={8}
            className={`${inputClass} font-mono text-sm`}
            {...props(`section:${s.id}`)}
            id={`correct-${s.id}`}
          />
        </Field>
      ))}
      <Field id="note" label={t("changeNote")} hint={t("changeNoteHint")} error={errorOf("note")}>
        <input className={inputClass} {...props("note")} />
      </Field>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("saveCorrection")}
      </button>
    </ActionForm>
  );
}

// The attendance paragraph corrected by hand (kept as typed from then on).
export function AttendanceForm({ action, initial }: { action: Action; initial: string }) {
  const t = useTranslations("minutes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, "attendance", { attendanceText: initial });
  return (
    <ActionForm action={formAction} className="space-y-2" noValidate>
      <Outcome state={state} success={t("attendanceSaved")} />
      <Field id="attendance-attendanceText" label={t("attendanceField")} error={errorOf("attendanceText")}>
        <textarea rows={8} className={inputClass} {...p("attendanceText")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("saveAttendance")}
      </button>
    </ActionForm>
  );
}
