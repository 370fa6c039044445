import "server-only";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { demoEnabled } from "@/lib/demo";
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
  // Also runs the portal for the network (lib/operator).
  isOperator: boolean;
  // The demo cooperative (a band on every page says so).
  cooperativeIsDemo: boolean;
  // Suspended by the operator: its message; the cooperative is read-only (lib/action.ts).
  cooperativeSuspension: string | null;
  // The network's operator reading the cooperative on its coordinator's grant (read-only, until
  // then); null for its members.
  support: { until: Date } | null;
  roles: Role[];
  otherCooperatives: { id: string; name: string }[];
  // The version the person's sessions must carry (lib/auth/session.ts).
  sessionVersion: number;
};

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super(`Forbidden: ${action}`);
  }
}

type ActorRow = {
  personId: string;
  name: string;
  email: string | null;
  locale: string;
  sessionVersion: number;
  isOperator: boolean;
  membershipId: string;
  cooperativeId: string;
  kind: "ASSOCIATE" | "GUEST";
  isCoordinator: boolean;
  cooperativeName: string;
  cooperativeSlug: string;
  isDemo: boolean;
  suspension: string | null;
  mandates: { bodyKind: string; role: string; startsOn: string; endsOn: string | null }[];
};

// One round trip (every page and every ballot starts here): the person's active memberships,
// oldest first, with their cooperative and mandates. Straight on the pool (lib/db.ts, readRows).
export async function loadActor(
  personId: string,
  preferredCooperativeId?: string,
  day = new Date(),
): Promise<Actor | null> {
  const rows = await readRows<ActorRow>(Prisma.sql`
    SELECT p.id AS "personId", COALESCE(m."displayName", p.name) AS name, p.email, p.locale, p."sessionVersion", p."isOperator", m.id AS "membershipId", m."cooperativeId", m.kind::text AS kind, m."isCoordinator",
           c.name AS "cooperativeName", c.slug AS "cooperativeSlug", c."isDemo",
           CASE WHEN c."suspendedAt" IS NULL THEN NULL ELSE coalesce(c."suspensionNote", '') END AS suspension,
           COALESCE((SELECT json_agg(json_build_object('bodyKind', b.kind, 'role', md.role, 'startsOn', md."startsOn", 'endsOn', md."endsOn"))
                       FROM "Mandate" md JOIN "Body" b ON b.id = md."bodyId" WHERE md."membershipId" = m.id), '[]'::json) AS mandates
      FROM "Person" p
      JOIN "Membership" m ON m."personId" = p.id AND m.status = 'ACTIVE'
      JOIN "Cooperative" c ON c.id = m."cooperativeId" AND (c."isDemo" = false OR ${demoEnabled()})
     WHERE p.id = ${personId}
     ORDER BY m."createdAt" ASC, m.id ASC`);
  if (rows.length === 0) return null;
  const membership = rows.find((m) => m.cooperativeId === preferredCooperativeId) ?? rows[0]!;
  const mandates = membership.mandates.map((m) => ({
    bodyKind: m.bodyKind,
    role: m.role,
    startsOn: new Date(`${m.startsOn}T00:00:00Z`),
    endsOn: m.endsOn ? new Date(`${m.endsOn}T00:00:00Z`) : null,
  }));
  return {
    personId: membership.personId,
    name: membership.name,
    email: membership.email,
    locale: membership.locale,
    membershipId: membership.membershipId,
    cooperativeId: membership.cooperativeId,
    cooperativeName: membership.cooperativeName,
    cooperativeSlug: membership.cooperativeSlug,
    isOperator: membership.isOperator,
    cooperativeIsDemo: membership.isDemo,
    cooperativeSuspension: membership.suspension,
    support: null,
    roles: rolesOf(
      { kind: membership.kind, isCoordinator: membership.isCoordinator, status: "ACTIVE" },
      mandates,
      day,
    ),
    sessionVersion: membership.sessionVersion,
    otherCooperatives: rows
      .filter((m) => m.membershipId !== membership.membershipId)
      .map((m) => ({ id: m.cooperativeId, name: m.cooperativeName })),
  };
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.roles, action)) throw new ForbiddenError(action);
}

// The network's operator, reading a cooperative whose coordinator granted support access that
// is still running: sees what its coordinator sees, changes nothing (lib/action.ts refuses every
// action that needs a right of the cooperative while `support` is set).
export async function loadSupportActor(
  personId: string,
  cooperativeId: string,
  now = new Date(),
): Promise<Actor | null> {
  const [row] = await db.$queryRaw<
    {
      name: string;
      email: string | null;
      locale: string;
      sessionVersion: number;
      cooperativeName: string;
      cooperativeSlug: string;
      isDemo: boolean;
      suspension: string | null;
      until: Date;
    }[]
  >`
    SELECT p.name, p.email, p.locale, p."sessionVersion", c.name AS "cooperativeName", c.slug AS "cooperativeSlug",
           c."isDemo", CASE WHEN c."suspendedAt" IS NULL THEN NULL ELSE coalesce(c."suspensionNote", '') END AS suspension,
           max(g."expiresAt") AS until
      FROM "Person" p
      JOIN "SupportGrant" g ON g."cooperativeId" = ${cooperativeId} AND g."revokedAt" IS NULL AND g."expiresAt" > ${now}
      JOIN "Cooperative" c ON c.id = g."cooperativeId" AND (c."isDemo" = false OR ${demoEnabled()})
     WHERE p.id = ${personId} AND p."isOperator"
     GROUP BY p.id, c.id`;
  if (!row) return null;
  return {
    personId,
    name: row.name,
    email: row.email,
    locale: row.locale,
    membershipId: "",
    cooperativeId,
    cooperativeName: row.cooperativeName,
    cooperativeSlug: row.cooperativeSlug,
    isOperator: true,
    cooperativeIsDemo: row.isDemo,
    cooperativeSuspension: row.suspension,
    support: { until: row.until },
    roles: ["coordinator"],
    sessionVersion: row.sessionVersion,
    otherCooperatives: [],
  };
}
