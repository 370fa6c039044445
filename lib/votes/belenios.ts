import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { loadQuestion } from "@/lib/votes/facts";
import { closeAndAnnounce } from "@/lib/votes/close-question.internal";
import { eligibleVoters } from "@/lib/votes/question-mail.internal";
import type { QuestionResultOk } from "@/lib/votes/questions";
import type { Problem } from "@/lib/form-result";
import type { QuestionResult } from "@/lib/votes/results";
import type { ExternalResultInput } from "@/lib/votes/schema";

// An election the operator of the portal need not be trusted with: held in Belenios, a
// verifiable voting system (belenios.org). The portal gives the electoral list in Belenios's
// format — one line per voter, « address,login,weight » — one list per college when the body
// votes by college, because the statutes weight each college's share of the votes cast, which
// is a count per college: one Belenios election per college, each voter with weight 1. The
// coordinator types back each election's result, its address and its fingerprint; the portal
// weights the colleges by the statutes, stores the count as the record and closes the question.

export type BeleniosList = { collegeId: string | null; collegeName: string | null; lines: string[] };

async function weightedBody(q: NonNullable<Awaited<ReturnType<typeof loadQuestion>>>) {
  return q.body.kind === "GENERAL_ASSEMBLY" || q.body.votesByCollege;
}

// The voters of the question (the same rule as a ballot: guests, excluded categories and
// members without a mandate are not on it), with an e-mail, by college.
export async function beleniosVoterLists(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<BeleniosList[] | null> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q || q.kind === "SHOW_OF_HANDS") return null;
  const at = q.meeting?.startsAt ?? now;
  const [eligible, members, colleges] = await Promise.all([
    eligibleVoters(q, at),
    bodyMembersOn(q.body, at),
    db.college.findMany({ where: { cooperativeId: actor.cooperativeId }, orderBy: { position: "asc" } }),
  ]);
  const collegeOf = new Map(members.map((m) => [m.membershipId, m.collegeId]));
  // The login is the member's number in the register's order of this list: short, and it says
  // nothing of the person to whoever reads the election's public data.
  const line = (v: { membershipId: string; email: string | null }, i: number) =>
    `${v.email!.replaceAll(",", "")},m${String(i + 1).padStart(4, "0")},1`;
  const voters = eligible.filter((v) => v.email).sort((a, b) => a.email!.localeCompare(b.email!));
  if (!(await weightedBody(q))) return [{ collegeId: null, collegeName: null, lines: voters.map(line) }];
  return colleges.map((c) => ({
    collegeId: c.id,
    collegeName: c.name,
    lines: voters.filter((v) => collegeOf.get(v.membershipId) === c.id).map(line),
  }));
}

// The results typed back from Belenios: counted by the statutes, stored, and the question closed.
export async function recordBeleniosResult(
  actor: Actor,
  questionId: string,
  input: ExternalResultInput,
): Promise<QuestionResultOk<QuestionResult>> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen" };
  if (q.kind === "SHOW_OF_HANDS") return { ok: false, error: "tallyNeedsShowOfHands" };
  // An election held elsewhere: the portal holds no ballot of its own for it.
  const [ballots, tallies] = await Promise.all([
    db.voteParticipation.count({ where: { questionId: q.id } }),
    db.paperTally.count({ where: { questionId: q.id } }),
  ]);
  if (ballots > 0 || tallies > 0) return { ok: false, error: "externalAfterBallots" };
  // One result per list given, each no larger than its list: an election cannot count more
  // ballots than it had voters.
  const lists = (await beleniosVoterLists(actor, q.id)) ?? [];
  const seen = new Set<string | null>();
  const problems: Problem[] = [];
  for (const row of input.rows) {
    const list = lists.find((l) => l.collegeId === row.collegeId);
    if (!list || seen.has(row.collegeId)) return { ok: false, error: "notFound" };
    seen.add(row.collegeId);
    const typed = row.for + row.against + row.abstain + row.blank;
    if (typed > list.lines.length)
      problems.push({ name: list.collegeName ?? "", reason: `${typed}/${list.lines.length}` });
  }
  if (seen.size !== lists.length) return { ok: false, error: "notFound" };
  if (problems.length) return { ok: false, error: "externalCountTooHigh", problems };
  const closed = await closeAndAnnounce({
    cooperativeId: actor.cooperativeId,
    questionId: q.id,
    actorId: actor.personId,
    external: { system: "belenios", url: input.url, fingerprint: input.fingerprint, rows: input.rows },
  });
  return closed;
}
