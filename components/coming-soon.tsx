import { getTranslations } from "next-intl/server";
import { PageTitle, TextLink } from "@/components/ui";

export type ComingSoonFeature = "decisions" | "votes" | "ideas" | "directory" | "members" | "colleges" | "bodies" | "newsletter";

// Said plainly: this part is not built yet.
export async function ComingSoon({ feature }: { feature: ComingSoonFeature }) {
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <PageTitle>{t("comingSoon.title")}</PageTitle>
      <p className="max-w-prose">{t("comingSoon.text", { feature: t(`comingSoon.features.${feature}`) })}</p>
      <TextLink href="/">{t("app.backHome")}</TextLink>
    </div>
  );
}
