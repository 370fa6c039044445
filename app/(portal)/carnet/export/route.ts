import { requireActor } from "@/lib/auth/session";
import { bookletTable } from "@/lib/booklet/spreadsheet";
import { toCsv, toXlsx } from "@/lib/spreadsheet";
import { dayKey } from "@/lib/dates";

// The booklet as the spreadsheet it came from (the import's columns, formula cells neutralised).
export async function GET(request: Request) {
  const actor = await requireActor("booklet.manage");
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const table = await bookletTable(actor);
  const filename = `carnet-${actor.cooperativeSlug}-${dayKey(new Date())}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
  if (format === "csv")
    return new Response(toCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  return new Response(new Uint8Array(await toXlsx(table, "Carnet")), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  });
}
