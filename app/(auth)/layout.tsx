import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { ClientMessages } from "@/components/client-messages";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <ClientMessages namespaces={["signIn", "reset", "setup"]}>
      <div className="mx-auto flex min-h-screen max-w-md flex-col px-4 py-6">
        <header className="mb-6 flex items-center justify-between gap-2">
          <p className="text-lg font-bold text-brand-700">{t("name")}</p>
          <LanguageSwitch />
        </header>
        <main id="contenu" className="flex-1">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
