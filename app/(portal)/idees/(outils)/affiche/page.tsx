import type { Metadata } from "next";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { createTranslator } from "next-intl";
import { requireActor } from "@/lib/auth/session";
import { siteUrl } from "@/lib/site-url";
import { PrintButton } from "@/components/print-button";
import { TextLink, buttonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";
import { directionOf, isPublicLocale, LANGUAGE_NAMES, PUBLIC_LOCALES } from "@/lib/i18n/public-locales";
import { publicWords } from "@/lib/ideas/translations";
import { pictogram } from "@/lib/ideas/pictograms";

export async function generateMetadata(): Promise<Metadata> {
  return titled("poster");
}

type Props = { searchParams: Promise<{ langue?: string | string[] }> };

// For the waiting room: the short link and its QR code, in French and the languages people
// there speak (each from its messages file, with the cooperative's corrections), to print.
export default async function PosterPage({ searchParams }: Props) {
  const actor = await requireActor("idea.moderate");
  const t = await getTranslations("ideas");
  const asked = (await searchParams).langue;
  const chosen = asked === undefined ? ["en"] : [asked].flat();
  const others = PUBLIC_LOCALES.filter((l) => l !== "fr" && chosen.includes(l));
  const languages = ["fr" as const, ...others.filter(isPublicLocale)];
  const blocks = (await Promise.all(languages.map((l) => publicWords(actor.cooperativeId, l)))).map(
    ({ locale, messages }) => ({
      locale,
      t: createTranslator({ locale: locale as "fr", messages, namespace: "ideas" }),
    }),
  );
  const url = `${siteUrl()}/i/${actor.cooperativeSlug}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <TextLink href="/idees/gestion">← {t("backToManage")}</TextLink>
        <PrintButton label={t("print")} />
      </div>
      <form method="get" className="space-y-2 print:hidden">
        <fieldset aria-describedby="poster-languages-hint">
          <legend className="font-medium text-stone-900">{t("posterLanguages")}</legend>
          <p id="poster-languages-hint" className="text-sm text-stone-600">
            {t("posterLanguagesHint")}
          </p>
          <div className="flex flex-wrap gap-x-4">
            {PUBLIC_LOCALES.filter((l) => l !== "fr").map((l) => (
              <label key={l} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="langue"
                  value={l}
                  defaultChecked={others.includes(l)}
                  className="size-5"
                />
                <span lang={l} dir={directionOf(l)}>
                  {LANGUAGE_NAMES[l]}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={buttonClass}>
          {t("posterShow")}
        </button>
      </form>
      <article className="mx-auto max-w-xl space-y-4 rounded-lg border-2 border-stone-900 p-8 text-center print:border-0">
        {blocks.map(({ locale, t: tr }, i) => (
          <div key={locale} lang={locale} dir={directionOf(locale)} className="space-y-1">
            {i === 0 ? (
              <h1 className="flex items-center justify-center gap-2 text-3xl font-bold">
                <span dangerouslySetInnerHTML={{ __html: pictogram("idea") }} />
                {tr("title")}
              </h1>
            ) : (
              <p className="text-xl font-semibold">{tr("title")}</p>
            )}
            <p className={i === 0 ? "text-xl" : "text-lg text-stone-800"}>{tr("posterText.lead")}</p>
            <p className="text-stone-700">{tr("posterText.noAccount")}</p>
          </div>
        ))}
        <div
          className="mx-auto w-64"
          role="img"
          aria-label={t("qrLabel", { url })}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        {blocks.map(({ locale, t: tr }) => (
          <p key={locale} lang={locale} dir={directionOf(locale)} className="text-stone-800">
            {tr("posterText.scan")}
          </p>
        ))}
        <p className="break-all font-mono text-xl font-semibold">{url.replace(/^https?:\/\//, "")}</p>
        <p className="text-stone-700">{actor.cooperativeName}</p>
      </article>
    </div>
  );
}
