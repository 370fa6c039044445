import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { bookletFilter } from "@/lib/booklet/schema";
import { searchBooklet, settingsOf } from "@/lib/booklet/service";
import { BOOKLET_THEMES } from "@/lib/booklet/rules";
import { BookletEntryCard } from "@/components/booklet-entry";
import { Alert, Empty, PageTitle, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("booklet");
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Reception's page: find the right address in a few seconds on a phone. A plain GET form (no
// script needed): words, theme, language, place, open now.
export default async function BookletPage({ searchParams }: Props) {
  const actor = await requireActor("booklet.read");
  const params = await searchParams;
  const filter = bookletFilter(params);
  const [result, settings, t] = await Promise.all([
    searchBooklet(actor, filter),
    settingsOf(actor.cooperativeId),
    getTranslations("booklet"),
  ]);
  const select = (
    id: string,
    name: string,
    label: string,
    any: string,
    options: { value: string; label: string }[],
    value: string | null,
  ) => (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-900">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-5">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{t("intro")}</p>
      {params.retiree === "1" ? <Alert kind="success">{t("archived")}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        {can(actor.roles, "booklet.edit") ? (
          <Link href="/carnet/nouveau" className={secondaryButtonClass}>
            {t("add")}
          </Link>
        ) : null}
        {can(actor.roles, "booklet.manage") ? (
          <Link href="/carnet/gestion" className={secondaryButtonClass}>
            {t("manage")}
          </Link>
        ) : null}
      </div>
      <form method="get" role="search" aria-label={t("search")} className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="q" className="block font-medium text-stone-900">
            {t("words")}
          </label>
          <p id="q-hint" className="text-sm text-stone-600">
            {t("wordsHint")}
          </p>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.q}
            aria-describedby="q-hint"
            className={inputClass}
          />
        </div>
        {select(
          "theme",
          "theme",
          t("theme"),
          t("anyTheme"),
          BOOKLET_THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) })),
          filter.theme,
        )}
        {select(
          "langue",
          "langue",
          t("language"),
          t("anyLanguage"),
          result.languages.map((l) => ({ value: l, label: l })),
          filter.language,
        )}
        {select(
          "lieu",
          "lieu",
          t("place"),
          t("anyPlace"),
          result.places.map((p) => ({ value: p, label: p })),
          filter.place,
        )}
        <label className="flex min-h-11 items-center gap-2 self-end">
          <input type="checkbox" name="ouvert" value="1" defaultChecked={filter.openNow} className="size-5" />{" "}
          {t("openNow")}
        </label>
        <div className="sm:col-span-2">
          <button type="submit" className={buttonClass}>
            {t("search")}
          </button>
        </div>
      </form>
      <p role="status" className="font-medium">
        {t("count", { count: result.entries.length, total: result.total })}
      </p>
      {result.total === 0 ? (
        <Empty>{t("emptyBooklet")}</Empty>
      ) : result.entries.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <ul className="space-y-3">
          {result.entries.map((entry) => (
            <li key={entry.id}>
              <BookletEntryCard entry={entry} staleMonths={settings.staleMonths} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
