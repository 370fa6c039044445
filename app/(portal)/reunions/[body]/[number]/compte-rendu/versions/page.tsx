import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { readMinutes } from "@/lib/minutes/service";
import { minutesVersions } from "@/lib/minutes/workflow";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { DiffParts } from "@/components/word-diff";
import { meetingTitled } from "@/lib/page-title";

type Props = { params: Promise<{ body: string; number: string }> };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("minutesVersions", params);
}

// Every published version, newest first, with what changed from the one before.
export default async function MinutesVersionsPage({ params }: Props) {
  const actor = await requireActor("minutes.readPublished");
  const { body, number } = await params;
  const n = meetingNumber(number);
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const [versions, t, format] = await Promise.all([
    minutesVersions(actor, minutes.id),
    getTranslations("minutes"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <TextLink href={`/reunions/${body}/${number}/compte-rendu`}>← {t("open")}</TextLink>
      <PageTitle>{t("versionsTitle", { number })}</PageTitle>
      {versions.map((v) => (
        <Card
          key={v.version}
          title={t("versionLine", {
            version: v.version,
            date: format.dateTime(v.createdAt, {
              day: "numeric",
              month: "long",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
            }),
          })}
        >
          <div className="space-y-3">
            {v.authorName ? (
              <p className="text-sm text-stone-700">{t("versionBy", { name: v.authorName })}</p>
            ) : null}
            {v.changeNote ? <p className="font-medium">{v.changeNote}</p> : null}
            {v.version === 1 ? (
              <p>{t("firstVersion")}</p>
            ) : v.changes.length === 0 ? (
              <p>{t("noChange")}</p>
            ) : null}
            {v.changes.map((change, i) => (
              <div key={i}>
                <h3 className="font-semibold">{change.title}</h3>
                <DiffParts
                  parts={change.parts}
                  className="whitespace-pre-wrap rounded border border-stone-200 bg-stone-50 p-2"
                />
              </div>
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
