import QRCode from "qrcode";
import { requireActor } from "@/lib/auth/session";
import { bookletForPrint, settingsOf } from "@/lib/booklet/service";
import { BOOKLET_THEMES } from "@/lib/booklet/rules";
import { bookletPdf } from "@/lib/pdf";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { translator } from "@/lib/i18n/translator";
import { dateIn } from "@/lib/minutes/printable";
import { dayKey } from "@/lib/dates";
import { siteUrl } from "@/lib/site-url";

// The booklet to print: by theme (an entry under each of its themes; those with none under « Autre »),
// dated, with the QR code to the online booklet (the public page when published, else the
// members' page).
// `?format=a5`: the small booklet, A5 pages to print two per sheet and fold.
export async function GET(request: Request) {
  const actor = await requireActor("booklet.read");
  const a5 = new URL(request.url).searchParams.get("format") === "a5";
  const locale = await readerLocale();
  const t = translator(locale);
  const [entries, settings] = await Promise.all([bookletForPrint(actor), settingsOf(actor.cooperativeId)]);
  const url = settings.public ? `${siteUrl()}/i/${actor.cooperativeSlug}/carnet` : `${siteUrl()}/carnet`;
  const qrPng = await QRCode.toBuffer(url, { type: "png", margin: 1, width: 300, errorCorrectionLevel: "M" });
  const line = (e: (typeof entries)[number]) => ({
    name: e.name,
    description: e.description,
    lines: [
      [e.address, e.place].filter(Boolean).join(", "),
      e.hoursText ?? "",
      [e.phone, e.email, e.website].filter(Boolean).join(" · "),
      e.languages.length ? t("booklet.languages", { languages: e.languages.join(", ") }) : "",
      [
        e.walkIn ? t("booklet.walkIn") : "",
        e.wheelchair ? t("booklet.wheelchair") : "",
        e.childrenWelcome ? t("booklet.children") : "",
      ]
        .filter(Boolean)
        .join(" · "),
      e.cost ? t("booklet.cost", { cost: e.cost }) : "",
    ].filter(Boolean),
    stale: e.stale ? t("booklet.stale", { months: settings.staleMonths }) : null,
    checked: t("booklet.verifiedOn", { date: dateIn(e.verifiedAt, locale) }),
  });
  const sections = [
    ...BOOKLET_THEMES.map((theme) => ({
      theme: t(`booklet.themes.${theme}`),
      entries: entries
        .filter((e) => e.themes.includes(theme) || (theme === "other" && e.themes.length === 0))
        .map(line),
    })),
  ].filter((s) => s.entries.length);
  const pdf = await bookletPdf({
    title: `${t("booklet.title")} – ${actor.cooperativeName}`,
    subtitle: t("booklet.printedOn", { date: dateIn(new Date(), locale) }),
    online: { label: t("booklet.onlineAt"), url },
    qrPng,
    sections,
    lang: locale === "en" ? "en-GB" : "fr-FR",
    size: a5 ? "A5" : "A4",
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="carnet-${actor.cooperativeSlug}-${dayKey(new Date())}${a5 ? "-a5" : ""}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
