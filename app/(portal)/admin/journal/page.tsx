import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { listAudit } from "@/lib/audit/service";
import { Empty, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("journal");
}

export default async function AuditPage() {
  const actor = await requireActor("audit.read");
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const rows = await listAudit(actor);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {rows.length ? (
        <div className="overflow-x-auto" role="region" aria-label={t("title")} tabIndex={0}>
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">
                  {t("when")}
                </th>
                <th scope="col" className="p-2">
                  {t("who")}
                </th>
                <th scope="col" className="p-2">
                  {t("what")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-stone-200">
                  <td className="p-2">
                    {format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td className="p-2">{row.actorName ?? t("system")}</td>
                  <td className="p-2">
                    {row.action} · {row.entityType}
                    {row.subject ? ` · ${row.subject}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>{t("empty")}</Empty>
      )}
    </div>
  );
}
