import { requireActor } from "@/lib/auth/session";
import { RECIPIENT_FILTERS, recipientsTable, type RecipientFilter } from "@/lib/newsletter/recipients";
import { toCsv, toXlsx } from "@/lib/spreadsheet";
import { dayKey } from "@/lib/dates";
import { queryText } from "@/lib/action-input";
import { readerLocale } from "@/lib/i18n/reader-locale";

// The recipients of the list's filter, as CSV or XLSX (formula cells neutralised).
export async function GET(request: Request) {
  const actor = await requireActor("newsletter.manage");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const asked = params.get("filtre");
  const filter = RECIPIENT_FILTERS.includes(asked as RecipientFilter) ? (asked as RecipientFilter) : "all";
  const q = queryText(params.get("q") ?? undefined) ?? "";
  const table = await recipientsTable(actor, { filter, q, locale: await readerLocale() });
  const filename = `destinataires-${actor.cooperativeSlug}-${dayKey(new Date())}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
  if (format === "csv")
    return new Response(toCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await toXlsx(table, "Destinataires");
  return new Response(new Uint8Array(body), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  });
}
