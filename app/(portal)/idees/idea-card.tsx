import { getFormatter, getTranslations } from "next-intl/server";
import type { BoardIdea } from "@/lib/ideas/board";

// One idea on a board (signed in or public): text, who and when, supports, and the council's
// answer once published.
export async function IdeaCard({ idea, children }: { idea: BoardIdea; children?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("ideas"), getFormatter()]);
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <p className="whitespace-pre-line text-stone-900">{idea.text}</p>
      <p className="text-sm text-stone-700">
        {idea.theme ? `${t(`themes.${idea.theme}`)} · ` : ""}
        {idea.authorName ?? t("anonymous")} · {t(`sources.${idea.source}`)} ·{" "}
        {format.dateTime(idea.createdAt, { day: "numeric", month: "long", year: "numeric" })}
        {idea.supports ? ` · ${t("supportCount", { count: idea.supports })}` : ""}
      </p>
      {idea.merged.length ? (
        <p className="text-sm text-stone-700">{t("mergedWith", { count: idea.merged.length })}</p>
      ) : null}
      {idea.answer ? (
        <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          <p className="font-semibold">
            {t("councilAnswer")} : {t(`answers.${idea.answer.kind}`)}
          </p>
          {idea.answer.text ? <p className="whitespace-pre-line">{idea.answer.text}</p> : null}
        </div>
      ) : idea.status === "TO_READ" || idea.status === "ANSWERED" ? (
        <p className="text-sm font-medium text-stone-800">{t("atCouncil")}</p>
      ) : null}
      {children}
    </li>
  );
}
