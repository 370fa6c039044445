"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/form-result";
import { ActionForm } from "@/components/action-form";
import { FormOutcome, useRefusal } from "@/components/form-outcome";
import { useFormFields } from "@/components/form-fields";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
type Category = { id: string; name: string };

function GeneralError({ state }: { state: ActionState<unknown> }) {
  return state?.ok ? null : <FormOutcome state={state} namespace="members" />;
}

export function MemberForm<T>({
  action,
  categories,
  initial,
  mode,
}: {
  action: Action<T>;
  categories: Category[];
  initial: Record<string, string>;
  mode: "create" | "edit";
}) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(action, null);
  const { values, errorOf, props, textField } = useFormFields(state, initial);
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("saved")}</Alert> : null}
        <GeneralError state={state} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {textField("name", t("fields.name"), { autoComplete: "off" })}
        {textField("email", t("fields.email"), { type: "email", autoComplete: "off" })}
        {textField("phone", t("fields.phone"), { type: "tel", autoComplete: "off" })}
        {textField("address", t("fields.address"), { autoComplete: "off" })}
      </div>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("fields.kind")}</legend>
        {(["ASSOCIATE", "GUEST"] as const).map((kind) => (
          <label key={kind} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="kind"
              value={kind}
              defaultChecked={(values.kind ?? "ASSOCIATE") === kind}
              className="size-5"
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-3">
        {mode === "create" ? (
          <Field id="categoryId" label={t("fields.category")} error={errorOf("categoryId")}>
            <select className={inputClass} {...props("categoryId")}>
              <option value="">{t("noCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <input type="hidden" name="categoryId" value={values.categoryId ?? ""} />
        )}
        {textField("joinedOn", t("fields.joinedOn"), { type: "date" })}
        {textField("shares", t("fields.shares"), { type: "number", hint: t("sharesHint") })}
      </div>
      {textField("title", t("fields.title"), { hint: t("titleHint") })}
      <div className="space-y-1">
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="newsletterConsent"
            defaultChecked={values.newsletterConsent === "on"}
            className="size-5"
          />
          {/* What the box said when the page opened: an unchanged box changes no consent (the
              person may have unsubscribed meanwhile, and a save of their phone must not undo it). */}
          <input
            type="hidden"
            name="newsletterConsentWas"
            value={initial.newsletterConsent === "on" ? "on" : ""}
          />
          {t("fields.newsletterConsent")}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="isCoordinator"
            defaultChecked={values.isCoordinator === "on"}
            className="size-5"
          />
          {t("fields.isCoordinator")}
        </label>
        {mode === "create" ? (
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="invite" defaultChecked={values.invite === "on"} className="size-5" />
            {t("fields.invite")}
          </label>
        ) : null}
      </div>
      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {mode === "create" ? t("create") : t("save")}
      </button>
    </ActionForm>
  );
}

export function CategoryChangeForm<T>({
  action,
  categories,
  currentCategoryId,
}: {
  action: Action<T>;
  categories: Category[];
  currentCategoryId: string | null;
}) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(action, null);
  const { errorOf, props, textField } = useFormFields(state, { categoryId: "", from: "" });
  return (
    <ActionForm action={formAction} className="space-y-3" noValidate key={state?.ok ? "done" : "editing"}>
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("categoryChanged")}</Alert> : null}
        <GeneralError state={state} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="categoryId" label={t("newCategory")} error={errorOf("categoryId")}>
          <select className={inputClass} {...props("categoryId")}>
            <option value="">{t("chooseCategory")}</option>
            {categories
              .filter((c) => c.id !== currentCategoryId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </Field>
        {textField("from", t("changeFrom"), { type: "date", hint: t("changeFromHint") })}
      </div>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {t("changeCategory")}
      </button>
    </ActionForm>
  );
}

export function InviteForm<T>({ action, label }: { action: Action<T>; label: string }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("invitationSent")}</Alert> : null}
        <GeneralError state={state} />
      </div>
      <button type="submit" className={secondaryButtonClass} aria-disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function EraseForm<T>({ action, name }: { action: Action<T>; name: string }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = useRefusal("members", state);
  const { errorOf, props } = useFormFields(state, { confirmName: "" });
  return (
    <ActionForm action={formAction} className="space-y-3">
      <div aria-live="polite">
        {state && !state.ok && state.error !== "eraseMismatch" ? (
          <Alert kind="error">{refusal(state.error)}</Alert>
        ) : null}
      </div>
      <Field
        id="confirmName"
        label={t("eraseConfirmLabel", { name })}
        error={errorOf("confirmName") ? t("eraseMismatch") : undefined}
      >
        <input className={inputClass} autoComplete="off" {...props("confirmName")} />
      </Field>
      <button
        type="submit"
        aria-disabled={pending}
        className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
      >
        {t("eraseConfirm")}
      </button>
    </ActionForm>
  );
}
