"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveCollegesAction } from "@/lib/statutes/actions";
import {
  equalWeights,
  formatPercent,
  lineViolation,
  parsePercent,
  type ConfigViolation,
} from "@/lib/statutes/college-rules";
import { ActionForm } from "@/components/action-form";
import { useRefusal } from "@/components/form-outcome";
import { Alert, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";

type CollegeRow = { key: string; id?: string; name: string; weight: string };
type CategoryRow = {
  key: string;
  id?: string;
  name: string;
  kind: "BENEFICIARY" | "EMPLOYEE" | "PRODUCER" | "OTHER";
  collegeKey: string | null;
  memberCount: number;
};

export type CollegesFormProps = {
  colleges: { id: string; name: string; weightBp: number }[];
  categories: {
    id: string;
    name: string;
    kind: CategoryRow["kind"];
    collegeId: string | null;
    memberCount: number;
  }[];
};

const KINDS = ["BENEFICIARY", "EMPLOYEE", "PRODUCER", "OTHER"] as const;

export function CollegesForm({ colleges, categories }: CollegesFormProps) {
  const t = useTranslations("colleges");
  const [state, action, pending] = useActionState(saveCollegesAction, null);
  const refusal = useRefusal("colleges", state);
  const [collegeRows, setCollegeRows] = useState<CollegeRow[]>(() =>
    colleges.map((c) => ({ key: c.id, id: c.id, name: c.name, weight: formatPercent(c.weightBp) })),
  );
  const [categoryRows, setCategoryRows] = useState<CategoryRow[]>(() =>
    categories.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      kind: c.kind,
      collegeKey: c.collegeId,
      memberCount: c.memberCount,
    })),
  );
  const [counter, setCounter] = useState(0);
  const newKey = (prefix: string) => {
    setCounter((n) => n + 1);
    return `${prefix}-${counter}`;
  };

  // What the law asks at the least (art. 19 septies and octies): the beneficiaries, the
  // employees, and a third category, each voting in its own college, a third each. The
  // coordinator renames and adds to it before saving.
  function startFromLaw() {
    const defaults = [
      { key: "law-users", name: t("lawDefaults.users"), kind: "BENEFICIARY" as const, weight: "33,33" },
      { key: "law-employees", name: t("lawDefaults.employees"), kind: "EMPLOYEE" as const, weight: "33,33" },
      { key: "law-partners", name: t("lawDefaults.partners"), kind: "OTHER" as const, weight: "33,34" },
    ];
    setCollegeRows(defaults.map((d) => ({ key: `${d.key}-college`, name: d.name, weight: d.weight })));
    setCategoryRows(
      defaults.map((d) => ({
        key: d.key,
        name: d.name,
        kind: d.kind,
        collegeKey: `${d.key}-college`,
        memberCount: 0,
      })),
    );
  }

  const totalBp = collegeRows.reduce((sum, row) => sum + (parsePercent(row.weight) ?? 0), 0);
  const payload = JSON.stringify({
    colleges: collegeRows.map(({ key, id, name, weight }) => ({ key, id, name, weight })),
    categories: categoryRows.map(({ key, id, name, kind, collegeKey }) => ({
      key,
      id,
      name,
      kind,
      collegeKey,
    })),
  });

  function describe(v: ConfigViolation): string {
    switch (v.rule) {
      case "collegeTooLight":
      case "collegeTooHeavy":
        return t(`rules.${v.rule}`, { college: v.college, weight: formatPercent(v.weightBp) });
      case "weightsDoNotSum":
        return t("rules.weightsDoNotSum", { total: formatPercent(v.totalBp) });
      case "tooFewCategories":
      case "tooFewColleges":
        return t(`rules.${v.rule}`, { count: v.count });
      case "collegeWithoutCategory":
      case "collegeInOpenVote":
        return t(`rules.${v.rule}`, { college: v.college });
      case "categoryWithoutCollege":
      case "categoryInUse":
        return t(`rules.${v.rule}`, { category: v.category });
      case "duplicateName":
        return t("rules.duplicateName", { name: v.name });
      default:
        return t(`rules.${v.rule}`);
    }
  }

  // A refused configuration: each rule it breaks, one line each (see violationLine).
  const violations =
    state && !state.ok
      ? (state.problems ?? []).map(lineViolation).filter((v): v is ConfigViolation => v !== null)
      : [];

  return (
    <ActionForm action={action} className="space-y-6">
      <input type="hidden" name="config" value={payload} />
      <div aria-live="polite">
        {state?.ok ? <Alert kind="success">{t("saved")}</Alert> : null}
        {state && !state.ok ? (
          <Alert kind="error">
            <p className={violations.length ? "font-semibold" : undefined}>{refusal(state.error)}</p>
            {violations.length ? (
              <ul className="mt-1 list-disc pl-5">
                {violations.map((v, i) => (
                  <li key={i}>{describe(v)}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      {collegeRows.length === 0 && categoryRows.length === 0 ? (
        <div className="rounded-md border border-brand-200 bg-brand-50 p-4">
          <p className="mb-3 text-stone-800">{t("startHint")}</p>
          <button type="button" className={secondaryButtonClass} onClick={startFromLaw}>
            {t("startFromLaw")}
          </button>
        </div>
      ) : null}

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("collegesTitle")}</legend>
        <p className="text-sm text-stone-700">{t("collegesHelp")}</p>
        {collegeRows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-end gap-2">
            <div className="min-w-48 flex-1">
              <label htmlFor={`college-name-${row.key}`} className="block text-sm font-medium">
                {t("collegeName", { n: index + 1 })}
              </label>
              <input
                id={`college-name-${row.key}`}
                value={row.name}
                onChange={(e) =>
                  setCollegeRows((rows) =>
                    rows.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)),
                  )
                }
                className={inputClass}
              />
            </div>
            <div className="w-32">
              <label htmlFor={`college-weight-${row.key}`} className="block text-sm font-medium">
                {t("weight")}
              </label>
              <input
                id={`college-weight-${row.key}`}
                inputMode="decimal"
                value={row.weight}
                aria-invalid={parsePercent(row.weight) === null ? true : undefined}
                onChange={(e) =>
                  setCollegeRows((rows) =>
                    rows.map((r) => (r.key === row.key ? { ...r, weight: e.target.value } : r)),
                  )
                }
                className={inputClass}
              />
            </div>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                setCollegeRows((rows) => rows.filter((r) => r.key !== row.key));
                setCategoryRows((rows) =>
                  rows.map((c) => (c.collegeKey === row.key ? { ...c, collegeKey: null } : c)),
                );
              }}
            >
              {t("remove")}
              <span className="sr-only"> {row.name}</span>
            </button>
          </div>
        ))}
        <p className="font-medium" aria-live="polite">
          {t("total", { total: formatPercent(totalBp) })}
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() =>
              setCollegeRows((rows) => [...rows, { key: newKey("college"), name: "", weight: "" }])
            }
          >
            {t("addCollege")}
          </button>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => {
              const weights = equalWeights(collegeRows.length);
              setCollegeRows((rows) =>
                rows.map((r, i) => ({ ...r, weight: formatPercent(weights[i] ?? 0) })),
              );
            }}
          >
            {t("equalWeights")}
          </button>
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("categoriesTitle")}</legend>
        <p className="text-sm text-stone-700">{t("categoriesHelp")}</p>
        {categoryRows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-end gap-2 border-b border-stone-200 pb-3">
            <div className="min-w-48 flex-1">
              <label htmlFor={`category-name-${row.key}`} className="block text-sm font-medium">
                {t("categoryName", { n: index + 1 })}
              </label>
              <input
                id={`category-name-${row.key}`}
                value={row.name}
                onChange={(e) =>
                  setCategoryRows((rows) =>
                    rows.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)),
                  )
                }
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor={`category-kind-${row.key}`} className="block text-sm font-medium">
                {t("kind")}
              </label>
              <select
                id={`category-kind-${row.key}`}
                value={row.kind}
                onChange={(e) =>
                  setCategoryRows((rows) =>
                    rows.map((r) =>
                      r.key === row.key ? { ...r, kind: e.target.value as CategoryRow["kind"] } : r,
                    ),
                  )
                }
                className={inputClass}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`category-college-${row.key}`} className="block text-sm font-medium">
                {t("college")}
              </label>
              <select
                id={`category-college-${row.key}`}
                value={row.collegeKey ?? ""}
                onChange={(e) =>
                  setCategoryRows((rows) =>
                    rows.map((r) => (r.key === row.key ? { ...r, collegeKey: e.target.value || null } : r)),
                  )
                }
                className={inputClass}
              >
                <option value="">{t("noCollege")}</option>
                {collegeRows.map((c, i) => (
                  <option key={c.key} value={c.key}>
                    {c.name || t("collegeName", { n: i + 1 })}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => setCategoryRows((rows) => rows.filter((r) => r.key !== row.key))}
              title={row.memberCount > 0 ? t("inUse", { count: row.memberCount }) : undefined}
            >
              {t("remove")}
              <span className="sr-only"> {row.name}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            setCategoryRows((rows) => [
              ...rows,
              { key: newKey("category"), name: "", kind: "OTHER", collegeKey: null, memberCount: 0 },
            ])
          }
        >
          {t("addCategory")}
        </button>
      </fieldset>

      <button type="submit" className={buttonClass} aria-disabled={pending}>
        {t("save")}
      </button>
    </ActionForm>
  );
}
