import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ideaBoard } from "@/lib/ideas/board";
import { SORTS, type Sort } from "@/lib/ideas/schema";
import { supportAction } from "@/lib/ideas/actions";
import { StepForm } from "@/components/step-form";
import { buttonClass, Empty, PageTitle, secondaryButtonClass } from "@/components/ui";
import { ClientMessages } from "@/components/client-messages";
import { IdeaCard } from "./idea-card";
import { pageCount, pageParam } from "@/lib/pagination";
import { Pagination } from "@/components/pagination";
import { titled } from "@/lib/page-title";

const SUPPORT_REFUSALS = [
  "ideas.errors.form",
  "ideas.errors.notFound",
  "ideas.errors.notOpen",
  "ideas.errors.suspended",
] as const;

export async function generateMetadata(): Promise<Metadata> {
  return titled("ideas");
}

export default async function IdeasPage({
  searchParams,
}: {
  searchParams: Promise<{ tri?: string; page?: string }>;
}) {
  const actor = await requireActor("idea.post");
  const { tri, page: pageText } = await searchParams;
  const sort: Sort = (SORTS as readonly string[]).includes(tri ?? "") ? (tri as Sort) : "recentes";
  const page = pageParam(pageText);
  const [{ ideas, total }, t, format] = await Promise.all([
    ideaBoard(actor, { sort, page }),
    getTranslations("ideas"),
    getFormatter(),
  ]);
  const moderate = can(actor.roles, "idea.moderate");
  return (
    // The words of its « Je soutiens » buttons' refusals (the idea box's own, the general ones
    // come with each refusal), and none when every idea shown is answered (no button): not the
    // idea box's 8 kB, nor its coordinators' refusals. The board is the page the neighbourhood's
    // members open most.
    <ClientMessages namespaces={ideas.some((idea) => !idea.answer) ? SUPPORT_REFUSALS : []}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <PageTitle>{t("title")}</PageTitle>
          {/* Posting has its own page (./proposer): the form cost every reading of the board. */}
          <div className="flex flex-wrap gap-2">
            <Link href="/idees/proposer" className={buttonClass}>
              {t("postTitle")}
            </Link>
            {moderate ? (
              <>
                <Link href="/idees/gestion" className={secondaryButtonClass}>
                  {t("manage")}
                </Link>
                <Link href="/idees/affiche" className={secondaryButtonClass}>
                  {t("poster")}
                </Link>
              </>
            ) : null}
          </div>
        </div>
        <section aria-labelledby="board-title" className="space-y-3">
          <h2 id="board-title" className="text-xl font-semibold">
            {t("board")}
          </h2>
          <nav aria-label={t("sortBy")} className="flex flex-wrap gap-2">
            {SORTS.map((s) => (
              <Link
                key={s}
                href={`/idees?tri=${s}`}
                aria-current={s === sort ? "page" : undefined}
                className={`min-h-11 rounded-full border px-4 py-2 font-medium ${s === sort ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white"}`}
              >
                {t(`sorts.${s}`)}
              </Link>
            ))}
          </nav>
          {ideas.length === 0 ? (
            <Empty>{t("empty")}</Empty>
          ) : (
            <ul className="space-y-3">
              {ideas.map((idea) => (
                <IdeaCard
                  key={idea.id}
                  idea={idea}
                  booklet={can(actor.roles, "booklet.read")}
                  t={t}
                  format={format}
                >
                  {idea.answer ? null : (
                    <StepForm
                      namespace="ideas"
                      action={supportAction}
                      fields={{ idea: idea.id }}
                      label={idea.supportedByMe ? t("unsupport") : t("support")}
                      pressed={idea.supportedByMe}
                      secondary
                    />
                  )}
                </IdeaCard>
              ))}
            </ul>
          )}
          <Pagination page={page} pages={pageCount(total)} href={(n) => `/idees?tri=${sort}&page=${n}`} />
        </section>
      </div>
    </ClientMessages>
  );
}
