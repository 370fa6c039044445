// People and cooperatives a test needs, each made for it (and the demo's, signed in by name).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { db } from "@/lib/db";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/service";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { keyedToken } from "@/lib/links/keyed-token";

export const PASSWORD = "un-mot-de-passe-solide";
let passwordHash: string | null = null;

export async function createCooperative(name = "Coopérative de test") {
  const slug = `coop-${randomUUID().slice(0, 8)}`;
  const cooperative = await db.cooperative.create({ data: { slug, name, statutes: { create: {} } } });
  const council = await db.body.create({
    data: { cooperativeId: cooperative.id, kind: "COUNCIL", name: "Conseil coopératif", slug: "conseil" },
  });
  return { cooperative, council };
}

export async function createMember(
  cooperativeId: string,
  options: {
    name?: string;
    email?: string;
    isCoordinator?: boolean;
    kind?: "ASSOCIATE" | "GUEST";
    status?: "ACTIVE" | "ARCHIVED";
  } = {},
) {
  passwordHash ??= await hash(PASSWORD);
  const email = options.email ?? `${randomUUID().slice(0, 8)}@exemple.org`;
  const person = await db.person.create({
    data: { name: options.name ?? "Camille Test", email, passwordHash },
  });
  const membership = await db.membership.create({
    data: {
      cooperativeId,
      personId: person.id,
      isCoordinator: options.isCoordinator ?? false,
      kind: options.kind ?? "ASSOCIATE",
      status: options.status ?? "ACTIVE",
    },
  });
  return { person, membership, email };
}

export async function actorFor(personId: string, cooperativeId?: string): Promise<Actor> {
  const actor = await loadActor(personId, cooperativeId);
  if (!actor) throw new Error("no active membership");
  return actor;
}

// A person of the demo cooperative signed in with the demo password, as the portal resolves
// them: "paul.martin" or "paul.martin@demo.portail-scic.fr".
export async function signInAs(who: string): Promise<Actor> {
  const email = who.includes("@") ? who : `${who}@demo.portail-scic.fr`;
  const result = await verifyCredentials(email, DEMO_PASSWORD, null);
  if (!result.ok) throw new Error(`cannot sign in as ${email}`);
  return actorFor(result.personId);
}

// The calendar link a member is given (the database keeps only its seed).
export function calendarToken(membership: { id: string; calendarSeed: string }): string {
  return keyedToken("calendar", { id: membership.id, seed: membership.calendarSeed });
}
