import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { BookletEntry } from "@/lib/booklet/service";
import { DATA_LANG } from "@/lib/i18n/config";

// One address of the booklet as reception reads it on a phone: open or not, how to reach them,
// the languages, and whether it still holds (checked when, by whom; marked when old).
export async function BookletEntryCard({
  entry,
  staleMonths,
  link = true,
}: {
  entry: BookletEntry;
  staleMonths: number;
  link?: boolean;
}) {
  const t = await getTranslations("booklet");
  const format = await getFormatter();
  const date = format.dateTime(entry.verifiedAt, { day: "numeric", month: "long", year: "numeric" });
  const tel = entry.phone?.replace(/[^\d+]/g, "");
  return (
    <article
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      aria-labelledby={`entry-${entry.id}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`entry-${entry.id}`} className="text-lg font-semibold text-stone-900" lang={DATA_LANG}>
          {link ? (
            <Link
              href={`/carnet/${entry.id}`}
              className="inline-flex min-h-11 items-center underline-offset-2 hover:underline"
            >
              {entry.name}
            </Link>
          ) : (
            entry.name
          )}
        </h2>
        {entry.openNow === true ? (
          <span className="rounded bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-800">
            {t("open")}
          </span>
        ) : entry.openNow === false ? (
          <span className="rounded bg-stone-100 px-2 py-0.5 text-sm font-semibold text-stone-800">
            {t("closed")}
          </span>
        ) : null}
      </div>
      {entry.stale ? (
        <p className="rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm font-semibold text-amber-900">
          {t("stale", { months: staleMonths })}
        </p>
      ) : null}
      {entry.themes.length ? (
        <p className="text-sm text-stone-700">
          {entry.themes.map((theme) => t(`themes.${theme}`)).join(" · ")}
        </p>
      ) : null}
      {entry.description ? (
        <p className="whitespace-pre-line" lang={DATA_LANG}>
          {entry.description}
        </p>
      ) : null}
      <div className="space-y-1 text-stone-800" lang={DATA_LANG}>
        {entry.address || entry.place ? (
          <p>{[entry.address, entry.place].filter(Boolean).join(", ")}</p>
        ) : null}
        {entry.hoursText ? (
          <p>
            {entry.hoursText}
            {entry.hoursRead ? null : <span className="text-sm text-stone-600"> ({t("hoursUnread")})</span>}
          </p>
        ) : null}
      </div>
      <p className="flex flex-wrap gap-x-4">
        {tel ? (
          <a
            href={`tel:${tel}`}
            className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
          >
            {t("call")} {entry.phone}
          </a>
        ) : null}
        {entry.email ? (
          <a
            href={`mailto:${entry.email}`}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("write")}
          </a>
        ) : null}
        {entry.website ? (
          <a
            href={entry.website}
            rel="noopener noreferrer nofollow"
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("site")}
          </a>
        ) : null}
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        {entry.walkIn ? <li className="rounded bg-stone-100 px-2 py-0.5">{t("walkIn")}</li> : null}
        {entry.wheelchair ? <li className="rounded bg-stone-100 px-2 py-0.5">{t("wheelchair")}</li> : null}
        {entry.childrenWelcome ? <li className="rounded bg-stone-100 px-2 py-0.5">{t("children")}</li> : null}
      </ul>
      {entry.languages.length ? <p>{t("languages", { languages: entry.languages.join(", ") })}</p> : null}
      {entry.cost ? <p>{t("cost", { cost: entry.cost })}</p> : null}
      <p className="text-sm text-stone-600">
        {entry.verifiedByName
          ? t("verifiedBy", { date, name: entry.verifiedByName })
          : t("verifiedOn", { date })}
        {entry.keeperName ? ` · ${t("keeper")} : ${entry.keeperName}` : ""}
      </p>
    </article>
  );
}
