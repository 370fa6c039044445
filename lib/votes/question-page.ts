import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { myParticipation } from "@/lib/votes/cast";
import { proxiesHeldBy, proxyCandidates } from "@/lib/votes/proxies";
import { questionDetail } from "@/lib/votes/questions";
import { paperCandidates } from "@/lib/votes/paper-ballots";
import { shownName } from "@/lib/members/names";
import { beleniosVoterLists } from "@/lib/votes/belenios";

// Everything a question's page shows to this actor, and what they may do there (the same
// rights the actions check: the page shows a button only to those who hold its right).
export async function questionPage(actor: Actor, questionId: string) {
  const detail = await questionDetail(actor, questionId);
  if (!detail) return null;
  const q = detail.question;
  const assembly = q.kind === "AG_RESOLUTION";
  const may = { manage: can(actor.roles, "vote.manage"), close: can(actor.roles, "vote.close") };
  const [mine, held] = await Promise.all([
    myParticipation(actor, q.id),
    q.meetingId && assembly ? proxiesHeldBy(actor, q.meetingId) : [],
  ]);
  const represented = held.length
    ? await db.voteParticipation.findMany({
        where: { questionId: q.id, memberId: { in: held.map((p) => p.grantorId) } },
        select: { memberId: true },
      })
    : [];
  const candidates =
    assembly && q.status === "OPEN" && q.meetingId && !mine?.voted && detail.eligibility?.ok
      ? await proxyCandidates(actor)
      : [];
  const paperVoters = may.manage && assembly && q.status === "OPEN" ? await paperCandidates(actor, q.id) : [];
  // A Belenios election instead of the online vote: offered while nobody has voted here.
  const belenios =
    may.manage && q.status === "OPEN" && q.kind !== "SHOW_OF_HANDS" && !detail.turnout?.voters
      ? (await db.voteParticipation.count({ where: { questionId: q.id } })) === 0
        ? await beleniosVoterLists(actor, q.id)
        : null
      : null;
  const decision =
    q.status === "CLOSED"
      ? await db.decision.findUnique({
          where: { voteQuestionId: q.id },
          select: { id: true, publishedAt: true },
        })
      : null;
  const tallies = assembly ? await db.paperTally.findMany({ where: { questionId: q.id } }) : [];
  const paperEntered = tallies.length > 0;
  const colleges =
    q.body.kind === "GENERAL_ASSEMBLY" || q.body.votesByCollege
      ? await db.college.findMany({
          where: { cooperativeId: actor.cooperativeId },
          orderBy: { position: "asc" },
          select: { id: true, name: true },
        })
      : [];
  return {
    ...detail,
    may,
    mine,
    held: held.map((p) => ({
      grantorId: p.grantorId,
      name: shownName(p.grantor),
      voted: represented.some((r) => r.memberId === p.grantorId),
    })),
    proxyCandidates: candidates,
    paperVoters,
    paperEntered,
    // The counts entered, as the form's fields (for-0, against-0…), to correct them.
    // (Not for a secret vote: the counts are typed again, not shown back before the close.)
    paperCounts: Object.fromEntries(
      colleges.flatMap((c, i) => {
        if (q.secret) return [];
        const row = tallies.find((r) => r.collegeId === c.id);
        if (!row) return [];
        return [
          [`for-${i}`, String(row.forCount)],
          [`against-${i}`, String(row.againstCount)],
          [`abstain-${i}`, String(row.abstainCount)],
          [`blank-${i}`, String(row.blankCount)],
          [`spoiled-${i}`, String(row.spoiledCount)],
        ];
      }),
    ) as Record<string, string>,
    colleges,
    decisionId: decision?.publishedAt ? decision.id : null,
    belenios:
      belenios?.map((l) => ({ collegeId: l.collegeId, collegeName: l.collegeName, count: l.lines.length })) ??
      null,
  };
}
