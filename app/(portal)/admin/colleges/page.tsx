import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import {
  getCollegeConfig,
  getIdentity,
  getStatutes,
  openVoteCount,
  statutesFormValues,
} from "@/lib/statutes/service";
import { CollegesForm } from "@/components/colleges-form";
import { IdentityForm, StatutesForm } from "@/components/statutes-form";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("colleges");
}

export default async function CollegesPage() {
  const actor = await requireActor("statutes.configure");
  const t = await getTranslations();
  const [config, statutes, identity, openVotes] = await Promise.all([
    getCollegeConfig(actor),
    getStatutes(actor),
    getIdentity(actor),
    openVoteCount(actor),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <TextLink href="/admin">← {t("admin.title")}</TextLink>
        <div className="mt-2">
          <PageTitle>{t("colleges.title")}</PageTitle>
        </div>
        <p className="mt-2 max-w-prose text-stone-700">{t("colleges.law")}</p>
        <p className="mt-2 max-w-prose text-stone-700">
          {t("statutes.versionNote", { version: statutes.version, open: openVotes })}
        </p>
      </div>
      <Card title={t("statutes.identityTitle")}>
        <IdentityForm
          initial={{ name: identity.name, shortName: identity.shortName ?? "", city: identity.city ?? "" }}
        />
      </Card>
      <Card title={t("colleges.cardTitle")}>
        <CollegesForm colleges={config.colleges} categories={config.categories} />
      </Card>
      <Card title={t("statutes.title")}>
        <StatutesForm initial={statutesFormValues(statutes)} />
      </Card>
    </div>
  );
}
