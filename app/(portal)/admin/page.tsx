import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { supportGrants } from "@/lib/operator/support";
import { grantSupportAction, revokeSupportAction } from "@/lib/operator/actions";
import { AdminEntries } from "@/components/admin-entries";
import { ClientMessages } from "@/components/client-messages";
import { SupportGrantForm } from "@/components/support-forms";
import { Card, Empty, PageTitle, secondaryButtonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("admin");
}

export default async function AdminPage() {
  const actor = await requireActor("admin.access");
  const t = await getTranslations("admin");
  const ts = await getTranslations("operator.support");
  const format = await getFormatter();
  const grants = can(actor.roles, "support.grant") && !actor.support ? await supportGrants(actor) : null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{t("intro", { name: actor.cooperativeName })}</p>
      <AdminEntries />
      {grants ? (
        <Card title={ts("title")}>
          <p className="mb-3 text-stone-700">{ts("intro")}</p>
          {grants.length === 0 ? (
            <Empty>{ts("none")}</Empty>
          ) : (
            <ul className="mb-4 space-y-2">
              {grants.map((g) => (
                <li key={g.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span>
                    « {g.reason} » —{" "}
                    {g.active
                      ? ts("activeUntil", { date: when(g.expiresAt) })
                      : ts("ended", { date: when(g.expiresAt) })}
                  </span>
                  {g.active ? (
                    <form action={revokeSupportAction.bind(null, g.id)}>
                      <button type="submit" className={secondaryButtonClass}>
                        {ts("revoke")}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <ClientMessages namespaces={["operator"]}>
            <SupportGrantForm action={grantSupportAction} />
          </ClientMessages>
        </Card>
      ) : null}
    </div>
  );
}
