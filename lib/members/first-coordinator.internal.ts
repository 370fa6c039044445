import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: the first coordinator of a cooperative the operator creates. Someone
// who already has an account (another cooperative, the operator) keeps it, and its own name:
// the name typed shows in this cooperative only.
export async function addFirstCoordinator(
  tx: Prisma.TransactionClient,
  { cooperativeId, email, name }: { cooperativeId: string; email: string; name: string },
) {
  const known = await tx.person.findUnique({ where: { email } });
  const person = known ?? (await tx.person.create({ data: { email, name } }));
  const membership = await tx.membership.create({
    data: {
      cooperativeId,
      personId: person.id,
      isCoordinator: true,
      kind: "ASSOCIATE",
      displayName: known && known.name !== name ? name : null,
      invitedAt: new Date(),
    },
  });
  const owned = Boolean(known && (known.passwordHash || known.emailVerifiedAt));
  return { personId: person.id, membershipId: membership.id, owned };
}
