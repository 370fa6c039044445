import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/auth/actions";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const other = locale === "fr" ? "en" : "fr";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
        aria-label={`${t("language")} : ${t("switchTo")}`}
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
