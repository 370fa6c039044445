"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { Field, buttonClass, inputClass } from "@/components/ui";
import { EVENT_KINDS } from "@/lib/form-errors";

type Action<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export type EventValues = {
  kind: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  videoUrl: string;
  capacity: string;
  public: boolean;
};

// Announcing an event, or changing it: what, when, where (a place or a video link), how many.
export function EventForm<T>({
  action,
  initial,
  submit,
  success,
}: {
  action: Action<T>;
  initial: EventValues;
  submit: string;
  success?: string;
}) {
  const t = useTranslations("events");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("events", state);
  const failed = state && !state.ok ? state : null;
  const text = (name: keyof EventValues) =>
    failed ? (failed.values[name] ?? "") : String(initial[name] ?? "");
  const error = (name: string) => {
    const key = failed?.fieldErrors[name];
    return key ? refusal(key) : undefined;
  };
  const input = (name: keyof EventValues, type = "text") => (
    <input
      id={name}
      name={name}
      type={type}
      autoComplete="off"
      className={inputClass}
      defaultValue={text(name)}
      aria-invalid={error(name) ? true : undefined}
    />
  );
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="events" success={success} />
      </div>
      <Field id="kind" label={t("form.kind")} error={error("kind")}>
        <select
          id="kind"
          name="kind"
          className={inputClass}
          defaultValue={text("kind")}
          aria-invalid={error("kind") ? true : undefined}
        >
          {EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="title" label={t("form.title")} error={error("title")}>
        {input("title")}
      </Field>
      <Field id="description" label={t("form.description")} error={error("description")}>
        <textarea
          id="description"
          name="description"
          rows={4}
          className={inputClass}
          defaultValue={text("description")}
          aria-invalid={error("description") ? true : undefined}
        />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="startsAt" label={t("form.startsAt")} error={error("startsAt")}>
          {input("startsAt", "datetime-local")}
        </Field>
        <Field id="endsAt" label={t("form.endsAt")} error={error("endsAt")}>
          {input("endsAt", "datetime-local")}
        </Field>
      </div>
      <Field id="place" label={t("form.place")} hint={t("form.placeHint")} error={error("place")}>
        {input("place")}
      </Field>
      <Field id="videoUrl" label={t("form.videoUrl")} error={error("videoUrl")}>
        {input("videoUrl", "url")}
      </Field>
      <Field id="capacity" label={t("form.capacity")} hint={t("form.capacityHint")} error={error("capacity")}>
        <input
          id="capacity"
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          className={inputClass}
          defaultValue={text("capacity")}
          aria-invalid={error("capacity") ? true : undefined}
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="public"
          defaultChecked={failed ? failed.values.public === "on" : initial.public}
          className="size-5"
        />{" "}
        {t("form.public")}
      </label>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {submit}
      </button>
    </ActionForm>
  );
}

// Someone arrives without having signed up: a name (a phone if they want), added and ticked.
export function DoorForm<T>({ action }: { action: Action<T> }) {
  const t = useTranslations("events");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("events", state);
  const failed = state && !state.ok ? state : null;
  const error = (name: string) => {
    const key = failed?.fieldErrors[name];
    return key ? refusal(key) : undefined;
  };
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate key={state?.ok ? state.at : "form"}>
      <div aria-live="polite">
        <FormOutcome state={state} namespace="events" success={t("added")} />
      </div>
      <Field id="door-name" label={t("form.name")} error={error("name")}>
        <input
          id="door-name"
          name="name"
          autoComplete="off"
          className={inputClass}
          defaultValue={failed?.values.name ?? ""}
          aria-invalid={error("name") ? true : undefined}
        />
      </Field>
      <Field id="door-phone" label={t("form.phone")} error={error("phone")}>
        <input
          id="door-phone"
          name="phone"
          type="tel"
          autoComplete="off"
          className={inputClass}
          defaultValue={failed?.values.phone ?? ""}
        />
      </Field>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("addAtDoorButton")}
      </button>
    </ActionForm>
  );
}
