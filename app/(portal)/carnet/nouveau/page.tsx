import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { possibleKeepers } from "@/lib/booklet/service";
import { createEntryAction } from "@/lib/booklet/actions";
import { EntryForm } from "@/components/booklet-forms";
import { PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("bookletNew");
}

export default async function NewEntryPage() {
  const actor = await requireActor("booklet.edit");
  const [keepers, t] = await Promise.all([possibleKeepers(actor), getTranslations("booklet")]);
  return (
    <div className="space-y-5">
      <TextLink href="/carnet">← {t("back")}</TextLink>
      <PageTitle>{t("add")}</PageTitle>
      <EntryForm
        action={createEntryAction}
        keepers={keepers}
        submit={t("form.create")}
        initial={{
          name: "",
          description: "",
          themes: [],
          place: "",
          address: "",
          hoursText: "",
          phone: "",
          email: "",
          website: "",
          walkIn: false,
          languages: "",
          wheelchair: false,
          childrenWelcome: false,
          cost: "",
          keeperId: actor.membershipId,
        }}
      />
    </div>
  );
}
