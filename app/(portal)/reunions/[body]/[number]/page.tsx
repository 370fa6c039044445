import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { forbidden, notFound } from "next/navigation";
import { isGuestAt } from "@/lib/meetings/guests";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { minutesReadable } from "@/lib/minutes/service";
import { requireActor } from "@/lib/auth/session";
import { getMeeting } from "@/lib/meetings/service";
import { myInvitation } from "@/lib/meetings/invitations";
import { answerInvitationAction } from "@/lib/meetings/actions";
import { AnswerForm } from "@/components/meeting-forms";
import { byItem } from "@/lib/meetings/documents";
import type { AttendanceLine } from "@/lib/meetings/attendance-summary";
import Link from "@/components/link";
import { can } from "@/lib/auth/permissions";
import { buttonClass, Card, Empty, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { proxySituation } from "@/lib/votes/proxies";
import { grantProxyAction, revokeProxyAction } from "@/lib/votes/actions";
import { ProxyForm } from "@/components/vote-forms";
import { StepForm } from "@/components/step-form";
import { meetingTitled } from "@/lib/page-title";
import { ClientMessages } from "@/components/client-messages";

type Props = { params: Promise<{ body: string; number: string }> };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("meeting", params);
}

export default async function MeetingPage({ params }: Props) {
  const actor = await requireActor();
  const { body, number } = await params;
  const parsed = meetingNumber(number);
  if (!parsed) notFound();
  // A member reads every meeting; a guest only the one they are a guest of.
  const member = can(actor.roles, "meeting.read");
  if (!member && !(await isGuestAt(actor, body, parsed))) forbidden();
  const meeting = await getMeeting(actor, body, parsed);
  if (!meeting) notFound();
  const t = await getTranslations("meetings");
  const ta = await getTranslations("meetingAdmin");
  const ti = await getTranslations("invitation");
  // Its documents and where its minutes stand came with it.
  const documents = byItem(meeting.documents);
  const readable = minutesReadable(actor, meeting.minutesStatus, { guest: !member });
  const [invitation, proxies] = await Promise.all([
    // Only a meeting to come asks for an answer (the service checks it again).
    member && (meeting.status === "PLANNED" || meeting.status === "INVITED")
      ? myInvitation(actor, meeting.id)
      : null,
    meeting.assemblyType && can(actor.roles, "vote.castAssembly") ? proxySituation(actor, meeting.id) : null,
  ]);
  const tv = await getTranslations("votes");
  const path = `/reunions/${body}/${number}`;
  const format = await getFormatter();

  function describe(line: AttendanceLine) {
    const notes: string[] = [];
    if (line.isPresident) notes.push(t("presidentMark"));
    if (line.category && line.formerCategory)
      notes.push(t("formerCategory", { former: line.formerCategory, current: line.category }));
    else if (line.category) notes.push(t("category", { category: line.category }));
    if (line.status === "GUEST" && line.guestRole) notes.push(line.guestRole);
    return notes.length ? `${line.name} (${notes.join(", ")})` : line.name;
  }

  const groups = [
    { key: "present", lines: [...meeting.attendance.guests, ...meeting.attendance.present] },
    { key: "excused", lines: meeting.attendance.excused },
    { key: "absent", lines: meeting.attendance.absent },
  ] as const;
  const anyAttendance = groups.some((g) => g.lines.length > 0);

  return (
    <div className="space-y-6">
      <div>
        <TextLink href="/reunions">← {t("back")}</TextLink>
        <div className="mt-2">
          <PageTitle>{t("meetingTitle", { body: meeting.bodyName, number: meeting.number })}</PageTitle>
        </div>
        {can(actor.roles, "meeting.manage") ? (
          <div className="mt-3 flex flex-wrap gap-2">
            <Link href={`/reunions/${body}/${number}/preparer`} className={buttonClass}>
              {ta("prepare")}
            </Link>
            <Link href={`/reunions/${body}/${number}/presences`} className={secondaryButtonClass}>
              {ta("takeAttendance")}
            </Link>
          </div>
        ) : null}
        {readable ? (
          <p className="mt-2">
            <Link
              href={`/reunions/${body}/${number}/compte-rendu`}
              className="font-medium text-brand-700 underline underline-offset-2"
            >
              {ti("minutes")}
            </Link>
          </p>
        ) : null}
        <dl className="mt-2 grid gap-1 text-stone-800 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          {meeting.assemblyType ? (
            <>
              <dt className="font-medium">{ta("assemblyType")}</dt>
              <dd>{ta(`assemblyTypes.${meeting.assemblyType}`)}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("date")}</dt>
          <dd>
            {format.dateTime(meeting.startsAt, {
              weekday: "long",
              day: "numeric",
              month: "long",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
            })}
          </dd>
          {meeting.place ? (
            <>
              <dt className="font-medium">{t("place")}</dt>
              <dd>{meeting.place}</dd>
            </>
          ) : null}
          {meeting.videoUrl ? (
            <>
              <dt className="font-medium">{t("video")}</dt>
              <dd className="break-all">{meeting.videoUrl}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("status")}</dt>
          <dd>{t(`statuses.${meeting.status}`)}</dd>
        </dl>
      </div>

      {invitation ? (
        <Card title={ti("title")}>
          <AnswerForm
            action={answerInvitationAction.bind(null, meeting.id, `/reunions/${body}/${number}`)}
            answer={invitation.answer}
            note={invitation.note}
          />
        </Card>
      ) : null}
      {proxies ? (
        // The proxies' forms speak a few of the votes' words: sent to the browser only with them,
        // and only those (2 of the namespace's 12 kB).
        <ClientMessages
          namespaces={[
            "votes.errors",
            "votes.proxyGiven",
            "votes.proxyHolder",
            "votes.chooseMember",
            "votes.giveProxy",
          ]}
        >
          <Card title={tv("proxyTitleMeeting")}>
            <div className="space-y-3">
              {proxies.heldFor.length ? (
                <p>{tv("proxyHeldFor", { names: proxies.heldFor.join(", ") })}</p>
              ) : null}
              {proxies.given ? (
                <>
                  <p className="font-medium">
                    {proxies.given.to
                      ? tv("proxyGivenTo", { name: proxies.given.to })
                      : tv("proxyGivenBlank")}
                  </p>
                  {proxies.mayChange ? (
                    <StepForm
                      action={revokeProxyAction.bind(null, meeting.id, path)}
                      label={tv("revokeProxy")}
                      namespace="votes"
                      success={tv("proxyRevoked")}
                    />
                  ) : (
                    <p className="text-stone-700">{tv("proxyLocked")}</p>
                  )}
                </>
              ) : proxies.mayChange ? (
                <>
                  <p>{tv("proxyNone")}</p>
                  <p className="text-sm text-stone-700">{tv("proxyHelp")}</p>
                  <ProxyForm
                    action={grantProxyAction.bind(null, meeting.id, path)}
                    members={proxies.candidates}
                  />
                </>
              ) : (
                <p className="text-stone-700">{tv("proxyLocked")}</p>
              )}
            </div>
          </Card>
        </ClientMessages>
      ) : null}
      <p>
        <a
          href={`/reunions/${body}/${number}/ics`}
          className="font-medium text-brand-700 underline underline-offset-2"
          download
        >
          {ti("addToCalendar")}
        </a>
      </p>

      <Card title={t("agenda")}>
        {meeting.agenda.length ? (
          <ol className="list-decimal space-y-3 pl-6">
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                <p className="font-semibold">{item.title}</p>
                <p className="text-sm text-stone-700">
                  {t(`kinds.${item.kind}`)}
                  {item.presenter ? ` · ${t("presenter", { name: item.presenter })}` : ""}
                  {item.durationMinutes ? ` · ${t("duration", { minutes: item.durationMinutes })}` : ""}
                </p>
                {item.description ? (
                  <p className="mt-1 whitespace-pre-line text-stone-800">{item.description}</p>
                ) : null}
                {item.ideaBox ? (
                  <p className="text-sm">
                    <Link
                      href={`/reunions/${body}/${number}/idees`}
                      className="font-medium text-brand-700 underline underline-offset-2"
                    >
                      {t("ideaBoxLink")}
                    </Link>
                  </p>
                ) : null}
                {(documents.get(item.id) ?? []).map((d) => (
                  <p key={d.id} className="text-sm">
                    <a href={`/documents/${d.id}`} className="text-brand-700 underline">
                      {t("document", { name: d.filename })}
                    </a>
                  </p>
                ))}
              </li>
            ))}
          </ol>
        ) : (
          <Empty>{t("noAgenda")}</Empty>
        )}
      </Card>

      <Card title={t("attendance")}>
        {anyAttendance ? (
          <div className="space-y-3">
            {groups
              .filter((g) => g.lines.length > 0)
              .map((g) => (
                <p key={g.key}>
                  <span className="font-semibold">{t("listLabel", { label: t(g.key) })} </span>
                  {g.lines.map(describe).join(" ; ")}
                </p>
              ))}
          </div>
        ) : (
          <Empty>{t("noAttendance")}</Empty>
        )}
      </Card>
    </div>
  );
}
