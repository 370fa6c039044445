import type { getTranslations } from "next-intl/server";
import type { Formatter } from "@/lib/i18n/formatter";
import Link from "@/components/link";
import type { BoardIdea } from "@/lib/ideas/board";

// One idea on a board (signed in or public): text, who and when, supports, and the council's
// answer once published.
// `booklet`: the reader may open the booklet's pages (the entries then link to them).
// Not an async component: the board renders 25 of them, and each awaiting its own translator
// made React hold and resume every card apart (issue 21); the page passes its own.
export function IdeaCard({
  idea,
  children,
  booklet = false,
  t,
  format,
}: {
  idea: BoardIdea;
  children?: React.ReactNode;
  booklet?: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"ideas">>>;
  format: Formatter;
}) {
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <p className="whitespace-pre-line text-stone-900">{idea.text}</p>
      {/* One text, not six: the board shows 25 cards, each in the HTML and in the payload. */}
      <p className="text-sm text-stone-700">
        {[
          idea.theme ? t(`themes.${idea.theme}`) : null,
          idea.authorName ?? t("anonymous"),
          t(`sources.${idea.source}`),
          format.dateTime(idea.createdAt, { day: "numeric", month: "long", year: "numeric" }),
          idea.supports ? t("supportCount", { count: idea.supports }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {idea.merged.length ? (
        <p className="text-sm text-stone-700">{t("mergedWith", { count: idea.merged.length })}</p>
      ) : null}
      {idea.answer ? (
        <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          <p className="font-semibold">{`${t("councilAnswer")} : ${t(`answers.${idea.answer.kind}`)}`}</p>
          {idea.answer.text ? <p className="whitespace-pre-line">{idea.answer.text}</p> : null}
          {idea.answer.partners.length ? (
            <>
              <p className="mt-2 font-medium">{t("partnersTitle")}</p>
              <ul className="list-disc ps-6" lang="fr">
                {idea.answer.partners.map((p) => (
                  <li key={p.id}>
                    {booklet ? (
                      <Link href={`/carnet/${p.id}`} className="font-medium text-brand-700 underline">
                        {p.name}
                      </Link>
                    ) : (
                      <span className="font-medium">{p.name}</span>
                    )}
                    {[p.address, p.hoursText, p.phone].filter(Boolean).length
                      ? ` — ${[p.address, p.hoursText, p.phone].filter(Boolean).join(" · ")}`
                      : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : idea.status === "TO_READ" || idea.status === "ANSWERED" ? (
        <p className="text-sm font-medium text-stone-800">{t("atCouncil")}</p>
      ) : null}
      {children}
    </li>
  );
}
