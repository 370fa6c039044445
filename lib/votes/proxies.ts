import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import { mayHoldProxy, proxyCap, type ProxyRefusal } from "@/lib/votes/eligibility";
import { shownName } from "@/lib/members/names";

export type ProxyResult = Result<
  null,
  ProxyRefusal | "notFound" | "notAssembly" | "alreadyGiven" | "votingStarted"
>;

// A proxy changes hands only before the assembly's first vote opens: after, a vote may already
// have been cast with it.
async function votingStarted(meetingId: string) {
  return (await db.voteQuestion.count({ where: { meetingId, status: { not: "DRAFT" } } })) > 0;
}

async function memberFacts({
  cooperativeId,
  membershipId,
  meetingId,
  day,
}: {
  cooperativeId: string;
  membershipId: string;
  meetingId: string;
  day: Date;
}) {
  const m = await db.membership.findFirst({
    where: { id: membershipId, cooperativeId, status: "ACTIVE" },
    include: {
      categoryAssignments: { include: { category: { select: { name: true, collegeId: true } } } },
      proxiesGiven: { where: { meetingId, revokedAt: null } },
      proxiesHeld: { where: { meetingId, revokedAt: null } },
    },
  });
  if (!m) return null;
  const held = categoryOn(spansOf(m.categoryAssignments), day);
  const collegeId = held
    ? (m.categoryAssignments.find((a) => a.categoryId === held.categoryId)?.category.collegeId ?? null)
    : null;
  return {
    id: m.id,
    kind: m.kind,
    collegeId,
    held: m.proxiesHeld.length,
    gaveProxy: m.proxiesGiven.length > 0,
  };
}

// A member gives their proxy for a general assembly to another associé·e, within the statutes'
// cap and college rule. The coordinator may record a paper proxy for someone (grantorId).
export async function grantProxy(
  actor: Actor,
  {
    meetingId,
    holderId,
    grantorId = actor.membershipId,
  }: { meetingId: string; holderId: string; grantorId?: string },
): Promise<ProxyResult> {
  authorize(actor, "vote.castAssembly");
  if (grantorId !== actor.membershipId) authorize(actor, "vote.manage");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    include: { body: true },
  });
  if (!meeting) return { ok: false, error: "notFound" };
  if (meeting.body.kind !== "GENERAL_ASSEMBLY") return { ok: false, error: "notAssembly" };
  const [grantor, holder, statutes, memberCount] = await Promise.all([
    memberFacts({
      cooperativeId: actor.cooperativeId,
      membershipId: grantorId,
      meetingId: meeting.id,
      day: meeting.startsAt,
    }),
    memberFacts({
      cooperativeId: actor.cooperativeId,
      membershipId: holderId,
      meetingId: meeting.id,
      day: meeting.startsAt,
    }),
    db.statuteSettings.findUnique({ where: { cooperativeId: actor.cooperativeId } }),
    db.membership.count({
      where: { cooperativeId: actor.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
    }),
  ]);
  if (!grantor || !holder) return { ok: false, error: "notFound" };
  if (grantor.gaveProxy) return { ok: false, error: "alreadyGiven" };
  const cap = proxyCap(
    statutes?.proxyCapRule ?? "LEGAL_DEFAULT",
    statutes?.proxyCapFixed ?? null,
    memberCount,
  );
  const allowed = mayHoldProxy(grantor, holder, { sameCollege: statutes?.proxySameCollege ?? false, cap });
  if (!allowed.ok) return { ok: false, error: allowed.reason };
  try {
    await db.$transaction(async (tx) => {
      // Re-counted under a lock on the holder, so two proxies given at once cannot pass the cap.
      await tx.$queryRaw`SELECT id FROM "Membership" WHERE id = ${holder.id} FOR UPDATE`;
      const held = await tx.proxy.count({
        where: { meetingId: meeting.id, holderId: holder.id, revokedAt: null },
      });
      if (held >= cap) throw Object.assign(new Error("overCap"), { code: "OVER_CAP" });
      await tx.proxy.deleteMany({ where: { meetingId: meeting.id, grantorId, revokedAt: { not: null } } });
      const proxy = await tx.proxy.create({
        data: { cooperativeId: actor.cooperativeId, meetingId: meeting.id, grantorId, holderId: holder.id },
      });
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "proxy.granted",
        entityType: "Proxy",
        entityId: proxy.id,
        after: { grantorId, holderId },
      });
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "OVER_CAP") return { ok: false, error: "overCap" };
    if (code === "P2002") return { ok: false, error: "alreadyGiven" };
    throw error;
  }
  return { ok: true, data: null };
}

// The members whose proxy this actor holds for a meeting (they cast one ballot for each).
export async function proxiesHeldBy(actor: Actor, meetingId: string) {
  return db.proxy.findMany({
    where: { cooperativeId: actor.cooperativeId, meetingId, holderId: actor.membershipId, revokedAt: null },
    include: { grantor: { select: { displayName: true, person: { select: { name: true } } } } },
  });
}

// What a member of an assembly sees of proxies on its page: whose proxy they gave and whose they
// hold, whether it can still change, and to whom they may give theirs.
export async function proxySituation(actor: Actor, meetingId: string) {
  authorize(actor, "vote.castAssembly");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, cooperativeId: actor.cooperativeId },
    select: { id: true, body: { select: { kind: true } } },
  });
  if (!meeting || meeting.body.kind !== "GENERAL_ASSEMBLY") return null;
  const [given, held, started, candidates] = await Promise.all([
    db.proxy.findFirst({
      where: { meetingId, grantorId: actor.membershipId, revokedAt: null },
      include: { holder: { select: { displayName: true, person: { select: { name: true } } } } },
    }),
    proxiesHeldBy(actor, meetingId),
    votingStarted(meetingId),
    proxyCandidates(actor),
  ]);
  return {
    // A blank proxy (no holder) follows the council's line, as the statutes say.
    given: given ? { to: given.holder ? shownName(given.holder) : null } : null,
    heldFor: held.map((p) => shownName(p.grantor)),
    mayChange: !started,
    candidates,
  };
}

// The grantor takes their proxy back, until the assembly's first vote opens.
export async function revokeProxy(actor: Actor, meetingId: string): Promise<ProxyResult> {
  authorize(actor, "vote.castAssembly");
  const proxy = await db.proxy.findFirst({
    where: { cooperativeId: actor.cooperativeId, meetingId, grantorId: actor.membershipId, revokedAt: null },
  });
  if (!proxy) return { ok: false, error: "notFound" };
  if (await votingStarted(meetingId)) return { ok: false, error: "votingStarted" };
  const revoked = await db.$transaction(async (tx) => {
    // The meeting's questions, held as they are until this commits: a vote opening at this very
    // moment waits, or has opened already and the proxy stays.
    const questions = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "VoteQuestion" WHERE "meetingId" = ${meetingId} FOR SHARE`;
    if (questions.some((q) => q.status !== "DRAFT")) return false;
    await tx.proxy.update({ where: { id: proxy.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "proxy.revoked",
      entityType: "Proxy",
      entityId: proxy.id,
      before: { grantorId: proxy.grantorId, holderId: proxy.holderId },
    });
    return true;
  });
  if (!revoked) return { ok: false, error: "votingStarted" };
  return { ok: true, data: null };
}

// Who may hold this member's proxy: any other active associé·e (grantProxy checks the statutes'
// cap and college rule when the proxy is given).
export async function proxyCandidates(actor: Actor): Promise<{ id: string; name: string }[]> {
  authorize(actor, "vote.castAssembly");
  const members = await db.membership.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      status: "ACTIVE",
      kind: "ASSOCIATE",
      id: { not: actor.membershipId },
    },
    orderBy: { person: { name: "asc" } },
    select: { id: true, displayName: true, person: { select: { name: true } } },
  });
  return members.map((m) => ({ id: m.id, name: shownName(m) }));
}
