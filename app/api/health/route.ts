import { health } from "@/lib/health";

export const dynamic = "force-dynamic";

// 200 when PostgreSQL answers and the migrations are applied, 503 otherwise.
export async function GET() {
  const state = await health();
  return Response.json(state, { status: state.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
