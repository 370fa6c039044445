import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { decisionRecord } from "@/lib/decisions/service";
import { pageCount, pageParam } from "@/lib/pagination";
import { Pagination } from "@/components/pagination";
import { decisionFilter, OUTCOMES } from "@/lib/decisions/schema";
import { Empty, inputClass, PageTitle, secondaryButtonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";
import { decisionHref } from "@/lib/decisions/href";
import { listText } from "@/lib/i18n/list-text";

export async function generateMetadata(): Promise<Metadata> {
  return titled("decisions");
}

export default async function DecisionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("decision.read");
  const params = await searchParams;
  const filter = decisionFilter(params);
  const page = pageParam(params.page);
  const [{ decisions, total, bodies }, t, format, locale] = await Promise.all([
    decisionRecord(actor, filter, { page }),
    getTranslations("decisions"),
    getFormatter(),
    getLocale(),
  ]);
  const meetingLink = listText(locale, t.raw("meetingLink") as string);
  const filters = Object.entries(params).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[0] !== "page",
  );
  const query = new URLSearchParams(filters.filter(([key]) => key !== "filtrer")).toString();
  // The filters' form when asked for (« Filtrer les décisions ») or in use: most readings of the
  // record only read it, and on a phone the form's four fields came before the first decision;
  // it also cost every reading 5 % of the server's work (issue 21).
  const filtering = params.filtrer === "1" || Object.values(filter).some((value) => value !== undefined);
  const here = new Set(decisions.map((d) => d.id));
  const pageHref = (n: number) => `/decisions?${new URLSearchParams([...filters, ["page", String(n)]])}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("title")}</PageTitle>
        <div className="flex flex-wrap gap-2">
          {filtering ? null : (
            <Link href="/decisions?filtrer=1" className={secondaryButtonClass}>
              {t("filters")}
            </Link>
          )}
          <a href={`/decisions/export${query ? `?${query}` : ""}`} className={secondaryButtonClass}>
            {t("exportCsv")}
          </a>
          <a
            href={`/decisions/export?${query ? `${query}&` : ""}format=pdf`}
            className={secondaryButtonClass}
          >
            {t("exportPdf")}
          </a>
        </div>
      </div>
      {filtering ? (
        <form className="grid gap-2 sm:grid-cols-5 sm:items-end" role="search" aria-label={t("filters")}>
          <div>
            <label htmlFor="instance" className="block font-medium">
              {t("body")}
            </label>
            <select id="instance" name="instance" defaultValue={filter.bodyId ?? ""} className={inputClass}>
              <option value="">{t("allBodies")}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="du" className="block font-medium">
              {t("from")}
            </label>
            <input id="du" name="du" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="au" className="block font-medium">
              {t("to")}
            </label>
            <input id="au" name="au" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="issue" className="block font-medium">
              {t("outcome")}
            </label>
            <select id="issue" name="issue" defaultValue={filter.outcome ?? ""} className={inputClass}>
              <option value="">{t("allOutcomes")}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcomes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          {/* The form stays open while one works with it, even with every field emptied. */}
          <input type="hidden" name="filtrer" value="1" />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <button type="submit" className={secondaryButtonClass}>
              {t("apply")}
            </button>
            <Link href="/decisions" className="text-brand-700 underline">
              {t("clearFilters")}
            </Link>
          </div>
        </form>
      ) : null}
      <p aria-live="polite" className="text-stone-700">
        {t("count", { count: total })}
      </p>
      {decisions.length ? (
        // The entries' frame is set once on the list (*:), not repeated in each of 25 entries, and
        // each meta line is one text: the page's HTML and its payload both carry every entry.
        <ol className="space-y-3 *:rounded-lg *:border *:border-stone-200 *:bg-white *:p-4">
          {decisions.map((d) => (
            <li key={d.id} id={`decision-${d.id}`}>
              <p className="font-semibold">{d.title}</p>
              {d.text !== d.title ? (
                <p className="mt-1 whitespace-pre-line text-stone-800">{d.text}</p>
              ) : null}
              <p className="mt-1 text-sm text-stone-700">
                {[
                  d.bodyName,
                  format.dateTime(d.decidedOn, {
                    day: "numeric",
                    month: "long",
                    year: "numeric",
                    timeZone: "UTC",
                  }),
                  t(`outcomes.${d.outcome}`),
                  t(`methods.${d.method}`),
                ].join(" · ")}
                {d.meeting ? (
                  <>
                    {" · "}
                    <Link
                      href={
                        d.sectionId
                          ? `/reunions/${d.meeting.bodySlug}/${d.meeting.number}/compte-rendu#decision-${d.id}`
                          : `/reunions/${d.meeting.bodySlug}/${d.meeting.number}`
                      }
                      className="text-brand-700 underline"
                    >
                      {meetingLink({ number: d.meeting.number })}
                    </Link>
                  </>
                ) : null}
                {d.voteQuestionId ? (
                  <>
                    {" · "}
                    <Link href={`/votes/${d.voteQuestionId}`} className="text-brand-700 underline">
                      {t("voteLink")}
                    </Link>
                  </>
                ) : null}
              </p>
              {d.cites ? (
                <p className="mt-1 text-sm">
                  {/* A plain anchor, no client component: within the page, or to the page of the
                      record that lists it. */}
                  <a
                    href={here.has(d.cites.id) ? `#decision-${d.cites.id}` : decisionHref(d.cites.id)}
                    className="text-brand-700 underline"
                  >
                    {t("cites", { title: d.cites.title, body: d.cites.bodyName })}
                  </a>
                </p>
              ) : null}
              {d.sharedText ? (
                <p className="mt-1 text-sm">
                  <Link href={`/textes/${d.sharedText.id}`} className="text-brand-700 underline">
                    {t("sharedTextLink", { title: d.sharedText.title })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Empty>{t("empty")}</Empty>
      )}
      <Pagination page={page} pages={pageCount(total)} href={pageHref} />
    </div>
  );
}
