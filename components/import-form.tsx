"use client";
import { startTransition, useActionState, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { importAction } from "@/lib/members/import-actions";
import { useRefusal } from "@/components/form-outcome";
import { Alert, buttonClass, secondaryButtonClass } from "@/components/ui";

// No automatic reset: the chosen file stays selected between the preview and the import.
// `kind`: the kind chosen when the page opens (?kind=recipients from the newsletter's page).
export function ImportForm({ kind: initialKind = "members" }: { kind?: "members" | "recipients" }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const [state, action, pending] = useActionState(importAction, null);
  const refusal = useRefusal("import", state);
  const intent = useRef<"preview" | "import">("preview");
  // The file's report: with rows to correct, nothing was imported.
  const report = state?.ok ? state.data : undefined;
  const preview = report?.preview;
  const lines = preview?.lines ?? [];
  const rowErrors = preview?.errors ?? [];
  const conflicts = preview?.conflicts ?? [];
  const undecided = conflicts.filter((c) => c.choice === null);
  const warnings = preview?.warnings ?? [];

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        formData.set("intent", intent.current);
        startTransition(() => action(formData));
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("what")}</legend>
        {(["members", "recipients"] as const).map((kind) => (
          <label key={kind} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="kind"
              value={kind}
              defaultChecked={kind === initialKind}
              className="size-5"
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="file" className="block font-medium">
          {t("file")}
        </label>
        <p id="file-hint" className="text-sm text-stone-700">
          {t("fileHint")}
        </p>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="file-hint"
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
          {t("preview")}
        </button>
        <button
          type="submit"
          className={buttonClass}
          aria-disabled={pending}
          onClick={() => (intent.current = "import")}
        >
          {t("import")}
        </button>
      </div>

      <div aria-live="polite" className="space-y-3">
        {pending ? <p>{t("working")}</p> : null}
        {state && !state.ok ? <Alert kind="error">{refusal(state.error)}</Alert> : null}
        {rowErrors.length ? (
          <Alert kind="error">
            <p className="font-semibold">
              {t("nothingImported", {
                count: new Set(rowErrors.map((e) => e.line)).size,
                lines: [...new Set(rowErrors.map((e) => e.line))].slice(0, 10).join(", "),
              })}
            </p>
          </Alert>
        ) : null}
        {report && !rowErrors.length && !report.imported && undecided.length > 0 ? (
          <Alert kind="error">
            <p className="font-semibold">{t("conflictsPending", { count: undecided.length })}</p>
          </Alert>
        ) : null}
        {report && !rowErrors.length && preview?.kind === "recipients" ? (
          <p className="font-medium">{t("receivers", { count: preview.receivers })}</p>
        ) : null}
        {report && !rowErrors.length && report.imported ? (
          <Alert kind="success">
            {t("done", { created: report.preview.toCreate, updated: report.preview.toUpdate })}
          </Alert>
        ) : null}
        {report && !rowErrors.length && !report.imported && undecided.length === 0 ? (
          <Alert kind="info">
            {t("ready", { created: report.preview.toCreate, updated: report.preview.toUpdate })}
          </Alert>
        ) : null}
      </div>

      {!rowErrors.length && conflicts.length ? (
        <fieldset className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <legend className="px-1 font-semibold">{t("conflictsTitle")}</legend>
          <p className="text-sm">{t("conflictsIntro")}</p>
          {conflicts.map((c) => (
            <div key={c.email} role="group" aria-label={c.email} className="space-y-1">
              <p>
                <span className="font-medium">{c.email}</span> —{" "}
                {c.answers
                  .map((a) => t("conflictAnswer", { line: a.line, consent: String(a.consent) }))
                  .join(", ")}
              </p>
              <div className="flex flex-wrap gap-x-4">
                {(["yes", "no"] as const).map((choice) => (
                  <label key={choice} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name={`consent:${c.email}`}
                      value={choice}
                      defaultChecked={c.choice !== null && c.choice === (choice === "yes")}
                      className="size-5"
                    />
                    {t(choice === "yes" ? "conflictYes" : "conflictNo")}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}
      {!rowErrors.length && warnings.length ? (
        <div className="rounded-md border border-stone-300 p-3 text-sm">
          <p className="font-semibold">{t("warningsTitle")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={`${w.line}-${w.field}`}>
                {t("warningFormula", { line: w.line, column: t(`columns.${w.field}`), value: w.value })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rowErrors.length ? (
        <div className="overflow-x-auto" role="region" aria-label={t("errorsTitle")} tabIndex={0}>
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="p-2 text-left font-semibold">{t("errorsTitle")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">
                  {t("line")}
                </th>
                <th scope="col" className="p-2">
                  {t("column")}
                </th>
                <th scope="col" className="p-2">
                  {t("value")}
                </th>
                <th scope="col" className="p-2">
                  {t("problem")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rowErrors.map((e, i) => (
                <tr key={i} className="border-b border-stone-200">
                  <td className="p-2">{e.line}</td>
                  <td className="p-2">{t(`columns.${e.field}`)}</td>
                  <td className="break-all p-2">{e.value || "—"}</td>
                  <td className="p-2">{t(`rowErrors.${e.code}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {lines.length ? (
        <details open={!report?.imported}>
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold">
            {t("linesTitle", { count: lines.length })}
          </summary>
          <ul className="mt-2 space-y-1 text-sm">
            {lines.slice(0, 200).map((l) => (
              <li key={l.lines.join("-")}>
                {t("lineLabel", { lines: l.lines.join(", ") })} · {l.label} · {t(`actions.${l.action}`)}
                {l.reason ? (
                  <span className={l.receives ? "text-green-800" : "text-stone-700"}>
                    {" "}
                    ·{" "}
                    {t(`reasons.${l.reason}`, {
                      date: l.consentOn
                        ? format.dateTime(new Date(`${l.consentOn}T12:00:00Z`), { dateStyle: "long" })
                        : "",
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {lines.length > 200 ? <p className="text-sm">{t("more", { count: lines.length - 200 })}</p> : null}
        </details>
      ) : null}
    </form>
  );
}
