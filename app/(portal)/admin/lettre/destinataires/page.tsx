import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { queryText } from "@/lib/action-input";
import { listRecipients, RECIPIENT_FILTERS, type RecipientFilter } from "@/lib/newsletter/recipients";
import { pageCount, pageParam } from "@/lib/pagination";
import { Pagination } from "@/components/pagination";
import { Empty, inputClass, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  return titled("newsletter");
}

// Who receives the letter and who does not, and why: consent (its date and where it came from),
// unsubscribed, bounced; filtered, a page at a time, exported as a spreadsheet.
export default async function RecipientsPage({ searchParams }: Props) {
  const actor = await requireActor("newsletter.manage");
  const params = await searchParams;
  const q = queryText(one(params.q)) ?? "";
  const asked = one(params.filtre);
  const filter = RECIPIENT_FILTERS.includes(asked as RecipientFilter) ? (asked as RecipientFilter) : "all";
  const page = pageParam(params.page);
  const [t, format, { rows, total, counts }] = await Promise.all([
    getTranslations("newsletter"),
    getFormatter(),
    listRecipients(actor, { filter, q, page }),
  ]);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(q ? { q } : {}), ...(filter !== "all" ? { filtre: filter } : {}), ...extra });
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "");
  return (
    <div className="space-y-4">
      <TextLink href="/admin/lettre">← {t("backToList")}</TextLink>
      <PageTitle>{t("recipientsTitle")}</PageTitle>
      <p className="text-stone-700">{t("list.intro")}</p>
      <div className="flex flex-wrap gap-2">
        <Link href="/admin/membres/import?kind=recipients" className={secondaryButtonClass}>
          {t("list.import")}
        </Link>
        <a
          href={`/admin/lettre/destinataires/export?${query({ format: "csv" })}`}
          className={secondaryButtonClass}
        >
          {t("list.exportCsv")}
        </a>
        <a
          href={`/admin/lettre/destinataires/export?${query({ format: "xlsx" })}`}
          className={secondaryButtonClass}
        >
          {t("list.exportXlsx")}
        </a>
      </div>
      <form
        method="get"
        action="/admin/lettre/destinataires"
        className="flex flex-wrap items-end gap-3"
        role="search"
      >
        <div>
          <label htmlFor="q" className="block font-medium">
            {t("list.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={200} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filtre" className="block font-medium">
            {t("list.filter")}
          </label>
          <select id="filtre" name="filtre" defaultValue={filter} className={inputClass}>
            {RECIPIENT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`list.filters.${f}`, { count: counts[f] })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("list.apply")}
        </button>
      </form>
      <p role="status">{t("list.shown", { count: total })}</p>
      {rows.length === 0 ? (
        <Empty>{counts.all === 0 ? t("list.emptyAll") : t("list.empty")}</Empty>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label={t("recipientsTitle")} tabIndex={0}>
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("recipientsTitle")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">
                  {t("list.columns.email")}
                </th>
                <th scope="col" className="p-2">
                  {t("list.columns.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("list.columns.group")}
                </th>
                <th scope="col" className="p-2">
                  {t("list.columns.consent")}
                </th>
                <th scope="col" className="p-2">
                  {t("list.columns.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200 align-top">
                  <td className="break-all p-2">{r.email}</td>
                  <td className="p-2">
                    {r.name ?? "—"}
                    {r.organisation ? <span className="block text-stone-700">{r.organisation}</span> : null}
                  </td>
                  <td className="p-2">{t(`list.groups.${r.group}`)}</td>
                  <td className="p-2">
                    {r.consentAt
                      ? t("list.consentOn", { date: day(r.consentAt), source: r.consentSource ?? "—" })
                      : r.consentSource
                        ? t("list.noConsentSource", { source: r.consentSource })
                        : t("list.noConsent")}
                  </td>
                  <td className="p-2">
                    {r.state === "unsubscribed"
                      ? t("list.unsubscribedOn", { date: day(r.unsubscribedAt) })
                      : r.state === "bounced"
                        ? t("list.bouncedOn", { date: day(r.bouncedAt), reason: r.bounceReason ?? "" })
                        : t(`list.states.${r.state}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pages={pageCount(total)}
        href={(n) => `/admin/lettre/destinataires?${query({ page: String(n) })}`}
      />
    </div>
  );
}
