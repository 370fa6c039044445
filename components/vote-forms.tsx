"use client";
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations, type Messages } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { useRouter } from "next/navigation";

import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

// Nothing to listen to: the server renders false, the hydrated browser true.
const noSubscription = () => () => {};

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
type BallotChoice = "FOR" | "AGAINST" | "ABSTAIN";
// The ballot box's refusals in words (messages votes.refusals.<key>).
type BallotRefusal = keyof Messages["votes"]["refusals"];
// Why a paper voter was turned away, in the third person (messages votes.paperRefusals.<key>).
type PaperRefusal = keyof Messages["votes"]["paperRefusals"];
const isChoice = (value: unknown): value is BallotChoice =>
  value === "FOR" || value === "AGAINST" || value === "ABSTAIN";
type CastState =
  null | { ok: true; choice: BallotChoice; secret: boolean } | { ok: false; error: BallotRefusal };
type Choice = { id: string; name: string };

function Outcome<T>({ state, success }: { state: ActionState<T>; success?: string }) {
  return (
    <div aria-live="polite">
      <FormOutcome state={state} namespace="votes" success={success} />
    </div>
  );
}

// Two taps on a phone: the choice, then the confirmation.
// `recorded`: the ballot the page found already cast (after a reload, or the refresh that follows
// a vote): shown in the same live region, so that the focus put there stays.
export function BallotForm({
  questionId,
  forMemberId = null,
  secret,
  label,
  recorded = null,
}: {
  questionId: string;
  forMemberId?: string | null;
  secret: boolean;
  label: string;
  recorded?: { choice: BallotChoice | null } | null;
}) {
  const t = useTranslations("votes");
  const router = useRouter();
  // Posted to the ballot box route (app/api/votes/[id]/ballot), the path the benchmark measures.
  async function cast(_: CastState, formData: FormData): Promise<CastState> {
    const choice = formData.get("choice");
    if (!isChoice(choice)) return { ok: false, error: "choiceRequired" };
    try {
      const response = await fetch(`/api/votes/${questionId}/ballot`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ choice, forMemberId }),
      });
      const answer = (await response.json().catch(() => ({}))) as {
        recorded?: boolean;
        error?: BallotRefusal;
      };
      if (!response.ok || !answer.recorded) return { ok: false, error: answer.error ?? "unexpected" };
      router.refresh();
      return { ok: true, choice, secret };
    } catch {
      return { ok: false, error: "offline" };
    }
  }
  const [state, formAction, pending] = useActionState(cast, null);
  const [choice, setChoice] = useState<BallotChoice | null>(null);
  // Before hydration (or without JavaScript) the form posts itself to the ballot box, which sends
  // the browser back to this page; once hydrated, the two taps happen here.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The answer goes into live regions that were on the page before it, and takes the focus: the
  // confirmation is heard, and the next Tab starts from it rather than from the top of the page.
  const answered = useRef<HTMLDivElement>(null);
  const refused = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok) answered.current?.focus();
    else if (state) refused.current?.focus();
  }, [state]);
  // A secret ballot is never shown back: only that one took part.
  const done = state?.ok
    ? { choice: state.secret ? null : state.choice }
    : recorded
      ? { choice: secret ? null : recorded.choice }
      : null;
  return (
    <div className="space-y-3">
      <div ref={answered} role="status" tabIndex={-1}>
        {done ? (
          <Alert kind="success" live={false}>
            <p className="font-semibold">
              {done.choice
                ? t("voteRecorded", { choice: t(`choices.${done.choice}`) })
                : t("participationRecorded")}
            </p>
            {secret && state?.ok ? <p className="mt-1 text-sm">{t("secretRecordedHelp")}</p> : null}
          </Alert>
        ) : null}
      </div>
      {done ? null : (
        <form
          method="post"
          action={`/api/votes/${questionId}/ballot`}
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const formData = new FormData(event.currentTarget);
            startTransition(() => formAction(formData));
          }}
        >
          {forMemberId ? <input type="hidden" name="forMemberId" value={forMemberId} /> : null}
          <div ref={refused} role="alert" tabIndex={-1}>
            {state && !state.ok ? (
              <Alert kind="error" live={false}>
                {t(`refusals.${state.error}`)}
              </Alert>
            ) : null}
          </div>
          <fieldset className="space-y-2">
            <legend className="mb-1 font-semibold">{label}</legend>
            {(["FOR", "AGAINST", "ABSTAIN"] as const).map((c) => (
              <label
                key={c}
                className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border-2 px-4 text-lg font-semibold ${choice === c ? "border-brand-700 bg-brand-50" : "border-stone-300 bg-white"}`}
              >
                <input
                  type="radio"
                  name="choice"
                  value={c}
                  className="size-5"
                  onChange={() => setChoice(c)}
                  checked={choice === c}
                />
                {t(`choices.${c}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className={`${buttonClass} w-full sm:w-auto`}
            aria-disabled={hydrated && (pending || !choice)}
          >
            {!hydrated
              ? t("castVote")
              : choice
                ? t("confirm", { choice: t(`choices.${choice}`) })
                : t("chooseFirst")}
          </button>
        </form>
      )}
    </div>
  );
}

export function QuestionForm<T>({
  action,
  bodies,
  meetings,
  categories,
}: {
  action: Action<T>;
  bodies: (Choice & { kind: string })[];
  meetings: (Choice & { bodyId: string })[];
  categories: Choice[];
}) {
  const t = useTranslations("votes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props, values, textField } = useFormFields(state, {
    kind: "WRITTEN_CONSULTATION",
    bodyId: bodies[0]?.id ?? "",
  });
  const [bodyId, setBodyId] = useState(values.bodyId ?? "");
  const excluded = new Set((values.excludedCategoryIds ?? "").split(",").filter(Boolean));
  const assembly = bodies.find((b) => b.id === bodyId)?.kind === "GENERAL_ASSEMBLY";
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} />
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field id="bodyId" label={t("body")} error={errorOf("bodyId")}>
          <select className={inputClass} {...props("bodyId")} onChange={(e) => setBodyId(e.target.value)}>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="kind"
          label={t("kind")}
          hint={assembly ? t("assemblyKindHint") : undefined}
          error={errorOf("kind")}
        >
          <select className={inputClass} {...props("kind")}>
            {(["WRITTEN_CONSULTATION", "MEETING_BALLOT", "SHOW_OF_HANDS", "AG_RESOLUTION"] as const).map(
              (k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ),
            )}
          </select>
        </Field>
        <Field id="meetingId" label={t("meeting")} hint={t("meetingHint")} error={errorOf("meetingId")}>
          <select className={inputClass} {...props("meetingId")}>
            <option value="">{t("noMeeting")}</option>
            {meetings
              .filter((m) => m.bodyId === bodyId)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </Field>
        {assembly ? (
          <Field id="assemblyType" label={t("assemblyType")} error={errorOf("assemblyType")}>
            <select className={inputClass} {...props("assemblyType")}>
              <option value="">{t("assemblyFromMeeting")}</option>
              <option value="ORDINARY">{t("assemblyTypes.ORDINARY")}</option>
              <option value="EXTRAORDINARY">{t("assemblyTypes.EXTRAORDINARY")}</option>
            </select>
          </Field>
        ) : null}
        <Field id="closesAt" label={t("closesAt")} hint={t("closesAtHint")} error={errorOf("closesAt")}>
          <input type="datetime-local" className={inputClass} {...props("closesAt")} />
        </Field>
      </div>
      {textField("title", t("questionTitle"))}
      <Field id="text" label={t("questionText")} error={errorOf("text")}>
        <textarea rows={4} className={inputClass} {...props("text")} />
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="secret" defaultChecked={values.secret === "on"} className="size-5" />{" "}
        {t("secret")}
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="hideResultsUntilClose"
          defaultChecked={values.hideResultsUntilClose === "on"}
          className="size-5"
        />{" "}
        {t("hideResults")}
      </label>
      {categories.length ? (
        <fieldset>
          <legend className="font-medium">{t("excluded")}</legend>
          {categories.map((c) => (
            <label key={c.id} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="excludedCategoryIds"
                value={c.id}
                defaultChecked={excluded.has(c.id)}
                className="size-5"
              />{" "}
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("create")}
      </button>
    </ActionForm>
  );
}

export function ShowOfHandsForm<T>({ action, rows }: { action: Action<T>; rows: { label: string }[] }) {
  const t = useTranslations("votes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state);
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} />
      <CountRows rows={rows} counts={["for", "against", "abstain"]} errorOf={errorOf} props={props} />
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("recordTally")}
      </button>
    </ActionForm>
  );
}

// The counts typed in, one group per college (or one for the body): a show of hands, or a
// Belenios election's result. Fields are named « for-0 », « against-1 »…
function CountRows({
  rows,
  counts,
  errorOf,
  props,
}: {
  rows: { label: string }[];
  counts: readonly ("for" | "against" | "abstain" | "blank")[];
  errorOf: ReturnType<typeof useFormFields>["errorOf"];
  props: ReturnType<typeof useFormFields>["props"];
}) {
  const t = useTranslations("votes");
  return rows.map((row, i) => (
    <fieldset
      key={i}
      className={`grid gap-2 ${counts.length > 3 ? "grid-cols-2 sm:grid-cols-4" : "grid-cols-3"}`}
    >
      <legend className={`font-medium ${counts.length > 3 ? "col-span-2 sm:col-span-4" : "col-span-3"}`}>
        {row.label}
      </legend>
      {counts.map((k) => (
        <Field
          key={k}
          id={`${k}-${i}`}
          label={k === "blank" ? t("tallyBlank") : t(`tally.${k}`)}
          error={errorOf(`${k}-${i}`)}
        >
          <input type="number" min={0} inputMode="numeric" className={inputClass} {...props(`${k}-${i}`)} />
        </Field>
      ))}
    </fieldset>
  ));
}

// The results of Belenios elections typed back: the election's address and fingerprint, then the
// counts of each college's election (or the body's one).
export function BeleniosForm<T>({ action, rows }: { action: Action<T>; rows: { label: string }[] }) {
  const t = useTranslations("votes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state);
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate>
      <Outcome state={state} />
      <Field id="url" label={t("beleniosUrl")} error={errorOf("url")}>
        <input type="url" inputMode="url" className={inputClass} {...props("url")} />
      </Field>
      <Field id="fingerprint" label={t("beleniosFingerprint")} error={errorOf("fingerprint")}>
        <input className={`${inputClass} font-mono`} {...props("fingerprint")} />
      </Field>
      <CountRows
        rows={rows}
        counts={["for", "against", "abstain", "blank"]}
        errorOf={errorOf}
        props={props}
      />
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("beleniosRecord")}
      </button>
    </ActionForm>
  );
}

export function ProxyForm<T>({ action, members }: { action: Action<T>; members: Choice[] }) {
  const t = useTranslations("votes");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props } = useFormFields(state);
  return (
    <ActionForm action={formAction} className="space-y-2">
      <Outcome state={state} success={t("proxyGiven")} />
      <Field id="holderId" label={t("proxyHolder")} error={errorOf("holderId")}>
        <select className={inputClass} {...props("holderId")}>
          <option value="">{t("chooseMember")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("giveProxy")}
      </button>
    </ActionForm>
  );
}

// The paper ballots of an assembly: who voted on paper, then the counts per college.
export function PaperBallotsForm<T>({
  action,
  voters,
  colleges,
  initial = {},
}: {
  action: Action<T>;
  voters: { id: string; name: string; college: string | null; onPaper: boolean }[];
  colleges: string[];
  // The entry being corrected: its counts as the form's fields.
  initial?: Record<string, string>;
}) {
  const t = useTranslations("votes");
  const tp = useTranslations("votes.paperRefusals");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("votes", state);
  const values = state && !state.ok ? state.values : initial;
  const refused = state && !state.ok;
  const [ticked, setTicked] = useState<Set<string>>(
    () =>
      new Set(
        refused ? (values.paperVoters?.split(",") ?? []) : voters.filter((v) => v.onPaper).map((v) => v.id),
      ),
  );
  // Ticks per college, beside each college's counts: their total must match.
  const tickedIn = (college: string) =>
    voters.filter((v) => v.college === college && ticked.has(v.id)).length;
  return (
    <ActionForm
      action={formAction}
      className="space-y-3"
      noValidate
      key={state?.ok ? `saved-${state.at}` : "editing"}
    >
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("paperSaved")}</Alert> : null}
        {state && !state.ok ? (
          <Alert kind="error">
            <p>{refusal(state.error)}</p>
            {state.problems?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {state.problems.map((p, i) => (
                  <li key={i}>
                    {/^\d+\/\d+$/.test(p.reason)
                      ? `${p.name} : ${t("paperCounts", { typed: p.reason.split("/")[0]!, voters: p.reason.split("/")[1]! })}`
                      : tp.has(p.reason as PaperRefusal)
                        ? tp(p.reason as PaperRefusal, { name: p.name })
                        : `${p.name} : ${refusal("paperVoterRefused")}`}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <fieldset>
        <legend className="font-medium">{t("paperVoters")}</legend>
        <div className="grid gap-x-3 sm:grid-cols-2">
          {voters.map((v) => (
            <label key={v.id} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="paperVoters"
                value={v.id}
                checked={ticked.has(v.id)}
                onChange={(event) => {
                  const next = new Set(ticked);
                  if (event.target.checked) next.add(v.id);
                  else next.delete(v.id);
                  setTicked(next);
                }}
                className="size-5"
              />
              {v.name}
              {v.college ? <span className="text-sm text-stone-700">({v.college})</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      {colleges.map((name, i) => (
        <fieldset key={name} className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          <legend className="col-span-3 font-medium sm:col-span-5">
            {t("paperCollege", { college: name })}{" "}
            <span className="font-normal text-stone-700" aria-live="polite">
              {t("paperTicked", { count: tickedIn(name) })}
            </span>
          </legend>
          {(["for", "against", "abstain", "blank", "spoiled"] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`paper-${k}-${i}`} className="block text-sm font-medium">
                {t(`paper.${k}`)}
              </label>
              <input
                id={`paper-${k}-${i}`}
                name={`${k}-${i}`}
                type="number"
                min={0}
                inputMode="numeric"
                defaultValue={values[`${k}-${i}`] ?? ""}
                className={inputClass}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("recordPaper")}
      </button>
    </ActionForm>
  );
}
