import { requireActor } from "@/lib/auth/session";
import { registerTable } from "@/lib/members/export";
import { toCsv, toXlsx } from "@/lib/spreadsheet";
import { dayKey } from "@/lib/dates";
import { readerLocale } from "@/lib/i18n/reader-locale";

export async function GET(request: Request) {
  const actor = await requireActor("member.manage");
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const table = await registerTable(actor, { locale: await readerLocale() });
  const filename = `registre-${actor.cooperativeSlug}-${dayKey(new Date())}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
  if (format === "csv")
    return new Response(toCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await toXlsx(table, "Registre");
  return new Response(new Uint8Array(body), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  });
}
