import type { Metadata } from "next";
import { queryText } from "@/lib/action-input";
import { getTranslations } from "next-intl/server";
import { NewPasswordForm } from "@/components/password-reset-forms";
import { Alert, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newPassword");
}

export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const token = queryText((await searchParams).token, 200);
  const t = await getTranslations("reset");
  return (
    <div className="space-y-4">
      <PageTitle>{t("newTitle")}</PageTitle>
      {token ? (
        <NewPasswordForm token={token} />
      ) : (
        <>
          <Alert kind="error">{t("missingToken")}</Alert>
          <TextLink href="/mot-de-passe/oublie">{t("newLink")}</TextLink>
        </>
      )}
    </div>
  );
}
