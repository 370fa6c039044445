import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { ideaBoard } from "@/lib/ideas/board";
import { moderationView } from "@/lib/ideas/moderation";
import {
  approveIdeaAction,
  hideIdeaAction,
  markCalledAction,
  mergeIdeaAction,
  paperIdeaAction,
} from "@/lib/ideas/actions";
import { HideIdeaForm, MergeIdeaForm, PaperIdeaForm } from "@/components/idea-forms";
import { StepForm } from "@/components/step-form";
import { dayKey } from "@/lib/dates";
import { Card, Empty, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("ideasAdmin");
}

// The coordinator's side: the public form's moderation queue, the paper box, hiding and
// merging, and the people to call back with the council's answer.
export default async function IdeasAdminPage() {
  const actor = await requireActor("idea.moderate");
  const [view, { ideas: board }, t, format] = await Promise.all([
    moderationView(actor),
    ideaBoard(actor, { sort: "recentes", page: 1, size: 200 }),
    getTranslations("ideas"),
    getFormatter(),
  ]);
  const date = (d: Date | null) =>
    d ? format.dateTime(d, { day: "numeric", month: "long", year: "numeric" }) : "";
  return (
    <div className="space-y-6">
      <TextLink href="/idees">← {t("backToBoard")}</TextLink>
      <PageTitle>{t("manageTitle")}</PageTitle>
      <div className="flex flex-wrap gap-x-6">
        <TextLink href="/idees/affiche">{t("poster")}</TextLink>
        <TextLink href="/idees/traductions">{t("translationsLink")}</TextLink>
      </div>

      <Card title={t("queueTitle", { count: view.queue.length })}>
        {view.queue.length === 0 ? (
          <Empty>{t("queueEmpty")}</Empty>
        ) : (
          <ul className="space-y-4">
            {view.queue.map((idea) => (
              <li key={idea.id} className="space-y-2 border-b border-stone-200 pb-4 last:border-0">
                <p className="whitespace-pre-line">{idea.text}</p>
                <p className="text-sm text-stone-700">
                  {idea.authorName ?? t("anonymous")} · {date(idea.createdAt)}
                  {idea.contact ? ` · ${t("contact")} : ${idea.contact}` : ""}
                </p>
                <StepForm
                  namespace="ideas"
                  action={approveIdeaAction.bind(null, idea.id)}
                  label={t("approve")}
                />
                <HideOrMerge ideaId={idea.id} targets={view.mergeTargets} label={t("hideOrMerge")} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("paperTitle")}>
        <p className="mb-3 text-stone-700">{t("paperHelp")}</p>
        <PaperIdeaForm action={paperIdeaAction} today={dayKey(new Date())} />
      </Card>

      {view.toCall.length ? (
        <Card title={t("toCallTitle")}>
          <ul className="space-y-3">
            {view.toCall.map((idea) => (
              <li key={idea.id} className="space-y-1">
                <p>
                  « {idea.text} » — {idea.authorName ?? t("anonymous")}, <strong>{idea.contact}</strong>
                </p>
                <p className="text-sm">
                  {t("councilAnswer")} : {idea.answerKind ? t(`answers.${idea.answerKind}`) : ""}{" "}
                  {idea.answerText ?? ""}
                </p>
                <StepForm
                  namespace="ideas"
                  action={markCalledAction.bind(null, idea.id)}
                  label={t("called")}
                  secondary
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title={t("boardManage")}>
        {board.length === 0 ? (
          <Empty>{t("empty")}</Empty>
        ) : (
          <ul className="space-y-4">
            {board.map((idea) => (
              <li key={idea.id} className="space-y-2 border-b border-stone-200 pb-4 last:border-0">
                <p className="whitespace-pre-line">{idea.text}</p>
                <p className="text-sm text-stone-700">
                  {t(`sources.${idea.source}`)} · {date(idea.createdAt)} · {t(`statuses.${idea.status}`)}
                </p>
                <HideOrMerge ideaId={idea.id} targets={view.mergeTargets} label={t("hideOrMerge")} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("hiddenTitle")}>
        {view.hidden.length === 0 ? (
          <Empty>{t("hiddenEmpty")}</Empty>
        ) : (
          <ul className="space-y-2">
            {view.hidden.map((idea) => (
              <li key={idea.id}>
                <p className="whitespace-pre-line text-stone-700">{idea.text}</p>
                <p className="text-sm">
                  {t("hiddenBecause", { reason: idea.hiddenReason ?? "", date: date(idea.hiddenAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function HideOrMerge({
  ideaId,
  targets,
  label,
}: {
  ideaId: string;
  targets: { id: string; text: string }[];
  label: string;
}) {
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 font-medium">{label}</summary>
      <div className="grid gap-3 sm:grid-cols-2">
        <HideIdeaForm action={hideIdeaAction.bind(null, ideaId)} ideaId={ideaId} />
        <MergeIdeaForm action={mergeIdeaAction.bind(null, ideaId)} ideaId={ideaId} targets={targets} />
      </div>
    </details>
  );
}
