import { getTranslations } from "next-intl/server";
import { Alert, PageTitle, TextLink } from "@/components/ui";

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
