import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/permissions";

// The acting person of a request, from the next-auth session (services only see an Actor).
export const COOPERATIVE_COOKIE = "portail_coop";

// Resolved once per request from the session.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const personId = session?.user?.id;
  if (!personId) return null;
  const preferred = (await cookies()).get(COOPERATIVE_COOKIE)?.value;
  return loadActor(personId, preferred);
});

// For pages and actions: signed out goes to the sign-in page, no right gives a 403.
export async function requireActor(action?: Action): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/connexion");
  if (action && !can(actor.roles, action)) forbidden();
  return actor;
}
