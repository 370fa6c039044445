import { DATA_LANG } from "@/lib/i18n/config";
import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import Link from "@/components/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { isGuestAt } from "@/lib/meetings/guests";
import { can } from "@/lib/auth/permissions";
import { EDITABLE, readMinutes } from "@/lib/minutes/service";
import { citableDecisions, linkableQuestions, ownerChoices } from "@/lib/minutes/items";
import { approvalOptions } from "@/lib/minutes/workflow";
import { renderMarkdown } from "@/lib/minutes/render";
import {
  addActionItemAction,
  addCommentAction,
  addDecisionAction,
  addFollowUpAction,
  removeFollowUpAction,
  approveMinutesAction,
  attachSectionDocumentAction,
  publishMinutesAction,
  removeActionItemAction,
  removeDecisionAction,
  removeSectionDocumentAction,
  resolveCommentAction,
  setNextMeetingAction,
  shareMinutesAction,
  editAttendanceAction,
  updateAttendanceAction,
} from "@/lib/minutes/actions";
import { WordDiff } from "@/components/word-diff";
import { SectionEditor } from "@/components/minutes-editor";
import {
  ActionItemForm,
  ApproveForm,
  AttendanceForm,
  CommentForm,
  DecisionForm,
  FollowUpForm,
  NextMeetingForm,
} from "@/components/minutes-forms";
import { StepForm } from "@/components/step-form";
import { DocumentUploadForm } from "@/components/meeting-forms";
import { Alert, Card, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";
import { decisionHref } from "@/lib/decisions/href";

type Props = { params: Promise<{ body: string; number: string }> };

// « Retirer » beside an item of the draft: a one-button form, named for what it removes.
function RemoveButton({ action, label, text }: { action: () => Promise<void>; label: string; text: string }) {
  return (
    <form action={action}>
      <button type="submit" className={smallButton} aria-label={label}>
        {text}
      </button>
    </form>
  );
}

const smallButton =
  "min-h-11 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-900 hover:bg-stone-100";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("minutes", params);
}

export default async function MinutesPage({ params }: Props) {
  const actor = await requireActor();
  const { body, number } = await params;
  const n = meetingNumber(number);
  // Members read published minutes; a guest of the meeting reads that meeting's; others, none.
  if (n && !can(actor.roles, "minutes.readPublished") && !(await isGuestAt(actor, body, n))) forbidden();
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const path = `/reunions/${body}/${number}/compte-rendu`;
  const [t, tm, td, format] = await Promise.all([
    getTranslations("minutes"),
    getTranslations("meetings"),
    getTranslations("decisions"),
    getFormatter(),
  ]);
  const coordinator = can(actor.roles, "minutes.draft");
  const editable = coordinator && EDITABLE.includes(minutes.status);
  const canComment = can(actor.roles, "minutes.comment") && minutes.status === "SHARED";
  const [owners, questions, citable, approval] = await Promise.all([
    editable ? ownerChoices(actor, minutes.meeting.id) : [],
    editable ? linkableQuestions(actor, minutes.meeting.id) : [],
    editable ? citableDecisions(actor) : [],
    minutes.status === "SHARED" ? approvalOptions(actor, minutes.id) : null,
  ]);
  const longDate = (d: Date) =>
    format.dateTime(d, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const longDateTime = (d: Date) =>
    format.dateTime(d, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  const shortDate = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const citableChoices = citable.map((d) => ({
    id: d.id,
    label: `${d.bodyName} · ${shortDate(d.decidedOn)} · ${d.title}`,
  }));
  const openComments = minutes.sections.reduce(
    (n, s) => n + s.comments.filter((c) => !c.resolvedAt).length,
    0,
  );

  return (
    <div className="space-y-6">
      <TextLink href={`/reunions/${body}/${number}`}>← {tm("back")}</TextLink>
      <div className="space-y-2">
        <PageTitle>{t("title", { number })}</PageTitle>
        <p className="text-stone-800">
          {minutes.meeting.bodyName} · {longDate(minutes.meeting.startsAt)}
        </p>
        <p className="font-medium text-stone-800">{t(`statuses.${minutes.status}`)}</p>
        {minutes.approvedAt ? (
          <p className="text-sm text-stone-700">
            {minutes.approvalMeeting
              ? t("approvedAtMeeting", {
                  number: minutes.approvalMeeting.number,
                  date: longDate(minutes.approvedAt),
                })
              : t("approvedBy", { name: minutes.approvedByName ?? "—", date: longDate(minutes.approvedAt) })}
          </p>
        ) : null}
        {minutes.publishedAt ? (
          <p className="text-sm text-stone-700">
            {t("publishedOn", { date: longDate(minutes.publishedAt), version: minutes.version })}
          </p>
        ) : null}
        <nav aria-label={t("exports")} className="flex flex-wrap gap-2 print:hidden">
          <Link href={`${path}/impression`} className={secondaryButtonClass}>
            {t("printView")}
          </Link>
          <a href={`${path}/pdf`} className={secondaryButtonClass}>
            {t("pdf")}
          </a>
          {minutes.sections.some((s) => s.documents.some((d) => d.mimeType === "application/pdf")) ? (
            <a href={`${path}/pdf?joints=1`} className={secondaryButtonClass}>
              {t("pdfWithAttachments")}
            </a>
          ) : null}
          {minutes.version > 0 ? (
            <Link href={`${path}/versions`} className={secondaryButtonClass}>
              {t("versions", { count: minutes.version })}
            </Link>
          ) : null}
          {coordinator && minutes.status === "PUBLISHED" ? (
            <Link href={`${path}/corriger`} className={secondaryButtonClass}>
              {t("correct")}
            </Link>
          ) : null}
        </nav>
        {editable ? <p className="max-w-prose text-sm text-stone-700">{t("help")}</p> : null}
      </div>

      {minutes.status !== "PUBLISHED" && can(actor.roles, "minutes.readDraft") ? (
        <Card title={t("workflow")}>
          <ol className="mb-3 flex flex-wrap gap-2 text-sm" aria-label={t("workflowSteps")}>
            {(["DRAFT", "SHARED", "APPROVED", "PUBLISHED"] as const).map((s) => (
              <li
                key={s}
                aria-current={s === minutes.status ? "step" : undefined}
                className={`rounded-full border px-3 py-1 ${s === minutes.status ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-stone-300 text-stone-800"}`}
              >
                {t(`steps.${s}`)}
              </li>
            ))}
          </ol>
          {minutes.status === "DRAFT" ? (
            coordinator ? (
              <div className="space-y-2">
                <p className="text-sm text-stone-700">{t("shareHelp")}</p>
                <StepForm
                  action={shareMinutesAction.bind(null, minutes.id, path)}
                  label={t("share")}
                  namespace="minutes"
                />
              </div>
            ) : (
              <p>{t("draftInProgress")}</p>
            )
          ) : null}
          {minutes.status === "SHARED" ? (
            <div className="space-y-2">
              <p>{t("openComments", { count: openComments })}</p>
              {approval?.by === "PRESIDENT" ? (
                can(actor.roles, "minutes.approve") ? (
                  <ApproveForm
                    action={approveMinutesAction.bind(null, minutes.id, path)}
                    meetings={null}
                    label={t("approve")}
                  />
                ) : (
                  <p className="text-sm text-stone-700">{t("approvedByPresidentHelp")}</p>
                )
              ) : approval?.by === "NEXT_MEETING" ? (
                coordinator && approval.meetings.length ? (
                  <ApproveForm
                    action={approveMinutesAction.bind(null, minutes.id, path)}
                    meetings={approval.meetings.map((m) => ({
                      id: m.id,
                      label: t("meetingOption", { number: m.number, date: longDate(m.startsAt) }),
                    }))}
                    label={t("recordApproval")}
                  />
                ) : (
                  <p className="text-sm text-stone-700">{t("approvedAtNextMeetingHelp")}</p>
                )
              ) : null}
            </div>
          ) : null}
          {minutes.status === "APPROVED" ? (
            coordinator ? (
              <StepForm
                action={publishMinutesAction.bind(null, minutes.id, path)}
                label={t("publish")}
                confirm={t("publishConfirm")}
                namespace="minutes"
              />
            ) : (
              <p>{t("approvedWaiting")}</p>
            )
          ) : null}
        </Card>
      ) : null}

      <Card title={t("attendance")}>
        <p className="whitespace-pre-line">{minutes.attendanceText}</p>
        {editable ? (
          <div className="mt-3 space-y-3">
            {minutes.attendanceSheet !== null ? (
              <Alert kind="info">
                <p className="font-medium">{t("sheetChanged")}</p>
                <WordDiff
                  before={minutes.attendanceText}
                  after={minutes.attendanceSheet}
                  className="mt-1 whitespace-pre-line"
                />
                <div className="mt-2">
                  <StepForm
                    action={updateAttendanceAction.bind(null, minutes.id, path)}
                    label={t("updateAttendance")}
                    namespace="minutes"
                    success={t("attendanceUpdated")}
                  />
                </div>
              </Alert>
            ) : null}
            {minutes.attendanceEdited ? (
              <p className="text-sm text-stone-700">{t("attendanceEditedNote")}</p>
            ) : null}
            <details className="rounded-md border border-stone-200 p-3">
              <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("editAttendance")}</summary>
              <AttendanceForm
                action={editAttendanceAction.bind(null, minutes.id, path)}
                initial={minutes.attendanceText}
              />
            </details>
          </div>
        ) : null}
      </Card>

      {minutes.otherDecisions.length ? (
        <Card title={t("otherDecisions")}>
          <p className="mb-2 text-sm text-stone-700">{t("otherDecisionsHelp")}</p>
          <ul className="space-y-2">
            {minutes.otherDecisions.map((d) => (
              <li key={d.id} id={`decision-${d.id}`}>
                <strong>{d.title}</strong> — {td(`outcomes.${d.outcome}`)}, {td(`methods.${d.method}`)}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {minutes.sections.map((section, index) => (
        <Card
          key={section.id}
          id={`partie-${section.id}`}
          title={section.isNextMeeting ? section.title : `${index + 1}) ${section.title}`}
        >
          <div className="space-y-4">
            {section.isNextMeeting ? (
              minutes.nextMeeting ? (
                <div className="space-y-1">
                  <p className="font-medium">
                    {longDateTime(minutes.nextMeeting.startsAt)}
                    {minutes.nextMeeting.place ? ` · ${minutes.nextMeeting.place}` : ""} —{" "}
                    <TextLink
                      href={`/reunions/${minutes.nextMeeting.bodySlug}/${minutes.nextMeeting.number}`}
                    >
                      {t("nextMeetingLink", { number: minutes.nextMeeting.number })}
                    </TextLink>
                  </p>
                  {minutes.nextMeeting.agenda.length ? (
                    <>
                      <p>{t("nextMeetingAgenda")}</p>
                      <ul className="list-disc pl-6">
                        {minutes.nextMeeting.agenda.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </div>
              ) : editable ? (
                <NextMeetingForm action={setNextMeetingAction.bind(null, minutes.id, path)} initial={{}} />
              ) : (
                <p className="text-stone-700">{t("noNextMeeting")}</p>
              )
            ) : null}

            {/* The next meeting is one block (the form above, then the meeting it made): no
                second free text saying it again. Text written there earlier shows until then. */}
            {section.isNextMeeting && (minutes.nextMeeting || !section.body) ? null : editable &&
              !section.isNextMeeting ? (
              <SectionEditor
                section={{
                  id: section.id,
                  title: section.title,
                  body: section.body,
                  revision: section.revision,
                }}
              />
            ) : section.body ? (
              <div
                lang={DATA_LANG}
                className="prose-minutes space-y-2"
                dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }}
              />
            ) : section.isNextMeeting ? null : (
              <p className="text-stone-700">{t("emptySection")}</p>
            )}

            {section.documents.length || editable ? (
              <div className="space-y-2">
                {section.documents.length ? (
                  <ul className="space-y-1" aria-label={t("documentsOf", { title: section.title })}>
                    {section.documents.map((d) => (
                      <li key={d.id} className="flex flex-wrap items-center gap-2">
                        <a
                          href={`/documents/${d.id}`}
                          className="font-medium text-brand-700 underline underline-offset-2"
                        >
                          {d.filename}
                        </a>
                        {editable ? (
                          <RemoveButton
                            action={removeSectionDocumentAction.bind(null, d.id, path)}
                            label={t("removeDocument", { name: d.filename })}
                            text={t("remove")}
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {editable ? (
                  <DocumentUploadForm
                    action={attachSectionDocumentAction.bind(null, section.id, path)}
                    idPrefix={`doc-${section.id}`}
                    itemTitle={section.title}
                  />
                ) : null}
              </div>
            ) : null}

            {section.actionItems.length ? (
              <div>
                <h3 className="font-semibold">{t("actionItems")}</h3>
                <ul className="mt-1 space-y-2">
                  {section.actionItems.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {a.title} — {a.owners.map((o) => o.name).join(", ")}
                        {a.dueOn
                          ? ` — ${t("dueBy", { date: format.dateTime(a.dueOn, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) })}`
                          : ""}
                        {a.status === "DONE" ? ` (${t("done")})` : ""}
                      </span>
                      {editable ? (
                        <RemoveButton
                          action={removeActionItemAction.bind(null, a.id, path)}
                          label={t("removeAction", { title: a.title })}
                          text={t("remove")}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            {section.decisions.length ? (
              <div>
                <h3 className="font-semibold">{t("decisionsTaken")}</h3>
                <ul className="mt-1 space-y-2">
                  {section.decisions.map((d) => (
                    <li key={d.id} id={`decision-${d.id}`} className="flex flex-wrap items-center gap-2">
                      <span>
                        <strong>{d.title}</strong> — {td(`outcomes.${d.outcome}`)},{" "}
                        {td(`methods.${d.method}`)}
                        {d.text ? <span className="block text-stone-700">{d.text}</span> : null}
                        {d.cites ? (
                          <span className="block text-sm">
                            <TextLink href={decisionHref(d.cites.id)}>
                              {t("citesLine", {
                                title: d.cites.title,
                                body: d.cites.bodyName,
                                date: shortDate(d.cites.decidedOn),
                              })}
                            </TextLink>
                          </span>
                        ) : null}
                      </span>
                      {editable ? (
                        <RemoveButton
                          action={removeDecisionAction.bind(null, d.id, path)}
                          label={t("removeDecision", { title: d.title })}
                          text={t("remove")}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            {section.followUps.length ? (
              <div>
                <h3 className="font-semibold">{t("followUps")}</h3>
                <ul className="mt-1 space-y-2">
                  {section.followUps.map((f) => (
                    <li key={f.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {f.text}
                        {f.status === "CLOSED" ? ` (${t("followUpClosed")})` : ""}
                      </span>
                      {editable ? (
                        <RemoveButton
                          action={removeFollowUpAction.bind(null, f.id, path)}
                          label={t("removeFollowUp", { text: f.text })}
                          text={t("remove")}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            {editable && !section.isNextMeeting ? (
              <div className="grid gap-3 lg:grid-cols-3">
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("addActionFor", { title: section.title })}
                  </summary>
                  <ActionItemForm
                    action={addActionItemAction.bind(null, section.id, path)}
                    members={owners}
                    idPrefix={`action-${section.id}`}
                  />
                </details>
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("addDecisionFor", { title: section.title })}
                  </summary>
                  <DecisionForm
                    action={addDecisionAction.bind(null, section.id, path)}
                    questions={questions}
                    citable={citableChoices}
                    idPrefix={`decision-${section.id}`}
                  />
                </details>
                <details className="rounded-md border border-stone-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("addFollowUpFor")}
                  </summary>
                  <FollowUpForm
                    action={addFollowUpAction.bind(null, section.id, path)}
                    idPrefix={`followup-${section.id}`}
                  />
                </details>
              </div>
            ) : null}

            {section.comments.length || canComment ? (
              <div className="space-y-2 border-t border-stone-200 pt-3">
                <h3 className="font-semibold">{t("comments")}</h3>
                {section.comments.length ? (
                  <ul className="space-y-2">
                    {section.comments.map((c) => (
                      <li
                        key={c.id}
                        className={`rounded-md border p-2 ${c.resolvedAt ? "border-stone-200 bg-stone-50 text-stone-700" : "border-amber-300 bg-amber-50"}`}
                      >
                        <p className="text-sm font-medium">
                          {c.authorName} ·{" "}
                          {format.dateTime(c.createdAt, {
                            day: "numeric",
                            month: "long",
                            hour: "2-digit",
                            minute: "2-digit",
                          })}
                          {c.resolvedAt ? ` · ${t("resolved")}` : ""}
                        </p>
                        <p className="whitespace-pre-line">{c.body}</p>
                        {coordinator || c.authorId === actor.membershipId ? (
                          <form
                            action={resolveCommentAction.bind(null, c.id, !c.resolvedAt, path)}
                            className="mt-1"
                          >
                            <button type="submit" className={smallButton}>
                              {c.resolvedAt ? t("reopenComment") : t("resolveComment")}
                            </button>
                          </form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {canComment ? (
                  <CommentForm
                    action={addCommentAction.bind(null, section.id, path)}
                    idPrefix={`comment-${section.id}`}
                    sectionTitle={section.title}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
        </Card>
      ))}
    </div>
  );
}
