import { DATA_LANG } from "@/lib/i18n/config";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isId } from "@/lib/action-input";
import { renderMarkdown } from "@/lib/minutes/render";
import { adoptionMeetings, getText, mayDraft } from "@/lib/texts/service";
import {
  addTextSectionAction,
  adoptTextAction,
  answerProposalAction,
  editTextSectionAction,
  proposeAction,
  resumeDraftingAction,
} from "@/lib/texts/actions";
import {
  AdoptionForm,
  AnswerForm,
  NewSectionForm,
  ProposalForm,
  SectionEditForm,
} from "@/components/text-forms";
import { StepForm } from "@/components/step-form";
import { WordDiff } from "@/components/word-diff";
import { Alert, Card, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";
import { getActor } from "@/lib/auth/session";
import { decisionHref } from "@/lib/decisions/href";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return objectTitled("text", "texts", async () => {
    const actor = await getActor();
    const { id } = await params;
    return actor && isId(id) ? (await getText(actor, id))?.title : null;
  });
}

// One text written together: its sections, the proposals on each (side by side with the text
// they would change), the drafter's answers, and the adoption.
export default async function TextPage({ params }: Props) {
  const actor = await requireActor("text.read");
  const { id } = await params;
  const text = isId(id) ? await getText(actor, id) : null;
  if (!text) notFound();
  const path = `/textes/${text.id}`;
  const drafter = mayDraft(actor);
  const drafting = text.status === "DRAFTING";
  const mayPropose = can(actor.roles, "text.propose") && drafting;
  const [t, td, format, meetings] = await Promise.all([
    getTranslations("texts"),
    getTranslations("decisions"),
    getFormatter(),
    drafter && drafting ? adoptionMeetings(actor, text.bodyId) : [],
  ]);
  const when = (d: Date) =>
    format.dateTime(d, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  const openCount = text.sections.reduce(
    (n, s) => n + s.proposals.filter((p) => p.status === "OPEN").length,
    0,
  );
  return (
    <div className="space-y-6">
      <TextLink href="/textes">← {t("back")}</TextLink>
      <div className="space-y-2">
        <PageTitle>{text.title}</PageTitle>
        {text.purpose ? <p className="max-w-prose text-stone-800">{text.purpose}</p> : null}
        <p className="text-sm text-stone-700">
          {t("meta", { body: text.bodyName, drafter: text.drafterName, version: text.version })}
        </p>
        <p className="font-medium">{t(`statuses.${text.status}`)}</p>
        <nav className="flex flex-wrap gap-2" aria-label={t("versions")}>
          <Link href={`${path}/versions`} className={secondaryButtonClass}>
            {t("versions")}
          </Link>
        </nav>
      </div>

      {text.status !== "DRAFTING" ? (
        <Alert kind={text.status === "REJECTED" ? "error" : "info"}>
          <p>
            {text.status === "VOTING"
              ? t("votingNote", { version: text.frozenVersion ?? text.version })
              : text.status === "ADOPTED"
                ? t("adoptedNote", { version: text.frozenVersion ?? text.version })
                : t("rejectedNote", { version: text.frozenVersion ?? text.version })}{" "}
            {text.voteQuestion ? (
              <TextLink href={`/votes/${text.voteQuestion.id}`}>{text.voteQuestion.title}</TextLink>
            ) : null}
          </p>
          {text.adoptedAtMeeting !== null ? (
            <p className="mt-1">{t("adoptedAtMeeting", { number: text.adoptedAtMeeting })}</p>
          ) : text.decisionId && text.status === "ADOPTED" ? (
            <p className="mt-1">
              <TextLink href={decisionHref(text.decisionId)}>{t("decisionLink")}</TextLink>
            </p>
          ) : null}
          <p className="mt-1 text-sm">{t("readOnly")}</p>
          {text.status === "REJECTED" && drafter ? (
            <div className="mt-2">
              <StepForm
                action={resumeDraftingAction.bind(null, text.id, path)}
                label={t("resume")}
                namespace="texts"
                success={t("resumed")}
              />
            </div>
          ) : null}
        </Alert>
      ) : null}

      {text.sections.map((section, index) => {
        const open = section.proposals.filter((p) => p.status === "OPEN");
        const closed = section.proposals.filter((p) => p.status !== "OPEN");
        return (
          <Card key={section.id} id={`partie-${section.id}`} title={`${index + 1}. ${section.title}`}>
            <div className="space-y-4">
              {section.body ? (
                <div
                  lang={DATA_LANG}
                  className="prose-minutes space-y-2"
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }}
                />
              ) : (
                <p className="text-stone-700">{t("emptySection")}</p>
              )}

              {open.length ? (
                <div className="space-y-3">
                  <h3 className="font-semibold">{t("proposals")}</h3>
                  {open.map((p) => (
                    <article
                      key={p.id}
                      aria-label={t("proposalBy", {
                        kind: t(`kindLabel.${p.kind}`),
                        name: p.authorName,
                        date: when(p.createdAt),
                      })}
                      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
                    >
                      <p className="text-sm font-medium">
                        {t("proposalBy", {
                          kind: t(`kindLabel.${p.kind}`),
                          name: p.authorName,
                          date: when(p.createdAt),
                        })}{" "}
                        · {t("proposalStatus.OPEN")}
                      </p>
                      {p.kind === "CHANGE" ? (
                        <>
                          {p.baseBody !== section.body ? (
                            <p className="text-sm text-stone-800">{t("writtenOnOlder")}</p>
                          ) : null}
                          <div className="grid gap-3 md:grid-cols-2">
                            <div className="rounded border border-stone-300 bg-white p-2">
                              <h4 className="text-sm font-semibold">{t("current")}</h4>
                              <p className="whitespace-pre-wrap">{section.body}</p>
                            </div>
                            <div className="rounded border border-stone-300 bg-white p-2">
                              <h4 className="text-sm font-semibold">{t("proposed")}</h4>
                              <WordDiff before={p.baseBody} after={p.body} />
                            </div>
                          </div>
                        </>
                      ) : (
                        <p className="whitespace-pre-line">{p.body}</p>
                      )}
                      {p.reason ? <p className="text-sm">{t("reason", { reason: p.reason })}</p> : null}
                      {drafter && drafting ? (
                        <AnswerForm
                          accept={answerProposalAction.bind(null, p.id, true, path)}
                          decline={answerProposalAction.bind(null, p.id, false, path)}
                          authorName={p.authorName}
                          isComment={p.kind === "COMMENT"}
                          idPrefix={`answer-${p.id}`}
                        />
                      ) : null}
                    </article>
                  ))}
                </div>
              ) : null}

              {closed.length ? (
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("proposals")} ({closed.length})
                  </summary>
                  <ul className="space-y-2">
                    {closed.map((p) => (
                      <li key={p.id} className="rounded border border-stone-200 bg-stone-50 p-2">
                        <p className="text-sm font-medium">
                          {t("proposalBy", {
                            kind: t(`kindLabel.${p.kind}`),
                            name: p.authorName,
                            date: when(p.createdAt),
                          })}{" "}
                          ·{" "}
                          {p.kind === "COMMENT"
                            ? t(`commentStatus.${p.status as "ACCEPTED" | "DECLINED"}`)
                            : t(`proposalStatus.${p.status}`)}
                        </p>
                        {p.kind === "CHANGE" ? (
                          <WordDiff before={p.baseBody} after={p.body} />
                        ) : (
                          <p className="whitespace-pre-line">{p.body}</p>
                        )}
                        {p.answer ? <p className="text-sm">{t("answer", { answer: p.answer })}</p> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}

              {drafter && drafting ? (
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("editSection", { title: section.title })}
                  </summary>
                  <SectionEditForm
                    action={editTextSectionAction.bind(null, section.id, path)}
                    title={section.title}
                    body={section.body}
                    idPrefix={`edit-${section.id}`}
                  />
                </details>
              ) : null}
              {mayPropose ? (
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("proposeFor", { title: section.title })}
                  </summary>
                  <ProposalForm
                    action={proposeAction.bind(null, section.id, path)}
                    title={section.title}
                    body={section.body}
                    idPrefix={`propose-${section.id}`}
                  />
                </details>
              ) : null}
            </div>
          </Card>
        );
      })}

      {drafter && drafting ? (
        <>
          <Card title={t("addSection")}>
            <NewSectionForm action={addTextSectionAction.bind(null, text.id, path)} />
          </Card>
          <Card title={t("adoption")}>
            <div className="space-y-3">
              <p className="max-w-prose text-sm text-stone-800">
                {t("adoptionHelp", { version: text.version })}
              </p>
              {openCount ? (
                <Alert kind="info">{t("openProposalsWarning", { count: openCount })}</Alert>
              ) : null}
              <AdoptionForm
                action={adoptTextAction.bind(null, text.id, path)}
                version={text.version}
                meetings={meetings.map((m) => ({
                  id: m.id,
                  label: `${td("meetingLink", { number: m.number })} · ${format.dateTime(m.startsAt, { day: "numeric", month: "long", year: "numeric" })}`,
                }))}
              />
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
