"use client";
import { startTransition, useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { importAction } from "@/lib/members/import-actions";
import { useRefusal } from "@/components/form-outcome";
import { Alert, buttonClass, secondaryButtonClass } from "@/components/ui";

// No automatic reset: the chosen file stays selected between the preview and the import.
export function ImportForm() {
  const t = useTranslations("import");
  const refusal = useRefusal("import");
  const [state, action, pending] = useActionState(importAction, null);
  const intent = useRef<"preview" | "import">("preview");
  // The file's report: with rows to correct, nothing was imported.
  const report = state?.ok ? state.data : undefined;
  const preview = report?.preview;
  const lines = preview?.lines ?? [];
  const rowErrors = preview?.errors ?? [];

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
              defaultChecked={kind === "members"}
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
        {report && !rowErrors.length && report.imported ? (
          <Alert kind="success">
            {t("done", { created: report.preview.toCreate, updated: report.preview.toUpdate })}
          </Alert>
        ) : null}
        {report && !rowErrors.length && !report.imported ? (
          <Alert kind="info">
            {t("ready", { created: report.preview.toCreate, updated: report.preview.toUpdate })}
          </Alert>
        ) : null}
      </div>

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
              </li>
            ))}
          </ul>
          {lines.length > 200 ? <p className="text-sm">{t("more", { count: lines.length - 200 })}</p> : null}
        </details>
      ) : null}
    </form>
  );
}
