import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { isId } from "@/lib/action-input";
import { getText, textVersions } from "@/lib/texts/service";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { DiffParts } from "@/components/word-diff";
import { objectTitled } from "@/lib/page-title";
import { getActor } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return objectTitled("textVersions", "texts", async () => {
    const actor = await getActor();
    const { id } = await params;
    return actor && isId(id) ? (await getText(actor, id))?.title : null;
  });
}

// Every version of a text written together, newest first, with what changed and why.
export default async function TextVersionsPage({ params }: Props) {
  const actor = await requireActor("text.read");
  const { id } = await params;
  const [text, versions] = isId(id)
    ? await Promise.all([getText(actor, id), textVersions(actor, id)])
    : [null, null];
  if (!text || !versions) notFound();
  const [t, format] = await Promise.all([getTranslations("texts"), getFormatter()]);
  return (
    <div className="space-y-6">
      <TextLink href={`/textes/${text.id}`}>← {text.title}</TextLink>
      <PageTitle>{t("versionsTitle", { title: text.title })}</PageTitle>
      {versions.map((v) => (
        <Card
          key={v.number}
          title={t("versionLine", {
            number: v.number,
            author: v.authorName,
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
            <p className="font-medium">{v.note}</p>
            {v.changes.length === 0 ? <p>{t("noChange")}</p> : null}
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
