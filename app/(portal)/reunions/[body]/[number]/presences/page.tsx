import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { meetingForEdit } from "@/lib/meetings/service";
import { presenterChoices } from "@/lib/meetings/agenda";
import { attendanceSheet } from "@/lib/meetings/attendance";
import {
  addGuestAction,
  attendanceTimesAction,
  departureAction,
  markAttendanceAction,
  removeGuestAction,
} from "@/lib/meetings/actions";
import { instantToLocalInput } from "@/lib/dates";
import { AttendanceTimesForm, GuestForm } from "@/components/meeting-forms";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";

type Props = { params: Promise<{ body: string; number: string }> };

const STATUS_STYLE = {
  PRESENT: "bg-green-700 text-white border-green-800",
  EXCUSED: "bg-amber-800 text-white border-amber-900",
  ABSENT: "bg-stone-700 text-white border-stone-800",
} as const;

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("attendance", params);
}

// Made for a phone in the room: one line per member, three large buttons, the quorum on top.
export default async function AttendancePage({ params }: Props) {
  const actor = await requireActor("meeting.manage");
  const { body, number } = await params;
  const n = meetingNumber(number);
  const meeting = n ? await meetingForEdit(actor, body, n) : null;
  if (!meeting) notFound();
  const [sheet, members, t, tm, format] = await Promise.all([
    attendanceSheet(actor, meeting.id),
    presenterChoices(actor),
    getTranslations("attendance"),
    getTranslations("meetings"),
    getFormatter(),
  ]);
  if (!sheet) notFound();
  const path = `/reunions/${body}/${number}/presences`;
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit" });
  const q = sheet.quorum;
  const quorumText =
    q.weightedPresentBp !== null
      ? t(q.met ? "quorumWeightedMet" : "quorumWeightedNotMet", {
          present: Math.round(q.weightedPresentBp) / 100,
          threshold: Math.round(q.requiredBp ?? 0) / 100,
        })
      : t(q.met ? "quorumMet" : "quorumNotMet", {
          present: q.present,
          total: q.total,
          threshold: q.required,
        });
  const members_ = sheet.rows.filter((r) => r.isBodyMember);
  const guests = sheet.rows.filter((r) => !r.isBodyMember);

  return (
    <div className="space-y-4">
      <TextLink href={`/reunions/${body}/${number}/preparer`}>← {t("back")}</TextLink>
      <PageTitle>{t("title", { body: meeting.body.name, number: meeting.number })}</PageTitle>
      <p
        role="status"
        aria-live="polite"
        className={`sticky top-0 z-10 rounded-md border p-3 text-lg font-semibold ${q.met ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
      >
        {quorumText}
      </p>
      <ul className="space-y-2">
        {members_.map((row) => (
          <li
            key={row.membershipId}
            className="rounded-lg border border-stone-200 bg-white p-3"
            aria-label={row.name}
          >
            <p className="font-semibold">
              {row.name}
              {row.isPresident ? ` (${tm("presidentMark")})` : ""}
            </p>
            <p className="text-sm text-stone-700">
              {row.category ? tm("category", { category: row.category }) : t("noCategory")}
              {row.rsvp ? ` · ${t(`rsvp.${row.rsvp}`)}${row.rsvpNote ? ` : « ${row.rsvpNote} »` : ""}` : ""}
            </p>
            <div
              className="mt-2 grid grid-cols-3 gap-1"
              role="group"
              aria-label={t("statusOf", { name: row.name })}
            >
              {(["PRESENT", "EXCUSED", "ABSENT"] as const).map((status) => (
                <form
                  key={status}
                  action={markAttendanceAction.bind(null, meeting.id, row.membershipId!, path)}
                >
                  <input type="hidden" name="status" value={status} />
                  <button
                    type="submit"
                    aria-pressed={row.status === status}
                    className={`min-h-12 w-full rounded-md border px-1 text-sm font-semibold ${row.status === status ? STATUS_STYLE[status] : "border-stone-300 bg-white text-stone-900"}`}
                  >
                    {t(`status.${status}`)}
                  </button>
                </form>
              ))}
            </div>
            {row.status === "PRESENT" ? (
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>
                  {row.arrivedAt ? t("arrived", { time: time(row.arrivedAt) }) : null}
                  {row.leftAt ? ` · ${t("left", { time: time(row.leftAt) })}` : ""}
                </span>
                <form action={departureAction.bind(null, meeting.id, row.membershipId!, path)}>
                  {row.leftAt ? <input type="hidden" name="back" value="1" /> : null}
                  <button
                    type="submit"
                    className="min-h-11 rounded-md border border-stone-300 bg-white px-3 font-medium"
                  >
                    {row.leftAt ? t("cameBack", { name: row.name }) : t("leaves", { name: row.name })}
                  </button>
                </form>
              </div>
            ) : null}
            {row.status === "PRESENT" ? (
              <details className="mt-1">
                <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">
                  {t("correctTimes", { name: row.name })}
                </summary>
                <AttendanceTimesForm
                  action={attendanceTimesAction.bind(null, meeting.id, row.membershipId!, path)}
                  idPrefix={`times-${row.membershipId}`}
                  name={row.name}
                  arrived={instantToLocalInput(row.arrivedAt ?? meeting.startsAt).slice(11)}
                  left={row.leftAt ? instantToLocalInput(row.leftAt).slice(11) : ""}
                />
              </details>
            ) : null}
          </li>
        ))}
      </ul>

      <Card title={t("guestsTitle")}>
        <p className="mb-2 text-sm text-stone-700">{t("guestsHelp")}</p>
        {guests.length ? (
          <ul className="mb-3 space-y-1">
            {guests.map((g) => (
              <li key={g.attendanceId} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {g.name}
                  {g.guestRole ? ` (${g.guestRole})` : ""}
                </span>
                <form action={removeGuestAction.bind(null, g.attendanceId!, path)}>
                  <button type="submit" className="min-h-11 px-2 text-sm text-red-800 underline">
                    {t("removeGuest", { name: g.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : null}
        <GuestForm
          action={addGuestAction.bind(null, meeting.id, path)}
          members={members.filter((m) => !members_.some((r) => r.membershipId === m.id))}
        />
      </Card>
    </div>
  );
}
