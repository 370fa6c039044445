import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: the operator's « new cooperative » calls it in its transaction. A new
// cooperative starts from the law's defaults (StatuteSettings' column defaults: quorums,
// majorities, proxies); its coordinator adapts them to its statutes in « Collèges et statuts ».
export async function createCooperativeRecord(
  tx: Prisma.TransactionClient,
  data: { name: string; shortName: string | null; city: string | null; slug: string },
) {
  return tx.cooperative.create({ data: { ...data, statutes: { create: {} } } });
}
