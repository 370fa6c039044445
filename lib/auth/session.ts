import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { readSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { loadActor, loadSupportActor, type Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/permissions";

// The acting person of a request, from the next-auth session (services only see an Actor).
export const COOPERATIVE_COOKIE = "portail_coop";

// Who is signed in and which cooperative they are looking at. The session is next-auth's JWT
// cookie, decoded directly: what getServerSession does for a read, without rebuilding a whole
// next-auth request on every page and every ballot.
export type Session = { personId: string; sessionVersion: number; preferredCooperativeId: string | null };

export const getSession = cache(async (): Promise<Session | null> => {
  const jar = await cookies();
  const raw = jar.get("__Secure-next-auth.session-token")?.value ?? jar.get("next-auth.session-token")?.value;
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const token = await readSessionToken(raw, secret);
  const personId = typeof token?.sub === "string" ? token.sub : null;
  if (!personId) return null;
  // Sessions opened before versions existed carry none: version 0, the column's default.
  const sessionVersion = typeof token?.sv === "number" ? token.sv : 0;
  return { personId, sessionVersion, preferredCooperativeId: jar.get(COOPERATIVE_COOKIE)?.value ?? null };
});

// Resolved once per request from the session.
// A session whose version is behind the person's (a new password, « Se déconnecter partout »,
// an erasure, an archive) is over: signed out on its next request.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getSession();
  if (!session) return null;
  const preferred = session.preferredCooperativeId ?? undefined;
  const actor = await loadActor(session.personId, preferred);
  // The network's operator, in a cooperative it is no member of, on its coordinator's grant.
  const support =
    preferred && actor?.cooperativeId !== preferred
      ? await loadSupportActor(session.personId, preferred)
      : null;
  const acting = support ?? actor;
  return acting && acting.sessionVersion === session.sessionVersion ? acting : null;
});

// For pages and actions: signed out goes to the sign-in page, no right gives a 403.
export async function requireActor(action?: Action): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    // The network's operator, member of no cooperative, has pages of their own.
    const session = await getSession();
    const person = session
      ? await db.person.findUnique({ where: { id: session.personId }, select: { isOperator: true } })
      : null;
    redirect(person?.isOperator ? "/exploitation" : "/connexion");
  }
  if (action && !can(actor.roles, action)) forbidden();
  return actor;
}
