import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listCategories } from "@/lib/members/service";
import { createMemberAction } from "@/lib/members/actions";
import { MemberForm } from "@/components/member-forms";
import { dayKey } from "@/lib/dates";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newMember");
}

export default async function NewMemberPage() {
  const actor = await requireActor("member.manage");
  const t = await getTranslations("members");
  const categories = await listCategories(actor);
  return (
    <div className="space-y-4">
      <TextLink href="/admin/membres">← {t("title")}</TextLink>
      <PageTitle>{t("add")}</PageTitle>
      <Card title={t("identity")}>
        <MemberForm
          mode="create"
          action={createMemberAction}
          categories={categories}
          initial={{
            kind: "ASSOCIATE",
            joinedOn: dayKey(new Date()),
            shares: "1",
            newsletterConsent: "",
            invite: "on",
          }}
        />
      </Card>
    </div>
  );
}
