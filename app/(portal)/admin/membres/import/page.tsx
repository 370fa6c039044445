import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ImportForm } from "@/components/import-form";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("import");
}

// The register (member.manage) or the newsletter's recipients (newsletter.manage), from one form.
export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string | string[] }>;
}) {
  const actor = await requireActor();
  const members = can(actor.roles, "member.manage");
  if (!members && !can(actor.roles, "newsletter.manage")) forbidden();
  const kind = (await searchParams).kind === "recipients" || !members ? "recipients" : "members";
  const [t, tn] = await Promise.all([getTranslations("import"), getTranslations("newsletter")]);
  return (
    <div className="space-y-4">
      {kind === "recipients" ? (
        <TextLink href="/admin/lettre/destinataires">← {tn("recipientsTitle")}</TextLink>
      ) : (
        <TextLink href="/admin/membres">← {t("back")}</TextLink>
      )}
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-prose text-stone-700">{t("intro")}</p>
      <Card title={t("cardTitle")}>
        <ImportForm kind={kind} />
      </Card>
    </div>
  );
}
