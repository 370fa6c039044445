import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { ImportForm } from "@/components/import-form";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("import");
}

export default async function ImportPage() {
  await requireActor("member.manage");
  const t = await getTranslations("import");
  return (
    <div className="space-y-4">
      <TextLink href="/admin/membres">← {t("back")}</TextLink>
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-prose text-stone-700">{t("intro")}</p>
      <Card title={t("cardTitle")}>
        <ImportForm />
      </Card>
    </div>
  );
}
