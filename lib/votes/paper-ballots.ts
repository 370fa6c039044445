import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Problem, Result } from "@/lib/form-result";
import { recordAudit } from "@/lib/audit/record";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { mayVote } from "@/lib/votes/eligibility";
import { loadQuestion, questionFacts, voterFacts } from "@/lib/votes/facts";
import type { QuestionFailure } from "@/lib/votes/questions";
import type { PaperRowInput } from "@/lib/votes/schema";
import { tallyRowsData } from "@/lib/votes/tally-rows";
import { shownName } from "@/lib/members/names";
import { compareFrench } from "@/lib/intl";

export type PaperProblem = Problem;
export type PaperResult = Result<null, QuestionFailure>;

// The paper ballots of an assembly, merged with the online ones: who voted on paper (one
// participation each, so a member who voted online cannot be entered again) and the counts per
// college, which must add up to the paper voters of that college. Until the close the entry can
// be corrected: the new one replaces the previous one whole, and the journal keeps both.
export async function recordPaperBallots(
  actor: Actor,
  { questionId, memberIds, rows }: { questionId: string; memberIds: string[]; rows: PaperRowInput[] },
  now = new Date(),
): Promise<PaperResult> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.kind !== "AG_RESOLUTION") return { ok: false, error: "paperNeedsAssembly" };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen" };
  const [previousVoters, previousRows] = await Promise.all([
    db.voteParticipation.findMany({
      where: { questionId: q.id, channel: "PAPER" },
      select: { memberId: true },
    }),
    db.paperTally.findMany({ where: { questionId: q.id } }),
  ]);
  const onPaper = new Set(previousVoters.map((p) => p.memberId));
  const facts = questionFacts(q);
  const problems: PaperProblem[] = [];
  const collegeOf = new Map<string, string | null>();
  const already = new Set(
    (
      await db.voteParticipation.findMany({
        where: { questionId: q.id, memberId: { in: memberIds }, channel: "ONLINE" },
        select: { memberId: true },
      })
    ).map((p) => p.memberId),
  );
  for (const id of new Set(memberIds)) {
    const voter = await voterFacts(q, id, { at: now });
    if (!voter) {
      problems.push({ name: "?", reason: "notFound" });
      continue;
    }
    if (already.has(id)) {
      problems.push({ name: voter.name, reason: "alreadyVoted" });
      continue;
    }
    const eligible = mayVote(facts, voter, now);
    if (!eligible.ok) problems.push({ name: voter.name, reason: eligible.reason });
    else collegeOf.set(id, eligible.collegeId);
  }
  if (problems.length) return { ok: false, error: "paperVoterRefused", problems };
  const colleges = await db.college.findMany({ where: { cooperativeId: actor.cooperativeId } });
  for (const college of colleges) {
    const row = rows.find((r) => r.collegeId === college.id);
    const typed = row ? row.for + row.against + row.abstain + row.blank + row.spoiled : 0;
    const voters = [...collegeOf.values()].filter((c) => c === college.id).length;
    if (typed !== voters) problems.push({ name: college.name, reason: `${typed}/${voters}` });
  }
  if (rows.some((r) => !colleges.some((c) => c.id === r.collegeId)))
    problems.push({ name: "?", reason: "notFound" });
  if (problems.length) return { ok: false, error: "paperCountMismatch", problems };
  const names = new Map(
    (
      await db.membership.findMany({
        where: { id: { in: [...collegeOf.keys()] } },
        select: { id: true, displayName: true, person: { select: { name: true } } },
      })
    ).map((m) => [m.id, shownName(m)]),
  );
  try {
    await db.$transaction(async (tx) => {
      // Still open, and held open until this commits (the close waits: FOR UPDATE).
      const [row] = await tx.$queryRaw<
        { status: string }[]
      >`SELECT status::text AS status FROM "VoteQuestion" WHERE id = ${q.id} FOR SHARE`;
      if (row?.status !== "OPEN") throw Object.assign(new Error("closed meanwhile"), { closed: true });
      // A correction replaces the previous entry whole.
      await tx.voteParticipation.deleteMany({ where: { questionId: q.id, channel: "PAPER" } });
      await tx.paperTally.deleteMany({ where: { questionId: q.id } });
      const taken: string[] = [];
      for (const id of collegeOf.keys()) {
        const inserted = await tx.$executeRaw`
          INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
          VALUES (${actor.cooperativeId}, ${q.id}, ${id}, ${actor.membershipId}, 'PAPER') ON CONFLICT DO NOTHING`;
        if (inserted === 0) taken.push(names.get(id) ?? "?");
      }
      if (taken.length) throw Object.assign(new Error("already voted"), { taken });
      await tx.paperTally.createMany({
        data: tallyRowsData({ cooperativeId: actor.cooperativeId, questionId: q.id }, rows),
      });
      const corrected = onPaper.size > 0 || previousRows.length > 0;
      // A secret vote's journal keeps how many voted on paper, never who with which counts: a
      // correction's two versions side by side would tell one voter's choice.
      const entry = (voters: string[], counts: object[]): Prisma.InputJsonObject =>
        q.secret ? { paperVoters: voters.length } : { voters, rows: counts as Prisma.InputJsonArray };
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: corrected ? "vote.paperCorrected" : "vote.paperEntered",
        entityType: "VoteQuestion",
        entityId: q.id,
        ...(corrected
          ? {
              before: entry(
                [...onPaper],
                previousRows.map((r) => ({
                  collegeId: r.collegeId,
                  for: r.forCount,
                  against: r.againstCount,
                  abstain: r.abstainCount,
                  blank: r.blankCount,
                  spoiled: r.spoiledCount,
                })),
              ),
            }
          : {}),
        after: entry([...collegeOf.keys()], rows),
      });
    });
  } catch (error) {
    if ((error as { closed?: boolean }).closed) return { ok: false, error: "notOpen" };
    const taken = (error as { taken?: string[] }).taken;
    if (taken)
      return {
        ok: false,
        error: "paperVoterRefused",
        problems: taken.map((name) => ({ name, reason: "alreadyVoted" })),
      };
    throw error;
  }
  return { ok: true, data: null };
}

// The associé·es who may still be entered on paper (not yet counted online or on paper).
export async function paperCandidates(actor: Actor, questionId: string) {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q || q.kind !== "AG_RESOLUTION") return [];
  const members = await bodyMembersOn(q.body, q.meeting?.startsAt ?? new Date());
  const participations = await db.voteParticipation.findMany({
    where: { questionId },
    select: { memberId: true, channel: true },
  });
  // Those who voted online are not offered; those entered on paper are, ticked (a correction).
  const voted = new Set(participations.filter((p) => p.channel === "ONLINE").map((p) => p.memberId));
  const onPaper = new Set(participations.filter((p) => p.channel === "PAPER").map((p) => p.memberId));
  const colleges = new Map(
    (await db.college.findMany({ where: { cooperativeId: actor.cooperativeId } })).map((c) => [c.id, c.name]),
  );
  return members
    .filter((m) => !voted.has(m.membershipId))
    .map((m) => ({
      id: m.membershipId,
      name: m.name,
      college: m.collegeId ? (colleges.get(m.collegeId) ?? null) : null,
      onPaper: onPaper.has(m.membershipId),
    }))
    .sort((a, b) => compareFrench(a.name, b.name));
}
