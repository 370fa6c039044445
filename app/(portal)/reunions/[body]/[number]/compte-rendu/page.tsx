import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { openMinutes } from "@/lib/minutes/service";
import { renderMarkdown } from "@/lib/minutes/render";
import { SectionEditor } from "@/components/minutes-editor";
import { Card, PageTitle, TextLink } from "@/components/ui";

type Props = { params: Promise<{ body: string; number: string }> };

export default async function MinutesPage({ params }: Props) {
  const actor = await requireActor("minutes.readDraft");
  const { body, number } = await params;
  const minutes = Number.isInteger(Number(number)) ? await openMinutes(actor, body, Number(number)) : null;
  if (!minutes) notFound();
  const [t, tm] = await Promise.all([getTranslations("minutes"), getTranslations("meetings")]);
  const editable = can(actor.roles, "minutes.draft") && (minutes.status === "DRAFT" || minutes.status === "SHARED");
  return (
    <div className="space-y-6">
      <TextLink href={`/reunions/${body}/${number}`}>← {tm("back")}</TextLink>
      <div>
        <PageTitle>{t("title", { number })}</PageTitle>
        <p className="mt-1 text-stone-700">{t(`statuses.${minutes.status}`)}</p>
        {editable ? <p className="mt-2 max-w-prose text-sm text-stone-700">{t("help")}</p> : null}
      </div>
      <Card title={t("attendance")}>
        <p className="whitespace-pre-line">{minutes.attendanceText}</p>
      </Card>
      {minutes.sections.map((section, index) => (
        <Card key={section.id} title={`${index + 1}) ${section.title}`}>
          {editable ? (
            <SectionEditor section={section} />
          ) : section.body ? (
            <div className="prose-minutes space-y-2" dangerouslySetInnerHTML={{ __html: renderMarkdown(section.body) }} />
          ) : (
            <p className="text-stone-700">{t("emptySection")}</p>
          )}
        </Card>
      ))}
    </div>
  );
}
