"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome } from "@/components/form-outcome";
import { usePrefixedFields } from "@/components/form-fields";
import { MarkdownPreview } from "@/components/markdown-preview";
import { EditorModeSwitch } from "@/components/editor-mode";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

// The forms of the texts written together. Each keeps what was typed when the server refuses it.
type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

function Outcome({ state, success }: { state: ActionState<unknown>; success?: string }) {
  return (
    <div aria-live="polite">
      <FormOutcome state={state} namespace="texts" success={success} />
    </div>
  );
}

// A Markdown field with « Écrire / Aperçu »: the preview is the published rendering.
function MarkdownField({
  id,
  label,
  hint,
  error,
  fieldProps,
  rows = 12,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  fieldProps: ReturnType<ReturnType<typeof usePrefixedFields>["p"]>;
  rows?: number;
}) {
  const t = useTranslations("minutes");
  const [previewing, setPreviewing] = useState(false);
  const [text, setText] = useState(String(fieldProps.defaultValue ?? ""));
  return (
    <div className="space-y-1">
      <EditorModeSwitch title={label} previewing={previewing} onChange={setPreviewing} />
      {previewing ? <MarkdownPreview text={text} label={t("previewOf", { title: label })} /> : null}
      <div className={previewing ? "hidden" : undefined}>
        <Field id={id} label={label} hint={hint} error={error}>
          <textarea
            rows={rows}
            className={`${inputClass} min-h-48 resize-y leading-relaxed`}
            {...fieldProps}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      </div>
    </div>
  );
}

// A choice of a few options as radio buttons, 44 px each, the chosen one kept in state.
function RadioChoices({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  choices: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium">{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name={name}
            value={c.value}
            defaultChecked={value === c.value}
            onChange={() => onChange(c.value)}
            className="size-5"
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

export function NewTextForm({
  action,
  bodies,
}: {
  action: Action<{ id: string }>;
  bodies: { id: string; name: string }[];
}) {
  const t = useTranslations("texts");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, "text", { bodyId: bodies[0]?.id ?? "" });
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} />
      <Field id="text-title" label={t("newTitle")} error={errorOf("title")}>
        <input className={inputClass} {...p("title")} />
      </Field>
      <Field id="text-purpose" label={t("purpose")} error={errorOf("purpose")}>
        <input className={inputClass} {...p("purpose")} />
      </Field>
      <Field id="text-bodyId" label={t("body")} error={errorOf("bodyId")}>
        <select className={inputClass} {...p("bodyId")}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </Field>
      <MarkdownField
        id="text-content"
        label={t("content")}
        hint={t("contentHint")}
        error={errorOf("content")}
        fieldProps={p("content")}
        rows={16}
      />
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("create")}
      </button>
    </ActionForm>
  );
}

export function SectionEditForm({
  action,
  title,
  body,
  idPrefix,
}: {
  action: Action<{ version: number }>;
  title: string;
  body: string;
  idPrefix: string;
}) {
  const t = useTranslations("texts");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, idPrefix, { body });
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `saved-${state.at}` : "editing"}
    >
      <Outcome state={state} success={t("sectionSaved")} />
      <MarkdownField
        id={`${idPrefix}-body`}
        label={t("sectionBody", { title })}
        error={errorOf("body")}
        fieldProps={p("body")}
      />
      <Field id={`${idPrefix}-note`} label={t("changeNote")} error={errorOf("note")}>
        <input className={inputClass} {...p("note")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("saveSection")}
      </button>
    </ActionForm>
  );
}

export function NewSectionForm({ action }: { action: Action<{ version: number }> }) {
  const t = useTranslations("texts");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p } = usePrefixedFields(state, "new-section");
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `added-${state.at}` : "editing"}
    >
      <Outcome state={state} success={t("sectionAdded")} />
      <Field id="new-section-title" label={t("sectionTitle")} error={errorOf("title")}>
        <input className={inputClass} {...p("title")} />
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("addSection")}
      </button>
    </ActionForm>
  );
}

export function ProposalForm({
  action,
  title,
  body,
  idPrefix,
}: {
  action: Action;
  title: string;
  body: string;
  idPrefix: string;
}) {
  const t = useTranslations("texts");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p, values } = usePrefixedFields(state, idPrefix, { kind: "CHANGE", body });
  const [kind, setKind] = useState(values.kind ?? "CHANGE");
  return (
    <ActionForm
      action={formAction}
      className="space-y-2"
      noValidate
      key={state?.ok ? `sent-${state.at}` : "editing"}
    >
      <Outcome state={state} success={t("sent")} />
      <RadioChoices
        legend={t("kind")}
        name="kind"
        choices={(["CHANGE", "COMMENT"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        value={kind}
        onChange={setKind}
      />
      <MarkdownField
        id={`${idPrefix}-body`}
        label={t("proposalBody")}
        error={errorOf("body")}
        fieldProps={p("body")}
        rows={kind === "CHANGE" ? 10 : 4}
      />
      <Field id={`${idPrefix}-reason`} label={t("proposalReason")} error={errorOf("reason")}>
        <input className={inputClass} {...p("reason")} />
      </Field>
      <p className="sr-only">{title}</p>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("send")}
      </button>
    </ActionForm>
  );
}

export function AnswerForm({
  accept,
  decline,
  authorName,
  isComment,
  idPrefix,
}: {
  accept: Action<{ version: number | null }>;
  decline: Action<{ version: number | null }>;
  authorName: string;
  isComment: boolean;
  idPrefix: string;
}) {
  const t = useTranslations("texts");
  const [acceptState, acceptAction, accepting] = useActionState(accept, null);
  const [declineState, declineAction, declining] = useActionState(decline, null);
  const [answer, setAnswer] = useState("");
  return (
    <div className="space-y-2">
      <Outcome state={acceptState ?? declineState} success={t("answered")} />
      <Field id={`${idPrefix}-answer`} label={t("answerLabel", { name: authorName })}>
        <input
          id={`${idPrefix}-answer`}
          className={inputClass}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <form action={acceptAction}>
          <input type="hidden" name="answer" value={answer} />
          <button type="submit" className={buttonClass} aria-disabled={accepting || declining}>
            {isComment ? t("acceptComment") : t("accept")}
          </button>
        </form>
        <form action={declineAction}>
          <input type="hidden" name="answer" value={answer} />
          <button type="submit" className={secondaryButtonClass} aria-disabled={accepting || declining}>
            {isComment ? t("declineComment") : t("decline")}
          </button>
        </form>
      </div>
    </div>
  );
}

export function AdoptionForm({
  action,
  version,
  meetings,
}: {
  action: Action<{ voteQuestionId: string | null }>;
  version: number;
  meetings: { id: string; label: string }[];
}) {
  const t = useTranslations("texts");
  const td = useTranslations("decisions");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, p, values } = usePrefixedFields(state, "adopt", {
    mode: "VOTE",
    voteKind: "WRITTEN_CONSULTATION",
    method: "CONSENSUS",
  });
  const [mode, setMode] = useState(values.mode ?? "VOTE");
  const [voteKind, setVoteKind] = useState(values.voteKind ?? "WRITTEN_CONSULTATION");
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate confirm={t("adoptConfirm")}>
      <Outcome state={state} success={t("adopted")} />
      <RadioChoices
        legend={t("mode")}
        name="mode"
        choices={(["VOTE", "DECISION"] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
        value={mode}
        onChange={setMode}
      />
      {mode === "VOTE" ? (
        <>
          <Field id="adopt-voteKind" label={t("voteKind")} error={errorOf("voteKind")}>
            <select className={inputClass} {...p("voteKind")} onChange={(e) => setVoteKind(e.target.value)}>
              {(["WRITTEN_CONSULTATION", "MEETING_BALLOT"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`voteKinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {voteKind === "WRITTEN_CONSULTATION" ? (
            <Field id="adopt-closesAt" label={t("closesAt")} error={errorOf("closesAt")}>
              <input type="datetime-local" className={inputClass} {...p("closesAt")} />
            </Field>
          ) : (
            <Field id="adopt-meetingId" label={t("meeting")} error={errorOf("meetingId")}>
              <select className={inputClass} {...p("meetingId")}>
                <option value="">{t("noMeeting")}</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </>
      ) : (
        <>
          <Field
            id="adopt-meetingId"
            label={t("meetingDecision")}
            hint={t("decisionMeetingHelp")}
            error={errorOf("meetingId")}
          >
            <select className={inputClass} {...p("meetingId")}>
              <option value="">{t("noMeeting")}</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="adopt-method" label={t("method")} error={errorOf("method")}>
            <select className={inputClass} {...p("method")}>
              {(["CONSENSUS", "SHOW_OF_HANDS"] as const).map((m) => (
                <option key={m} value={m}>
                  {td(`methods.${m}`)}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("adopt", { version })}
      </button>
    </ActionForm>
  );
}
