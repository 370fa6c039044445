import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { AdminEntries } from "@/components/admin-entries";
import { PageTitle } from "@/components/ui";

export default async function AdminPage() {
  const actor = await requireActor("admin.access");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{t("intro", { name: actor.cooperativeName })}</p>
      <AdminEntries />
    </div>
  );
}
