import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { secondaryButtonClass } from "@/components/ui";

// « ← Précédentes · Page 2 sur 7 · Suivantes → », as plain links (works without JavaScript).
export async function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("app");
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={secondaryButtonClass}>
          {t("previous")}
        </Link>
      ) : null}
      <span aria-current="page" className="text-stone-700">
        {t("position", { page, pages })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={secondaryButtonClass}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
