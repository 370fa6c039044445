import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { getActor, requireActor } from "@/lib/auth/session";
import { isId } from "@/lib/action-input";
import { eventFor } from "@/lib/events/service";
import { eventWhen } from "@/lib/events/when";
import { DATA_LANG } from "@/lib/i18n/config";
import { PrintButton } from "@/components/print-button";
import { TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return objectTitled("eventPrint", "events", async () => {
    const actor = await getActor();
    return actor && isId(id) ? (await eventFor(actor, id))?.event.title : null;
  });
}

// The list for the door, on paper: a box to tick per person, dated. Names only: a sheet left on a
// table shows nobody's phone or e-mail.
export default async function PrintListPage({ params }: Props) {
  const actor = await requireActor("event.manage");
  const { id } = await params;
  const found = isId(id) ? await eventFor(actor, id) : null;
  if (!found) notFound();
  const { event, signups } = found;
  const [t, format, locale] = await Promise.all([getTranslations("events"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <TextLink href={`/evenements/${event.id}`}>← {event.title}</TextLink>
        <PrintButton label={t("print")} />
      </div>
      <h1 className="text-2xl font-bold" lang={DATA_LANG}>
        {event.title}
      </h1>
      <p>
        {eventWhen(event, locale)}
        {event.place ? ` · ${event.place}` : ""}
      </p>
      <p>{t("arrived", { present: signups.filter((s) => s.checkedInAt).length, total: signups.length })}</p>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("signups")}</caption>
        <thead>
          <tr className="border-b-2 border-stone-800">
            <th scope="col" className="w-14 p-2">
              {t("columns.here")}
            </th>
            <th scope="col" className="p-2">
              {t("columns.name")}
            </th>
            <th scope="col" className="p-2">
              {t("columns.source")}
            </th>
          </tr>
        </thead>
        <tbody>
          {signups.map((row) => (
            <tr key={row.id} className="border-b border-stone-300">
              <td
                className="p-2 text-xl"
                aria-label={row.checkedInAt ? t("hereOf", { name: row.name }) : undefined}
              >
                {row.checkedInAt ? "☑" : "☐"}
              </td>
              <td className="p-2 font-medium">{row.name || t("forgotten")}</td>
              <td className="p-2">{t(`sources.${row.source}`)}</td>
            </tr>
          ))}
          {/* A few empty lines for who comes without having signed up. */}
          {Array.from({ length: 5 }, (_, i) => (
            <tr key={`blank-${i}`} className="h-10 border-b border-stone-300">
              <td className="p-2 text-xl">☐</td>
              <td className="p-2" />
              <td className="p-2" />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-stone-700">
        {t("printedOn", { date: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}
      </p>
    </div>
  );
}
