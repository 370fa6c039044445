import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/session";
import { createPasswordLink, endAllSessions, endLinksAtSignIn, resetPassword } from "@/lib/auth/service";
import { erasePerson } from "@/lib/members/privacy";
import { setArchived } from "@/lib/members/service";
import { castOwnBallot } from "@/lib/votes/cast";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildQuestion } from "@/tests/factories/votes";

// Sessions end when they should (issue 15, 4): a new password, « Se déconnecter partout », an
// erasure, the last membership archived. A session cookie stolen or left on a shared computer
// is then worth nothing, on every page and at the ballot box; and a reset or a sign-in ends the
// other links that would let someone choose the password.

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  }),
}));

// The cookie a sign-in gave at that moment (the session version it carried).
async function cookieOf(personId: string) {
  const { sessionVersion } = await db.person.findUniqueOrThrow({ where: { id: personId } });
  return encode({ token: { sub: personId, sv: sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
}
const useCookie = (cookie: string) => jar.set("next-auth.session-token", cookie);
const linkToken = (url: string) => new URL(url).searchParams.get("token")!;

let cooperativeId: string;
beforeEach(async () => {
  jar.clear();
  cooperativeId = (await createCooperative("Coopérative des sessions")).cooperative.id;
});

describe("a session ends", () => {
  it("when the password is reset: every session, and every other reset or invitation link", async () => {
    const { person } = await createMember(cooperativeId, { name: "Awa Touré" });
    const stolen = await cookieOf(person.id);
    useCookie(stolen);
    expect((await getActor())?.personId).toBe(person.id);

    const invitation = await createPasswordLink(person.id, "http://portail.test", 14 * 86_400_000);
    const reset = await createPasswordLink(person.id, "http://portail.test", 3_600_000);
    const password = "un-nouveau-mot-de-passe";
    expect(await resetPassword({ token: linkToken(reset), password, confirm: password })).toEqual({
      ok: true,
      data: null,
    });
    useCookie(stolen);
    expect(await getActor()).toBeNull();
    useCookie(await cookieOf(person.id));
    expect((await getActor())?.personId).toBe(person.id);
    // The invitation sent earlier no longer chooses the password.
    expect(await resetPassword({ token: linkToken(invitation), password, confirm: password })).toEqual({
      ok: false,
      error: "tokenInvalid",
    });
  });

  it("everywhere when the person asks, at the ballot box too", async () => {
    const { person, membership } = await createMember(cooperativeId, { name: "Paul Martin" });
    const { council } = await createCooperative("autre");
    const question = await buildQuestion({ cooperativeId, bodyId: council.id, status: "OPEN" });
    const stolen = await cookieOf(person.id);
    useCookie(stolen);
    const actor = (await getActor())!;
    expect(actor.membershipId).toBe(membership.id);
    await endAllSessions(actor);
    expect(await getActor()).toBeNull();
    expect(
      await castOwnBallot({
        personId: person.id,
        sessionVersion: 0,
        preferredCooperativeId: cooperativeId,
        questionId: question.id,
        choice: "FOR",
      }),
    ).toEqual({ ok: false, reason: "signedOut" });
    expect(
      await db.auditEntry.count({ where: { action: "person.signedOutEverywhere", actorId: person.id } }),
    ).toBe(1);
  });

  it("when the person is erased", async () => {
    const coordinator = await createMember(cooperativeId, { isCoordinator: true });
    const { person, membership } = await createMember(cooperativeId, { name: "Inès Morel" });
    const stolen = await cookieOf(person.id);
    expect((await erasePerson(await actorFor(coordinator.person.id), membership.id)).ok).toBe(true);
    useCookie(stolen);
    expect(await getActor()).toBeNull();
  });

  it("when the last membership is archived, not while another cooperative still counts them", async () => {
    const other = await createCooperative("Centre voisin");
    const coordinator = await actorFor(
      (await createMember(cooperativeId, { isCoordinator: true })).person.id,
    );
    const { person, membership } = await createMember(cooperativeId, { name: "Louise Perrin" });
    const elsewhere = await db.membership.create({
      data: { cooperativeId: other.cooperative.id, personId: person.id },
    });
    const session = await cookieOf(person.id);
    expect((await setArchived(coordinator, membership.id, true)).ok).toBe(true);
    useCookie(session);
    expect((await getActor())?.membershipId).toBe(elsewhere.id); // still a member there
    const otherCoordinator = await actorFor(
      (await createMember(other.cooperative.id, { isCoordinator: true })).person.id,
    );
    expect((await setArchived(otherCoordinator, elsewhere.id, true)).ok).toBe(true);
    useCookie(session);
    expect(await getActor()).toBeNull();
  });
});

describe("a sign-in", () => {
  it("ends the reset and invitation links still outstanding", async () => {
    const { person } = await createMember(cooperativeId, { name: "Marc Beaulieu" });
    const link = await createPasswordLink(person.id, "http://portail.test", 3_600_000);
    await endLinksAtSignIn(person.id);
    const password = "encore-un-mot-de-passe";
    expect(await resetPassword({ token: linkToken(link), password, confirm: password })).toEqual({
      ok: false,
      error: "tokenInvalid",
    });
  });
});
