import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publicCooperative } from "@/lib/ideas/public-page";
import { siteUrl } from "@/lib/site-url";
import { tokenId } from "@/lib/links/keyed-token";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("thanks");
}

export default async function ThanksPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ suivi?: string }>;
}) {
  const { slug } = await params;
  const { suivi } = await searchParams;
  const coop = await publicCooperative(slug);
  if (!coop) notFound();
  const t = await getTranslations("ideas");
  const follow =
    typeof suivi === "string" && tokenId(suivi) !== null ? `/i/${coop.slug}/suivi/${suivi}` : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("thanksTitle")}</h1>
      <p>{t("thanksText")}</p>
      {follow ? (
        <div className="space-y-2 rounded-lg border border-brand-700 bg-brand-50 p-4">
          <p>{t("followHelp")}</p>
          <p>
            <Link href={follow} className="break-all font-semibold text-brand-700 underline">
              {siteUrl()}
              {follow}
            </Link>
          </p>
        </div>
      ) : null}
      <p>
        <Link
          href={`/i/${coop.slug}`}
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
        >
          {t("anotherIdea")}
        </Link>
      </p>
    </div>
  );
}
