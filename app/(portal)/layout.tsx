import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { PortalHeader } from "@/components/portal-header";
import { ClientMessages } from "@/components/client-messages";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("app");
  return (
    <ClientMessages namespaces={[]}>
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <PortalHeader actor={actor} />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </ClientMessages>
  );
}
