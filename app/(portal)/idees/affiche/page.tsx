import type { Metadata } from "next";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { siteUrl } from "@/lib/site-url";
import { PrintButton } from "@/components/print-button";
import { TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("poster");
}

// For the waiting room: the short link and its QR code, in French and English, to print.
export default async function PosterPage() {
  const actor = await requireActor("idea.moderate");
  const t = await getTranslations("ideas");
  const url = `${siteUrl()}/i/${actor.cooperativeSlug}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <TextLink href="/idees/gestion">← {t("backToManage")}</TextLink>
        <PrintButton label={t("print")} />
      </div>
      <article className="mx-auto max-w-xl space-y-4 rounded-lg border-2 border-stone-900 p-8 text-center print:border-0">
        <h1 className="text-3xl font-bold">Boîte à idées</h1>
        <p className="text-xl" lang="fr">
          Une idée pour le centre de santé ou le quartier ? Dites-la-nous.
        </p>
        <p className="text-lg text-stone-700" lang="en">
          An idea for the health centre or the neighbourhood? Tell us.
        </p>
        <div
          className="mx-auto w-64"
          role="img"
          aria-label={t("qrLabel", { url })}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <p className="break-all font-mono text-xl font-semibold">{url.replace(/^https?:\/\//, "")}</p>
        <p className="text-stone-700">{actor.cooperativeName}</p>
      </article>
    </div>
  );
}
