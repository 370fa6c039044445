import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Internal to the server: no right is checked here. Called inside the transaction of what ends
// a person's sessions or links: a new password (lib/auth/service.ts), an erasure
// (lib/members/privacy.ts), an archive (lib/members/service.ts), a sign-in (lib/auth/options.ts).

// Every session of the person ends on its next request (lib/auth/session.ts compares versions).
export async function endSessionsOf(tx: Prisma.TransactionClient, { personId }: { personId: string }) {
  await tx.person.update({ where: { id: personId }, data: { sessionVersion: { increment: 1 } } });
}

// Every outstanding link that would let someone choose the password or sign in by e-mail: resets,
// invitations, sign-in links.
export async function endPasswordLinksOf(
  tx: Prisma.TransactionClient,
  { personId, email, now = new Date() }: { personId: string; email: string | null; now?: Date },
) {
  await tx.passwordResetToken.updateMany({ where: { personId, usedAt: null }, data: { usedAt: now } });
  if (email) await tx.verificationToken.deleteMany({ where: { identifier: email.toLowerCase() } });
}
