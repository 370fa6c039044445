import { queryText } from "@/lib/action-input";
import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listMembers, type MemberFilter } from "@/lib/members/service";
import { buttonClass, Empty, inputClass, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("members");
}

const FILTERS = ["active", "inactive", "archived"] as const;

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; statut?: string }>;
}) {
  const actor = await requireActor("member.manage");
  const t = await getTranslations("members");
  const params = await searchParams;
  const status = FILTERS.find((f) => f === params.statut) ?? "active";
  const members = await listMembers(actor, { q: queryText(params.q), status } satisfies MemberFilter);
  return (
    <div className="space-y-4">
      <TextLink href="/admin">← {t("backAdmin")}</TextLink>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("title")}</PageTitle>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/membres/nouveau" className={buttonClass}>
            {t("add")}
          </Link>
          <Link href="/admin/membres/import" className={secondaryButtonClass}>
            {t("importLink")}
          </Link>
          {/* A file to download from a route handler, not a page: a plain link. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/admin/membres/export?format=csv" className={secondaryButtonClass}>
            {t("exportCsv")}
          </a>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/admin/membres/export?format=xlsx" className={secondaryButtonClass}>
            {t("exportXlsx")}
          </a>
        </div>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block font-medium">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="statut" className="block font-medium">
            {t("show")}
          </label>
          <select id="statut" name="statut" defaultValue={status} className={inputClass}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("searchButton")}
        </button>
      </form>
      <p className="text-stone-700" aria-live="polite">
        {t("count", { count: members.length })}
      </p>
      {members.length ? (
        <div
          className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
          role="region"
          aria-label={t("title")}
          tabIndex={0}
        >
          <table className="w-full text-left">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="border-b border-stone-300 text-sm">
              <tr>
                <th scope="col" className="p-3">
                  {t("fields.name")}
                </th>
                <th scope="col" className="p-3">
                  {t("fields.category")}
                </th>
                <th scope="col" className="p-3">
                  {t("fields.email")}
                </th>
                <th scope="col" className="p-3">
                  {t("account")}
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className="border-b border-stone-200 last:border-0">
                  <td className="p-3">
                    <Link
                      href={`/admin/membres/${m.id}`}
                      className="font-semibold text-brand-700 underline underline-offset-2"
                    >
                      {m.name}
                    </Link>
                    {m.isCoordinator ? (
                      <span className="ml-2 text-sm text-stone-700">({t("coordinator")})</span>
                    ) : null}
                  </td>
                  <td className="p-3">{m.kind === "GUEST" ? t("kinds.GUEST") : (m.category ?? "—")}</td>
                  <td className="break-all p-3">{m.email ?? "—"}</td>
                  <td className="p-3 text-sm">
                    {m.activated ? t("activated") : m.invitedAt ? t("invitedNotActivated") : t("notInvited")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>{params.q ? t("noMatch") : t("empty")}</Empty>
      )}
    </div>
  );
}
