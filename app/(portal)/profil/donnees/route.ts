import { requireActor } from "@/lib/auth/session";
import { exportMyData } from "@/lib/members/privacy";
import { dayKey } from "@/lib/dates";

export async function GET() {
  const actor = await requireActor("home.view");
  const data = await exportMyData(actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-portail-scic-${dayKey(new Date())}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
