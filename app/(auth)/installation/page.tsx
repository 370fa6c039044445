import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { queryText } from "@/lib/action-input";
import { setupIsOpen } from "@/lib/operator/accounts.internal";
import { completeSetupAction } from "@/lib/operator/actions";
import { SetupForm } from "@/components/setup-form";
import { Alert, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("setup");
}

// The one-time page that creates the first operator of an empty portal (its link is printed in
// the server's log at start).
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const token = queryText((await searchParams).jeton, 200);
  const t = await getTranslations("setup");
  const open = token ? await setupIsOpen(token) : false;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {open && token ? (
        <>
          <p className="text-stone-700">{t("intro")}</p>
          <SetupForm action={completeSetupAction} token={token} />
        </>
      ) : (
        <Alert kind="error">{t("errors.setupInvalid")}</Alert>
      )}
    </div>
  );
}
