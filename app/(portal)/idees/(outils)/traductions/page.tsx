import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { correctableLocales, directionOf, LANGUAGE_NAMES } from "@/lib/i18n/public-locales";
import {
  isCorrectable,
  isTranslationPart,
  partOf,
  TRANSLATION_PARTS,
  translationsFor,
} from "@/lib/ideas/translations";
import { correctTranslationAction, restoreTranslationAction } from "@/lib/ideas/actions";
import { TranslationForm } from "@/components/idea-forms";
import Link from "@/components/link";
import { Card, Empty, PageTitle, TextLink, buttonClass, inputClass } from "@/components/ui";
import { DATA_LANG } from "@/lib/i18n/config";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("translations");
}

type Props = { searchParams: Promise<{ langue?: string | string[]; partie?: string | string[] }> };

// The public path's languages that started as machine translations: each text beside the French,
// corrected for this cooperative's public page, poster and answer e-mails; one part of the public
// path at a time.
export default async function TranslationsPage({ searchParams }: Props) {
  const actor = await requireActor("idea.moderate");
  const t = await getTranslations("ideas");
  const locales = correctableLocales();
  const { langue: asked, partie } = await searchParams;
  const locale = isCorrectable(asked) ? asked : locales[0];
  const part = isTranslationPart(partie) ? partie : TRANSLATION_PARTS[0];
  const all = locale ? await translationsFor(actor, locale) : [];
  const corrected = all.filter((x) => x.corrected !== null).length;
  const texts = all.filter((x) => partOf(x.key) === part);
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
            <input type="hidden" name="partie" value={part} />
            <button type="submit" className={buttonClass}>
              {t("translations.show")}
            </button>
          </form>
          <p className="text-stone-700">{t("translations.count", { count: corrected, total: all.length })}</p>
          <nav aria-label={t("translations.parts")} className="flex flex-wrap gap-2">
            {TRANSLATION_PARTS.map((p) => {
              const inPart = all.filter((x) => partOf(x.key) === p);
              return (
                <Link
                  key={p}
                  href={`/idees/traductions?langue=${locale}&partie=${p}`}
                  aria-current={p === part ? "page" : undefined}
                  className={`min-h-11 rounded-full border px-4 py-2 font-medium ${p === part ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white"}`}
                >
                  {t("translations.part", {
                    name: t(`translations.partNames.${p}`),
                    total: inPart.length,
                    corrected: inPart.filter((x) => x.corrected !== null).length,
                  })}
                </Link>
              );
            })}
          </nav>
          <Card title={`${LANGUAGE_NAMES[locale]} · ${t(`translations.partNames.${part}`)}`}>
            {texts.length === 0 ? (
              <Empty>{t("translations.partEmpty")}</Empty>
            ) : (
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
                          text.corrected !== null
                            ? restoreTranslationAction.bind(null, locale, text.key)
                            : null
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
            )}
          </Card>
        </>
      )}
    </div>
  );
}
