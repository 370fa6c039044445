import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { bookletSettings } from "@/lib/booklet/service";
import { bookletSettingsAction, importBookletAction } from "@/lib/booklet/actions";
import { BookletSettingsForm, ImportBookletForm } from "@/components/booklet-forms";
import { Card, PageTitle, TextLink } from "@/components/ui";
import { siteUrl } from "@/lib/site-url";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("bookletManage");
}

// Files, not pages (a PDF, a spreadsheet): plain links, which the browser downloads.
const FILES = {
  pdf: "/carnet/livret",
  a5: "/carnet/livret?format=a5",
  csv: "/carnet/export",
  xlsx: "/carnet/export?format=xlsx",
};

// The coordinator's side of the booklet: print it, take it to and from the spreadsheet, say
// when an entry is old and whether the neighbourhood may read it.
export default async function BookletManagePage() {
  const actor = await requireActor("booklet.manage");
  const [settings, t] = await Promise.all([bookletSettings(actor), getTranslations("booklet")]);
  const publicUrl = `${siteUrl()}/i/${actor.cooperativeSlug}/carnet`;
  const link = "inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2";
  return (
    <div className="space-y-6">
      <TextLink href="/carnet">← {t("back")}</TextLink>
      <PageTitle>{t("manage")}</PageTitle>
      <Card title={t("print")}>
        <p className="text-stone-700">{t("printHint")}</p>
        <p className="flex flex-wrap gap-x-6">
          <a href={FILES.pdf} className={link}>
            {t("print")}
          </a>
          <a href={FILES.a5} className={link}>
            {t("printA5")}
          </a>
        </p>
      </Card>
      <Card title={t("import")}>
        <ImportBookletForm action={importBookletAction} />
        <p className="mt-3 flex flex-wrap gap-x-6">
          <a href={FILES.csv} className={link}>
            {t("export")}
          </a>
          <a href={FILES.xlsx} className={link}>
            {t("exportXlsx")}
          </a>
        </p>
      </Card>
      <Card title={t("settings")}>
        <BookletSettingsForm action={bookletSettingsAction} initial={settings} />
        {settings.public ? (
          <p className="mt-3 break-all">
            <a href={publicUrl} className={link}>
              {t("publicLink", { url: publicUrl.replace(/^https?:\/\//, "") })}
            </a>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
