import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { bodiesForMeetings } from "@/lib/meetings/service";
import { createMeetingAction } from "@/lib/meetings/actions";
import { MeetingForm } from "@/components/meeting-forms";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newMeeting");
}

export default async function NewMeetingPage() {
  const actor = await requireActor("meeting.manage");
  const t = await getTranslations("meetingAdmin");
  const bodies = await bodiesForMeetings(actor);
  return (
    <div className="space-y-4">
      <TextLink href="/reunions">← {t("backMeetings")}</TextLink>
      <PageTitle>{t("newTitle")}</PageTitle>
      <Card title={t("details")}>
        <MeetingForm
          action={createMeetingAction}
          bodies={bodies}
          initial={{ bodyId: bodies.find((b) => b.kind === "COUNCIL")?.id ?? "" }}
          submit={t("create")}
        />
      </Card>
    </div>
  );
}
