import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/operator/operator";
import { ClientMessages } from "@/components/client-messages";
import { LanguageSwitch } from "@/components/language-switch";
import { SignOutButton } from "@/components/sign-out-button";

// The network operator's pages: the cooperatives, never their content.
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  await requireOperator();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["operator"]}>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/exploitation" className="text-lg font-semibold text-brand-800">
            {t("app.name")} · {t("operator.title")}
          </Link>
          <div className="flex items-center gap-1">
            <Link
              href="/"
              className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
            >
              {t("operator.portal")}
            </Link>
            <LanguageSwitch />
            <SignOutButton label={t("operator.signOut")} />
          </div>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </ClientMessages>
  );
}
