import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: every cooperative has a council and a general assembly from its first
// day (loi 47-1775; the council's seats are set in « Instances et mandats »).
export async function createFirstBodies(tx: Prisma.TransactionClient, cooperativeId: string) {
  await tx.body.create({
    data: { cooperativeId, kind: "COUNCIL", name: "Conseil coopératif", slug: "conseil" },
  });
  await tx.body.create({
    data: {
      cooperativeId,
      kind: "GENERAL_ASSEMBLY",
      name: "Assemblée générale",
      slug: "ag",
      votesByCollege: true,
    },
  });
}
