import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("linkSent");
}

export default async function LinkSentPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="space-y-4">
      <PageTitle>{t("checkEmailTitle")}</PageTitle>
      <Alert kind="info">{t("checkEmail")}</Alert>
      <TextLink href="/connexion">{t("backToSignIn")}</TextLink>
    </div>
  );
}
