import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { followIdea } from "@/lib/ideas/public-page";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await titled("myIdea")), robots: { index: false } };
}

// The private link given after posting: where the idea is, and the council's answer.
export default async function FollowPage({ params }: { params: Promise<{ slug: string; token: string }> }) {
  const { slug, token } = await params;
  const idea = await followIdea(slug, token);
  if (!idea) notFound();
  const [t, format] = await Promise.all([getTranslations("ideas"), getFormatter()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("followTitle")}</h1>
      <blockquote className="whitespace-pre-line border-l-4 border-stone-300 pl-3">{idea.text}</blockquote>
      <p className="text-sm text-stone-700">
        {t("postedOn", {
          date: format.dateTime(idea.createdAt, { day: "numeric", month: "long", year: "numeric" }),
        })}
      </p>
      <p className="text-lg font-semibold">{t(`stages.${idea.stage}`)}</p>
      {idea.answer ? (
        <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          <p className="font-semibold">
            {t("councilAnswer")} : {t(`answers.${idea.answer.kind}`)}
          </p>
          {idea.mergedInto ? <p>{t("mergedInto", { text: idea.mergedInto.text })}</p> : null}
          {idea.answer.text ? <p className="whitespace-pre-line">{idea.answer.text}</p> : null}
        </div>
      ) : null}
      <p>
        <Link
          href={`/i/${slug}`}
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
        >
          {t("anotherIdea")}
        </Link>
      </p>
    </div>
  );
}
