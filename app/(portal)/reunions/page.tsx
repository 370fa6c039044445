import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listMeetings } from "@/lib/meetings/service";
import { MeetingLink } from "@/components/meeting-link";
import Link from "@/components/link";
import { can } from "@/lib/auth/permissions";
import { buttonClass, Empty, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("meetings");
}

export default async function MeetingsPage() {
  const actor = await requireActor("meeting.read");
  const t = await getTranslations("meetings");
  const ta = await getTranslations("meetingAdmin");
  const meetings = await listMeetings(actor);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("title")}</PageTitle>
        {can(actor.roles, "meeting.manage") ? (
          <Link href="/reunions/nouvelle" className={buttonClass}>
            {ta("newMeeting")}
          </Link>
        ) : null}
      </div>
      {meetings.length ? (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {meetings.map((m) => (
            <li key={m.id} className="p-4">
              <MeetingLink meeting={m} />
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("empty")}</Empty>
      )}
    </div>
  );
}
