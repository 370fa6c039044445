import { requireActor } from "@/lib/auth/session";
import { contactFilter, type Purpose } from "@/lib/contacts/schema";
import { callSheet } from "@/lib/contacts/service";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { translator } from "@/lib/i18n/translator";
import { toCsv } from "@/lib/spreadsheet";
import { dayKey } from "@/lib/dates";

// The call sheet: the people of the list as filtered, with what to say first.
export async function GET(request: Request) {
  const actor = await requireActor("contact.manage");
  const t = translator(await readerLocale());
  const filter = contactFilter(Object.fromEntries(new URL(request.url).searchParams));
  const table = await callSheet(actor, filter, {
    headers: t("contacts.callHeaders").split(";"),
    purpose: (p: Purpose) => t(`contacts.purposes.${p}`),
    say: (name, purposes) => t("contacts.say", { name, purposes }),
  });
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="a-contacter-${actor.cooperativeSlug}-${dayKey(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
