import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { correctableLocales, directionOf, LANGUAGE_NAMES } from "@/lib/i18n/public-locales";
import { isCorrectable, translationsFor } from "@/lib/ideas/translations";
import { correctTranslationAction, restoreTranslationAction } from "@/lib/ideas/actions";
import { TranslationForm } from "@/components/idea-forms";
import { Card, Empty, PageTitle, TextLink, buttonClass, inputClass } from "@/components/ui";
import { DATA_LANG } from "@/lib/i18n/config";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("translations");
}

type Props = { searchParams: Promise<{ langue?: string | string[] }> };

// The public path's languages that started as machine translations: each text beside the French,
// corrected for this cooperative's public page, poster and answer e-mails.
export default async function TranslationsPage({ searchParams }: Props) {
  const actor = await requireActor("idea.moderate");
  const t = await getTranslations("ideas");
  const locales = correctableLocales();
  const asked = (await searchParams).langue;
  const locale = isCorrectable(asked) ? asked : locales[0];
  const texts = locale ? await translationsFor(actor, locale) : [];
  const corrected = texts.filter((x) => x.corrected !== null).length;
  return (
    <div className="space-y-6">
      <TextLink href="/idees/gestion">← {t("backToManage")}</TextLink>
      <PageTitle>{t("translations.title")}</PageTitle>
      <p className="max-w-prose text-stone-700">{t("translations.intro")}</p>
      {!locale ? (
        <Empty>{t("translations.none")}</Empty>
      ) : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="langue" className="block font-medium text-stone-900">
                {t("translations.language")}
              </label>
              <select id="langue" name="langue" defaultValue={locale} className={inputClass}>
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass}>
              {t("translations.show")}
            </button>
          </form>
          <p className="text-stone-700">
            {t("translations.count", { count: corrected, total: texts.length })}
          </p>
          <Card title={LANGUAGE_NAMES[locale]}>
            <ol className="space-y-6">
              {texts.map((text, i) => {
                const example = /\{\s*[A-Za-z_][A-Za-z0-9_]*/.exec(text.french)?.[0];
                return (
                  <li key={text.key} className="space-y-2 border-b border-stone-200 pb-4 last:border-0">
                    <p className="font-mono text-xs text-stone-600">
                      {text.key}
                      {text.corrected !== null ? (
                        <span className="ms-2 rounded bg-brand-50 px-1.5 py-0.5 font-sans font-semibold text-brand-800">
                          {t("translations.corrected")}
                        </span>
                      ) : null}
                    </p>
                    <dl className="grid gap-1 sm:grid-cols-[10rem_1fr]">
                      <dt className="font-medium text-stone-700">{t("translations.french")}</dt>
                      <dd lang={DATA_LANG}>{text.french}</dd>
                      <dt className="font-medium text-stone-700">{t("translations.machine")}</dt>
                      <dd lang={locale} dir={directionOf(locale)}>
                        {text.machine}
                      </dd>
                    </dl>
                    <TranslationForm
                      action={correctTranslationAction.bind(null, locale, text.key)}
                      restore={
                        text.corrected !== null ? restoreTranslationAction.bind(null, locale, text.key) : null
                      }
                      id={`text-${i}`}
                      label={t("translations.correctionFor", {
                        french: text.french.length > 60 ? `${text.french.slice(0, 59)}…` : text.french,
                      })}
                      hint={
                        example ? t("translations.correctionHint", { example: `${example}}` }) : undefined
                      }
                      value={text.corrected ?? text.machine}
                      lang={locale}
                      dir={directionOf(locale)}
                    />
                  </li>
                );
              })}
            </ol>
          </Card>
        </>
      )}
    </div>
  );
}
