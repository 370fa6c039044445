import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publicAnswers, publicCooperative } from "@/lib/ideas/service";
import { postPublicIdeaAction } from "@/lib/ideas/actions";
import { PublicIdeaForm } from "@/components/idea-forms";

export const metadata: Metadata = { title: "Boîte à idées" };

// The short link on the waiting-room poster: anyone posts an idea, without an account.
export default async function PublicIdeasPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const coop = await publicCooperative(slug);
  if (!coop) notFound();
  const [t, answers] = await Promise.all([getTranslations("ideas"), publicAnswers(coop.id)]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="font-semibold text-brand-700">{coop.shortName ?? coop.name}</p>
        <h1 className="text-2xl font-bold">{t("publicTitle")}</h1>
        <p>{t("publicIntro")}</p>
      </div>
      <PublicIdeaForm action={postPublicIdeaAction.bind(null, coop.slug)} />
      {answers.length ? (
        <section aria-labelledby="answers" className="space-y-3">
          <h2 id="answers" className="text-xl font-semibold">{t("publicAnswers")}</h2>
          <ul className="space-y-3">
            {answers.map((idea) => (
              <li key={idea.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <p>{idea.text}</p>
                <p className="mt-1 font-semibold">{t("councilAnswer")} : {t(`answers.${idea.answer!.kind}`)}</p>
                {idea.answer!.text ? <p>{idea.answer!.text}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
