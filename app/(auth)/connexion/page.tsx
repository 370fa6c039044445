import { localPath } from "@/lib/action-input";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "@/components/sign-in-form";
import { Alert, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("signIn");
}

// Only a path of this site is followed after signing in.

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  if (await getActor()) redirect(localPath(params.callbackUrl));
  const t = await getTranslations("signIn");
  const ts = await getTranslations("setup");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{t("intro")}</p>
      {params.reinitialise ? <Alert kind="success">{t("resetDone")}</Alert> : null}
      {params.installe ? <Alert kind="success">{ts("done")}</Alert> : null}
      {params.partout ? <Alert kind="success">{t("signedOutEverywhere")}</Alert> : null}
      {params.sortie ? <Alert kind="success">{t("signedOut")}</Alert> : null}
      {params.error === "Verification" ? <Alert kind="error">{t("linkExpired")}</Alert> : null}
      <SignInForm callbackUrl={localPath(params.callbackUrl)} />
      <p>
        <TextLink href="/mot-de-passe/oublie">{t("forgot")}</TextLink>
      </p>
    </div>
  );
}
