import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { postIdeaAction } from "@/lib/ideas/actions";
import { IdeaForm } from "@/components/idea-forms";
import { ClientMessages } from "@/components/client-messages";
import { PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("ideaPost");
}

// Posting an idea, on its own page: the board (../page.tsx) is read far more often than it is
// posted to, and the form cost every reading of it a millisecond of the server's work, 13 % of the
// page (issue 21). The board and the home page link here; the form works before the page's
// JavaScript has run, or without it, and empties itself for the next idea once one is sent.
export default async function PostIdeaPage() {
  await requireActor("idea.post");
  const t = await getTranslations("ideas");
  return (
    <ClientMessages
      namespaces={[
        "ideas.errors",
        "ideas.themes",
        "ideas.yourIdea",
        "ideas.themeOptional",
        "ideas.noTheme",
        "ideas.showName",
        "ideas.send",
        "ideas.posted",
      ]}
    >
      <div className="max-w-2xl space-y-4">
        <TextLink href="/idees">← {t("backToBoard")}</TextLink>
        <PageTitle>{t("postTitle")}</PageTitle>
        <p className="text-stone-700">{t("postHint")}</p>
        <IdeaForm action={postIdeaAction} />
      </div>
    </ClientMessages>
  );
}
