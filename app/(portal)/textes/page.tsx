import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { listTexts, mayDraft, textChoices } from "@/lib/texts/service";
import { createTextAction } from "@/lib/texts/actions";
import { NewTextForm } from "@/components/text-forms";
import { Card, Empty, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("texts");
}

export default async function TextsPage() {
  const actor = await requireActor("text.read");
  const drafter = mayDraft(actor);
  const [texts, bodies, t, format] = await Promise.all([
    listTexts(actor),
    drafter ? textChoices(actor) : [],
    getTranslations("texts"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-prose text-stone-800">{t("intro")}</p>
      {texts.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <ul className="space-y-3">
          {texts.map((text) => (
            <li key={text.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <Link href={`/textes/${text.id}`} className="font-semibold text-brand-700 underline">
                {text.title}
              </Link>
              <p className="text-sm text-stone-700">
                {text.bodyName} · {t(`statuses.${text.status}`)} ·{" "}
                {t("openProposals", { count: text.openProposals })} ·{" "}
                {format.dateTime(text.updatedAt, { day: "numeric", month: "long", year: "numeric" })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {drafter ? (
        <Card title={t("new")}>
          <NewTextForm action={createTextAction} bodies={bodies} />
        </Card>
      ) : null}
    </div>
  );
}
