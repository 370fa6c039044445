import { meetingNumber } from "@/lib/action-input";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { answerSheetAt } from "@/lib/ideas/council-answers";
import { entryChoices } from "@/lib/booklet/service";
import { answerIdeaAction, publishAnswersAction } from "@/lib/ideas/actions";
import { AnswerIdeaForm } from "@/components/idea-forms";
import { StepForm } from "@/components/step-form";
import { Alert, Card, Empty, PageTitle, TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("meetingIdeas", params);
}

// The « Boîte à idées » item of a council meeting: each idea read out gets the council's answer.
export default async function MeetingIdeasPage({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}) {
  const actor = await requireActor("meeting.read");
  const { body, number } = await params;
  const n = meetingNumber(number);
  if (!n) notFound();
  const sheet = await answerSheetAt(actor, body, n);
  if (!sheet) notFound();
  const t = await getTranslations("ideas");
  const answer = can(actor.roles, "minutes.draft");
  const path = `/reunions/${body}/${n}/idees`;
  const entries = answer && can(actor.roles, "booklet.read") ? await entryChoices(actor) : [];
  const targets = sheet.ideas.filter((i) => i.status !== "MERGED").map((i) => ({ id: i.id, text: i.text }));
  return (
    <div className="space-y-6">
      <TextLink href={`/reunions/${body}/${n}`}>
        ← {t("backToMeeting", { name: sheet.meeting.bodyName, number: n })}
      </TextLink>
      <PageTitle>{t("sheetTitle", { number: n })}</PageTitle>
      <p className="max-w-prose text-stone-700">{t("sheetHelp")}</p>
      {answer && sheet.unpublished ? (
        <Alert kind="info">
          <p>{t("unpublished", { count: sheet.unpublished })}</p>
          <div className="mt-2">
            <StepForm
              namespace="ideas"
              action={publishAnswersAction.bind(null, sheet.meeting.id, path)}
              label={t("publishNow")}
            />
          </div>
        </Alert>
      ) : null}
      {sheet.ideas.length === 0 ? (
        <Empty>{t("sheetEmpty")}</Empty>
      ) : (
        <ol className="space-y-4">
          {sheet.ideas.map((idea) => (
            <li key={idea.id}>
              <Card title={idea.text.length > 90 ? `${idea.text.slice(0, 89)}…` : idea.text}>
                <div className="space-y-2">
                  {idea.text.length > 90 ? <p className="whitespace-pre-line">{idea.text}</p> : null}
                  <p className="text-sm text-stone-700">
                    {t(`sources.${idea.source}`)} · {idea.authorName ?? t("anonymous")}
                    {idea.supports ? ` · ${t("supportCount", { count: idea.supports })}` : ""}
                    {idea.published ? ` · ${t("published")}` : ""}
                  </p>
                  {answer && !idea.published ? (
                    <AnswerIdeaForm
                      action={answerIdeaAction.bind(null, sheet.meeting.id, idea.id, path)}
                      ideaId={idea.id}
                      targets={targets}
                      current={{
                        answer: idea.answerKind,
                        text: idea.answerText,
                        mergeInto: idea.mergedIntoId,
                        partnerIds: idea.partnerIds,
                      }}
                      entries={entries}
                    />
                  ) : idea.answerKind ? (
                    <p className="font-medium">
                      {t("councilAnswer")} : {t(`answers.${idea.answerKind}`)}
                      {idea.answerText ? ` — ${idea.answerText}` : ""}
                    </p>
                  ) : (
                    <p>{t("noAnswerYet")}</p>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
