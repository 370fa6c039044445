import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { questionFormChoices } from "@/lib/votes/questions";
import { createQuestionAction } from "@/lib/votes/actions";
import { QuestionForm } from "@/components/vote-forms";
import { PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newVote");
}

export default async function NewQuestionPage() {
  const actor = await requireActor("vote.manage");
  const [choices, t, format] = await Promise.all([
    questionFormChoices(actor),
    getTranslations("votes"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <TextLink href="/votes">← {t("back")}</TextLink>
      <PageTitle>{t("new")}</PageTitle>
      <p className="max-w-prose text-stone-800">{t("newHelp")}</p>
      <QuestionForm
        action={createQuestionAction}
        bodies={choices.bodies}
        meetings={choices.meetings.map((m) => ({
          id: m.id,
          bodyId: m.bodyId,
          name: `${m.body.name} n° ${m.number} – ${format.dateTime(m.startsAt, { day: "numeric", month: "long", year: "numeric" })}`,
        }))}
        categories={choices.categories}
      />
    </div>
  );
}
