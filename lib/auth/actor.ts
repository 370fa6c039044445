import "server-only";
import { db } from "@/lib/db";
import { can, rolesOf, type Action, type Role } from "@/lib/auth/permissions";

// The person acting, in the cooperative they are looking at, with the roles they hold today.
export type Actor = {
  personId: string;
  name: string;
  email: string | null;
  locale: string;
  membershipId: string;
  cooperativeId: string;
  cooperativeName: string;
  cooperativeSlug: string;
  roles: Role[];
  otherCooperatives: { id: string; name: string }[];
};

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super(`Forbidden: ${action}`);
  }
}

export async function loadActor(personId: string, preferredCooperativeId?: string, day = new Date()): Promise<Actor | null> {
  const person = await db.person.findUnique({
    where: { id: personId },
    include: {
      memberships: {
        where: { status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        include: {
          cooperative: true,
          mandates: { include: { body: { select: { kind: true } } } },
        },
      },
    },
  });
  if (!person || person.memberships.length === 0) return null;
  const membership = person.memberships.find((m) => m.cooperativeId === preferredCooperativeId) ?? person.memberships[0]!;
  const mandates = membership.mandates.map((m) => ({ bodyKind: m.body.kind, role: m.role, startsOn: m.startsOn, endsOn: m.endsOn }));
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    locale: person.locale,
    membershipId: membership.id,
    cooperativeId: membership.cooperativeId,
    cooperativeName: membership.cooperative.name,
    cooperativeSlug: membership.cooperative.slug,
    roles: rolesOf(membership, mandates, day),
    otherCooperatives: person.memberships
      .filter((m) => m.id !== membership.id)
      .map((m) => ({ id: m.cooperativeId, name: m.cooperative.name })),
  };
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.roles, action)) throw new ForbiddenError(action);
}
