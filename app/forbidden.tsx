import { getTranslations } from "next-intl/server";
import { PageTitle, TextLink } from "@/components/ui";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main id="contenu" className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <PageTitle>{t("forbidden.title")}</PageTitle>
      <p>{t("forbidden.text")}</p>
      <TextLink href="/">{t("app.backHome")}</TextLink>
    </main>
  );
}
