import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { meetingForEdit, nextStatuses } from "@/lib/meetings/service";
import { presenterChoices, proposalsFor } from "@/lib/meetings/agenda";
import { attendanceSheet } from "@/lib/meetings/attendance";
import {
  addProposalAction,
  attachDocumentAction,
  removeDocumentAction,
  sendInvitationsAction,
  addAgendaItemAction,
  moveAgendaItemAction,
  removeAgendaItemAction,
  setMeetingStatusAction,
  updateAgendaItemAction,
  updateMeetingAction,
} from "@/lib/meetings/actions";
import { instantToLocalInput } from "@/lib/dates";
import {
  AgendaItemForm,
  DocumentUploadForm,
  MeetingForm,
  SendInvitationsForm,
} from "@/components/meeting-forms";
import { documentsByItem } from "@/lib/meetings/documents";
import { Alert, buttonClass, Card, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";

type Props = { params: Promise<{ body: string; number: string }>; searchParams: Promise<{ cree?: string }> };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("prepare", params);
}

export default async function PrepareMeetingPage({ params, searchParams }: Props) {
  const actor = await requireActor("meeting.manage");
  const { body, number } = await params;
  const { cree } = await searchParams;
  const n = meetingNumber(number);
  const meeting = n ? await meetingForEdit(actor, body, n) : null;
  if (!meeting) notFound();
  const [presenters, sheet, t, tm] = await Promise.all([
    presenterChoices(actor),
    attendanceSheet(actor, meeting.id),
    getTranslations("meetingAdmin"),
    getTranslations("meetings"),
  ]);
  const answered = (sheet?.rows ?? []).flatMap((r) => (r.rsvp ? [{ ...r, rsvp: r.rsvp }] : []));
  const [documents, proposals] = await Promise.all([
    documentsByItem(actor, meeting.id),
    proposalsFor(actor, meeting.id),
  ]);
  const path = `/reunions/${body}/${number}/preparer`;
  const closed = meeting.status === "CLOSED" || meeting.status === "CANCELLED";

  return (
    <div className="space-y-6">
      <TextLink href={`/reunions/${body}/${number}`}>
        ← {tm("meetingTitle", { body: meeting.body.name, number: meeting.number })}
      </TextLink>
      <div>
        <PageTitle>{t("prepareTitle", { body: meeting.body.name, number: meeting.number })}</PageTitle>
        <p className="mt-1 text-stone-700">{t("statusNow", { status: tm(`statuses.${meeting.status}`) })}</p>
      </div>
      {cree ? <Alert kind="success">{t("created", { number: meeting.number })}</Alert> : null}

      <div className="flex flex-wrap gap-2">
        <a href={`/reunions/${body}/${number}/presences`} className={buttonClass}>
          {t("takeAttendance")}
        </a>
        {nextStatuses(meeting.status).map((status) => (
          <form key={status} action={setMeetingStatusAction.bind(null, meeting.id, path, status)}>
            <button type="submit" className={secondaryButtonClass}>
              {t(`toStatus.${status}`)}
            </button>
          </form>
        ))}
      </div>

      {meeting.status === "PLANNED" || meeting.status === "INVITED" ? (
        <Card title={t("invitationTitle")}>
          <p className="mb-3 text-stone-700">{t("invitationText")}</p>
          <SendInvitationsForm
            action={sendInvitationsAction.bind(null, meeting.id, path)}
            label={meeting.status === "INVITED" ? t("resendInvitations") : t("sendInvitations")}
          />
          <h3 className="mt-4 font-semibold">
            {t("answersTitle", {
              present: answered.filter((r) => r.rsvp === "PRESENT").length,
              excused: answered.filter((r) => r.rsvp === "EXCUSED").length,
            })}
          </h3>
          {answered.length ? (
            <ul className="mt-1 space-y-1">
              {answered.map((r) => (
                <li key={r.membershipId}>
                  {r.name} : {t(`answer.${r.rsvp}`)}
                  {r.rsvpNote ? ` (« ${r.rsvpNote} »)` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-700">{t("noAnswers")}</p>
          )}
        </Card>
      ) : null}

      <Card title={t("details")}>
        {closed ? (
          <p>{t("closedText")}</p>
        ) : (
          <MeetingForm
            action={updateMeetingAction.bind(null, meeting.id, path)}
            initial={{
              startsAt: instantToLocalInput(meeting.startsAt),
              place: meeting.place ?? "",
              videoUrl: meeting.videoUrl ?? "",
              title: meeting.title ?? "",
              assemblyType: meeting.assemblyType ?? "",
            }}
            assembly={meeting.assemblyType !== null}
            submit={t("save")}
            success={t("saved")}
          />
        )}
      </Card>

      <Card title={tm("agenda")}>
        {meeting.agendaItems.length ? (
          <ol className="space-y-3">
            {meeting.agendaItems.map((item, index) => (
              <li key={item.id} className="rounded-md border border-stone-200 p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-semibold">
                      {index + 1}. {item.title}
                    </p>
                    <p className="text-sm text-stone-700">
                      {tm(`kinds.${item.kind}`)}
                      {item.presenter ? ` · ${tm("presenter", { name: item.presenter.person.name })}` : ""}
                      {item.durationMinutes ? ` · ${tm("duration", { minutes: item.durationMinutes })}` : ""}
                    </p>
                  </div>
                  {closed ? null : (
                    <div className="flex gap-1">
                      <form action={moveAgendaItemAction.bind(null, item.id, path, "up")}>
                        <button
                          type="submit"
                          className={secondaryButtonClass}
                          disabled={index === 0}
                          aria-label={t("moveUp", { title: item.title })}
                        >
                          ↑
                        </button>
                      </form>
                      <form action={moveAgendaItemAction.bind(null, item.id, path, "down")}>
                        <button
                          type="submit"
                          className={secondaryButtonClass}
                          disabled={index === meeting.agendaItems.length - 1}
                          aria-label={t("moveDown", { title: item.title })}
                        >
                          ↓
                        </button>
                      </form>
                    </div>
                  )}
                </div>
                {(documents.get(item.id) ?? []).length ? (
                  <ul className="mt-2 space-y-1 text-sm">
                    {documents.get(item.id)!.map((d) => (
                      <li key={d.id} className="flex flex-wrap items-center gap-2">
                        <a href={`/documents/${d.id}`} className="text-brand-700 underline">
                          {d.filename}
                        </a>
                        {closed ? null : (
                          <form action={removeDocumentAction.bind(null, d.id, path)}>
                            <button type="submit" className="min-h-11 px-2 text-red-800 underline">
                              {t("removeDocument", { name: d.filename })}
                            </button>
                          </form>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {closed ? null : (
                  <div className="mt-2">
                    <DocumentUploadForm
                      action={attachDocumentAction.bind(null, item.id, path)}
                      idPrefix={`doc-${item.id}`}
                      itemTitle={item.title}
                    />
                  </div>
                )}
                {closed ? null : (
                  <details className="mt-2">
                    <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">
                      {t("editItem", { title: item.title })}
                    </summary>
                    <div className="mt-2 space-y-3">
                      <AgendaItemForm
                        action={updateAgendaItemAction.bind(null, item.id, path)}
                        presenters={presenters}
                        idPrefix={`item-${item.id}`}
                        submit={t("saveItem")}
                        initial={{
                          title: item.title,
                          kind: item.kind,
                          presenterId: item.presenterId ?? "",
                          durationMinutes: item.durationMinutes?.toString() ?? "",
                          description: item.description ?? "",
                        }}
                      />
                      <form action={removeAgendaItemAction.bind(null, item.id, path)}>
                        <button
                          type="submit"
                          className="min-h-11 rounded-md px-3 text-sm font-medium text-red-800 underline"
                        >
                          {t("removeItem", { title: item.title })}
                        </button>
                      </form>
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-stone-700">{tm("noAgenda")}</p>
        )}
        {!closed && proposals.length ? (
          <div className="mt-4 rounded-md border border-sky-200 bg-sky-50 p-3">
            <h3 className="font-semibold">{t("proposalsTitle")}</h3>
            <ul className="mt-2 space-y-2">
              {proposals.map((p) => (
                <li key={p.key} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {p.title}
                    {p.description ? (
                      <span className="block whitespace-pre-line text-sm text-stone-700">
                        {p.description}
                      </span>
                    ) : null}
                  </span>
                  <form action={addProposalAction.bind(null, meeting.id, path, p.key)}>
                    <button type="submit" className={secondaryButtonClass}>
                      {t("addProposal")}
                      <span className="sr-only"> : {p.title}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {closed ? null : (
          <div className="mt-4 border-t border-stone-200 pt-4">
            <h3 className="mb-2 font-semibold">{t("addItem")}</h3>
            <AgendaItemForm
              action={addAgendaItemAction.bind(null, meeting.id, path)}
              presenters={presenters}
              idPrefix="new-item"
              submit={t("addItemButton")}
              initial={{ kind: "DISCUSSION" }}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
