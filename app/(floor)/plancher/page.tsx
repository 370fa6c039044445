import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Plancher" };

// The benchmarks' floor (npm run bench:pages, bench:weight): an App Router page with no data of
// its own and no client component, behind the same proxy and session check as every member page.
// What any page costs before it reads or shows anything.
export default async function FloorPage() {
  await requireActor();
  return (
    <main className="p-4">
      <p>Portail SCIC</p>
    </main>
  );
}
