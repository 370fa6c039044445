import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordResetRequestForm } from "@/components/password-reset-forms";
import { PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("forgotPassword");
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <PageTitle>{t("reset.requestTitle")}</PageTitle>
      <p className="text-stone-700">{t("reset.requestIntro")}</p>
      <PasswordResetRequestForm />
      <TextLink href="/connexion">{t("signIn.backToSignIn")}</TextLink>
    </div>
  );
}
