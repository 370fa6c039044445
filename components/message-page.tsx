import { getTranslations } from "next-intl/server";
import { PageTitle, TextLink } from "@/components/ui";

// A page that only says something (403, 404) and leads back home. A div, not a main: it is
// rendered inside the layout of the page that refused, which has its own main landmark.
export async function MessagePage({ namespace }: { namespace: "forbidden" | "notFound" }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <PageTitle>{t(`${namespace}.title`)}</PageTitle>
      <p>{t(`${namespace}.text`)}</p>
      <TextLink href="/">{t("app.backHome")}</TextLink>
    </div>
  );
}
