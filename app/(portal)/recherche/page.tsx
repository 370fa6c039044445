import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { search } from "@/lib/search/service";
import { buttonClass, inputClass, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";
import { hitHref } from "@/lib/search/href";

export async function generateMetadata(): Promise<Metadata> {
  return titled("search");
}

// The matched words come back between ⟦ and ⟧: shown as <mark>, everything else as text.
function Excerpt({ text }: { text: string }) {
  const parts = text.split(/(⟦[^⟧]*⟧)/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("⟦") ? (
          <mark key={i} className="bg-yellow-200 text-stone-900">
            {part.slice(1, -1)}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("minutes.readPublished");
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const [t, format] = await Promise.all([getTranslations("search"), getFormatter()]);
  const hits = query.trim() ? await search(actor, query) : null;
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <form method="get" action="/recherche" role="search" className="space-y-2">
        <label htmlFor="q" className="block font-medium">
          {t("label")}
        </label>
        <p id="q-hint" className="text-sm text-stone-700">
          {t("hint")}
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            className={`${inputClass} max-w-md flex-1`}
            aria-describedby="q-hint"
          />
          <button type="submit" className={buttonClass}>
            {t("submit")}
          </button>
        </div>
      </form>
      {hits ? (
        <section aria-label={t("title")} className="space-y-3">
          <p role="status">{t("count", { count: hits.length, query: query.trim() })}</p>
          <ul className="space-y-3">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} className="rounded-lg border border-stone-200 bg-white p-3">
                <p className="text-sm text-stone-700">
                  {t(`kinds.${hit.kind}`)}
                  {hit.draft ? ` · ${t("draft")}` : ""} ·{" "}
                  {hit.meetingNumber === null
                    ? t("whereBody", {
                        body: hit.bodyName,
                        date: format.dateTime(hit.date, { day: "numeric", month: "long", year: "numeric" }),
                      })
                    : t("where", {
                        body: hit.bodyName,
                        number: hit.meetingNumber,
                        date: format.dateTime(hit.date, { day: "numeric", month: "long", year: "numeric" }),
                      })}
                </p>
                <Link
                  href={hitHref(hit)}
                  className="font-semibold text-brand-700 underline underline-offset-2"
                >
                  {hit.title}
                </Link>
                {hit.excerpt && hit.excerpt !== hit.title ? (
                  <p className="mt-1 text-stone-800">
                    <Excerpt text={hit.excerpt} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
