"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

// A form that adds rows starts empty again after a success (keyed on its time, `state.at`).
type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
type Choice = { id: string; name: string };

function Outcome<T>({ state, success }: { state: ActionState<T>; success?: string }) {
  return <FormOutcome state={state} namespace="meetingAdmin" success={success} />;
}

export function MeetingForm<T>({
  action,
  bodies,
  assembly = false,
  initial,
  submit,
  success,
}: {
  action: Action<T>;
  bodies?: (Choice & { kind: string })[];
  // Editing a general assembly: its type (AGO/AGE) can be chosen.
  assembly?: boolean;
  initial: Record<string, string>;
  submit: string;
  success?: string;
}) {
  const t = useTranslations("meetingAdmin");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props, textField } = useFormFields(state, initial);
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <div aria-live="polite">
        <Outcome state={state} success={success} />
      </div>
      {bodies ? (
        <Field id="bodyId" label={t("body")} error={errorOf("bodyId")}>
          <select className={inputClass} {...props("bodyId")}>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        {textField("startsAt", t("startsAt"), { type: "datetime-local" })}
        {textField("title", t("titleField"), { hint: t("titleHint") })}
        {textField("place", t("place"))}
        {textField("videoUrl", t("videoUrl"), { type: "url", hint: t("videoHint") })}
        {assembly || bodies?.some((b) => b.kind === "GENERAL_ASSEMBLY") ? (
          <Field
            id="assemblyType"
            label={t("assemblyType")}
            hint={assembly ? undefined : t("assemblyTypeHint")}
            error={errorOf("assemblyType")}
          >
            <select className={inputClass} {...props("assemblyType")}>
              <option value="ORDINARY">{t("assemblyTypes.ORDINARY")}</option>
              <option value="EXTRAORDINARY">{t("assemblyTypes.EXTRAORDINARY")}</option>
            </select>
          </Field>
        ) : null}
      </div>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {submit}
      </button>
    </ActionForm>
  );
}

export function AgendaItemForm<T>({
  action,
  presenters,
  initial,
  submit,
  idPrefix,
}: {
  action: Action<T>;
  presenters: Choice[];
  initial: Record<string, string>;
  submit: string;
  idPrefix: string;
}) {
  const t = useTranslations("meetingAdmin");
  const tm = useTranslations("meetings");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state, initial);
  const p = (name: string) => ({
    ...props(name),
    id: `${idPrefix}-${name}`,
    "aria-describedby": `${idPrefix}-${name}-error`,
  });
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok && !initial.title ? `added-${state.at}` : "editing"}
    >
      <div aria-live="polite">
        <Outcome state={state} />
      </div>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field id={`${idPrefix}-title`} label={t("itemTitle")} error={errorOf("title")}>
          <input className={inputClass} {...p("title")} />
        </Field>
        <Field id={`${idPrefix}-kind`} label={t("itemKind")} error={errorOf("kind")}>
          <select className={inputClass} {...p("kind")}>
            {(["INFORMATION", "DISCUSSION", "DECISION", "OTHER_BUSINESS"] as const).map((k) => (
              <option key={k} value={k}>
                {tm(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idPrefix}-presenterId`} label={t("presenter")} error={errorOf("presenterId")}>
          <select className={inputClass} {...p("presenterId")}>
            <option value="">{t("noPresenter")}</option>
            {presenters.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idPrefix}-durationMinutes`} label={t("duration")} error={errorOf("durationMinutes")}>
          <input type="number" min={1} inputMode="numeric" className={inputClass} {...p("durationMinutes")} />
        </Field>
      </div>
      <Field id={`${idPrefix}-description`} label={t("description")} error={errorOf("description")}>
        <textarea rows={2} className={inputClass} {...p("description")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {submit}
      </button>
    </ActionForm>
  );
}

export function GuestForm<T>({ action, members }: { action: Action<T>; members: Choice[] }) {
  const t = useTranslations("meetingAdmin");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props, textField } = useFormFields(state, {});
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <div aria-live="polite">
        <Outcome state={state} success={t("guestAdded")} />
      </div>
      <Field id="membershipId" label={t("guestMember")} error={errorOf("membershipId")}>
        <select className={inputClass} {...props("membershipId")}>
          <option value="">{t("guestOutsider")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      {textField("guestName", t("guestName"))}
      {textField("guestRole", t("guestRole"), { hint: t("guestRoleHint") })}
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addGuest")}
      </button>
    </ActionForm>
  );
}

export function SendInvitationsForm({ action, label }: { action: Action<number>; label: string }) {
  const t = useTranslations("meetingAdmin");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <div aria-live="polite">
        {state?.ok ? (
          <Alert kind="success">{t("invitationsSent", { count: state.data })}</Alert>
        ) : (
          <Outcome state={state} />
        )}
      </div>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function AnswerForm<T>({
  action,
  answer,
  note,
}: {
  action: Action<T>;
  answer: "PRESENT" | "EXCUSED" | null;
  note: string | null;
}) {
  const t = useTranslations("invitation");
  const [state, formAction, pending] = useActionState(action, null);
  const { values } = useFormFields(state, { answer: answer ?? "", note: note ?? "" });
  return (
    <ActionForm action={formAction} className="space-y-3">
      <div aria-live="polite">
        {/* Its refusals in the member's words (the page sends only the invitation's texts). */}
        {state?.ok ? (
          <Alert kind="success">{t("thanks")}</Alert>
        ) : (
          <FormOutcome state={state} namespace="invitation" />
        )}
      </div>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("question")}</legend>
        {(["PRESENT", "EXCUSED"] as const).map((a) => (
          <label key={a} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="answer"
              value={a}
              defaultChecked={values.answer === a}
              className="size-5"
            />
            {t(`answers.${a}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="note" className="block font-medium">
          {t("note")}
        </label>
        <input id="note" name="note" defaultValue={values.note} maxLength={300} className={inputClass} />
      </div>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("send")}
      </button>
    </ActionForm>
  );
}

export function DocumentUploadForm<T>({
  action,
  idPrefix,
  itemTitle,
}: {
  action: Action<T>;
  idPrefix: string;
  itemTitle: string;
}) {
  const t = useTranslations("meetingAdmin");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("meetingAdmin", state);
  // Under the file: the upload's own words (documentErrors.<key>), else the refusal in words.
  const error = state && !state.ok ? (state.fieldErrors.file ?? state.error) : undefined;
  const own = `documentErrors.${error}` as Parameters<typeof t>[0];
  const message = error ? (t.has(own) ? t(own) : refusal(error)) : null;
  return (
    <ActionForm action={formAction} className="space-y-1" key={state?.ok ? `added-${state.at}` : "editing"}>
      <label htmlFor={`${idPrefix}-file`} className="block text-sm font-medium">
        {t("attach", { title: itemTitle })}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${idPrefix}-file`}
          name="file"
          type="file"
          className="min-h-11 w-full max-w-full text-sm"
          aria-describedby={`${idPrefix}-file-error`}
        />
        <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
          {t("attachButton")}
        </button>
      </div>
      <p id={`${idPrefix}-file-error`} className="text-sm font-medium text-red-700" aria-live="polite">
        {message}
      </p>
    </ActionForm>
  );
}

export function AttendanceTimesForm<T>({
  action,
  idPrefix,
  name,
  arrived,
  left,
}: {
  action: Action<T>;
  idPrefix: string;
  name: string;
  arrived: string;
  left: string;
}) {
  const t = useTranslations("attendance");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("meetingAdmin", state);
  const { values } = useFormFields(state, { arrived, left });
  return (
    <ActionForm action={formAction} className="mt-2 space-y-2">
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${idPrefix}-arrived`} className="block text-sm font-medium">
            {t("arrivedAt")}
          </label>
          <input
            id={`${idPrefix}-arrived`}
            name="arrived"
            type="time"
            defaultValue={values.arrived}
            required
            className={inputClass}
            aria-describedby={`${idPrefix}-times-error`}
          />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-left`} className="block text-sm font-medium">
            {t("leftAt")}
          </label>
          <input
            id={`${idPrefix}-left`}
            name="left"
            type="time"
            defaultValue={values.left}
            className={inputClass}
            aria-describedby={`${idPrefix}-times-error`}
          />
        </div>
      </div>
      <p id={`${idPrefix}-times-error`} className="text-sm font-medium text-red-700" aria-live="polite">
        {state && !state.ok ? refusal(state.error) : null}
      </p>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("saveTimes")}
        <span className="sr-only"> {name}</span>
      </button>
    </ActionForm>
  );
}
