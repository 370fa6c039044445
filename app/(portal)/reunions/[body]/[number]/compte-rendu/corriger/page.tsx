import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { readMinutes } from "@/lib/minutes/service";
import { correctMinutesAction } from "@/lib/minutes/actions";
import { CorrectionForm } from "@/components/minutes-forms";
import { Alert, PageTitle, TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";

type Props = { params: Promise<{ body: string; number: string }> };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("minutesCorrect", params);
}

// A correction to published minutes: a new version, never an edit in place.
export default async function CorrectMinutesPage({ params }: Props) {
  const actor = await requireActor("minutes.draft");
  const { body, number } = await params;
  const n = meetingNumber(number);
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const t = await getTranslations("minutes");
  const back = `/reunions/${body}/${number}/compte-rendu`;
  return (
    <div className="space-y-6">
      <TextLink href={back}>← {t("open")}</TextLink>
      <PageTitle>{t("correctTitle", { number })}</PageTitle>
      {minutes.status === "PUBLISHED" ? (
        <>
          <p className="max-w-prose text-stone-800">{t("correctHelp")}</p>
          <CorrectionForm
            action={correctMinutesAction.bind(null, minutes.id, back)}
            attendanceText={minutes.attendanceText}
            sections={minutes.sections
              .filter((s) => !s.isNextMeeting || s.body)
              .map((s) => ({ id: s.id, title: s.title, body: s.body }))}
          />
        </>
      ) : (
        <Alert kind="info">{t("errors.notPublished")}</Alert>
      )}
    </div>
  );
}
