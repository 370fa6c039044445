import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { MeetingListItem } from "@/lib/meetings/service";

export function meetingHref(meeting: Pick<MeetingListItem, "bodySlug" | "number">) {
  return `/reunions/${meeting.bodySlug}/${meeting.number}`;
}

export async function MeetingLink({ meeting }: { meeting: MeetingListItem }) {
  const t = await getTranslations("meetings");
  const format = await getFormatter();
  return (
    <div>
      <Link
        href={meetingHref(meeting)}
        className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-2"
      >
        {t("meetingTitle", { body: meeting.bodyName, number: meeting.number })}
      </Link>
      <p className="text-stone-700">
        {format.dateTime(meeting.startsAt, {
          weekday: "long",
          day: "numeric",
          month: "long",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
        })}
        {meeting.place ? ` · ${meeting.place}` : ""} · {t(`statuses.${meeting.status}`)}
      </p>
    </div>
  );
}
