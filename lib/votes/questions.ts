import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { dayKey, parseDateKey, TIME_ZONE } from "@/lib/dates";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { scheduleVoteJobs } from "@/lib/jobs/queue";
import { mayVote } from "@/lib/votes/eligibility";
import { loadQuestion, questionFacts, voterFacts, type LoadedQuestion } from "@/lib/votes/facts";
import { computeResult, type QuestionResult } from "@/lib/votes/results";
import type { PaperRowInput, QuestionInput, TallyRowInput } from "@/lib/votes/schema";

export type QuestionFailure =
  | "paperNeedsAssembly"
  | "paperAlreadyEntered"
  | "paperCountMismatch"
  | "paperVoterRefused"
  | "notFound"
  | "bodyUnknown"
  | "meetingRequired"
  | "meetingUnknown"
  | "closesAtRequired"
  | "closesAtPast"
  | "consultationsNotAllowed"
  | "notDraft"
  | "notOpen"
  | "categoryUnknown"
  | "tallyNeedsShowOfHands";
export type QuestionResultOk<T = null> = { ok: true; data: T } | { ok: false; error: QuestionFailure };

const NEEDS_MEETING = new Set(["MEETING_BALLOT", "SHOW_OF_HANDS", "AG_RESOLUTION"]);

export async function createQuestion(
  actor: Actor,
  input: QuestionInput,
  now = new Date(),
): Promise<QuestionResultOk<{ id: string }>> {
  authorize(actor, "vote.manage");
  const body = await db.body.findFirst({ where: { id: input.bodyId, cooperativeId: actor.cooperativeId } });
  if (!body) return { ok: false, error: "bodyUnknown" };
  const kind =
    body.kind === "GENERAL_ASSEMBLY"
      ? "AG_RESOLUTION"
      : input.kind === "AG_RESOLUTION"
        ? "MEETING_BALLOT"
        : input.kind;
  let meeting = null;
  if (NEEDS_MEETING.has(kind) || input.meetingId) {
    if (!input.meetingId) return { ok: false, error: "meetingRequired" };
    meeting = await db.meeting.findFirst({
      where: { id: input.meetingId, cooperativeId: actor.cooperativeId, bodyId: body.id },
    });
    if (!meeting) return { ok: false, error: "meetingUnknown" };
  }
  const statutes = await db.statuteSettings.findUnique({ where: { cooperativeId: actor.cooperativeId } });
  if (kind === "WRITTEN_CONSULTATION") {
    if (statutes && !statutes.writtenConsultationsAllowed)
      return { ok: false, error: "consultationsNotAllowed" };
    if (!input.closesAt) return { ok: false, error: "closesAtRequired" };
  }
  if (input.closesAt && input.closesAt <= now) return { ok: false, error: "closesAtPast" };
  if (input.excludedCategoryIds.length) {
    const known = await db.category.count({
      where: { id: { in: input.excludedCategoryIds }, cooperativeId: actor.cooperativeId },
    });
    if (known !== new Set(input.excludedCategoryIds).size) return { ok: false, error: "categoryUnknown" };
  }
  const question = await db.$transaction(async (tx) => {
    const created = await tx.voteQuestion.create({
      data: {
        cooperativeId: actor.cooperativeId,
        bodyId: body.id,
        meetingId: meeting?.id ?? null,
        kind,
        assemblyType:
          body.kind === "GENERAL_ASSEMBLY"
            ? (input.assemblyType ?? meeting?.assemblyType ?? "ORDINARY")
            : null,
        title: input.title,
        text: input.text,
        secret: input.secret,
        hideResultsUntilClose: input.hideResultsUntilClose,
        allowChange: !input.secret && (statutes?.voteChangeAllowed ?? false),
        closesAt: input.closesAt,
        exclusions: {
          create: [...new Set(input.excludedCategoryIds)].map((categoryId) => ({
            cooperativeId: actor.cooperativeId,
            categoryId,
          })),
        },
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "vote.created",
      entityType: "VoteQuestion",
      entityId: created.id,
      after: { title: input.title, kind },
    });
    return created;
  });
  return { ok: true, data: { id: question.id } };
}

function when(date: Date) {
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

// The members who may vote on it now (for the e-mails): the same rule as a ballot.
async function eligibleVoters(q: LoadedQuestion, at: Date) {
  const members = await bodyMembersOn(q.body, q.meeting?.startsAt ?? at);
  const facts = questionFacts({ ...q, status: "OPEN" });
  const out: { membershipId: string; name: string; email: string | null }[] = [];
  for (const m of members) {
    const voter = await voterFacts(q, m.membershipId, at);
    // In a meeting, presence is checked at the moment of the ballot; the e-mail goes to the seated.
    const ok =
      voter &&
      (q.kind === "MEETING_BALLOT"
        ? mayVote({ ...facts, kind: "WRITTEN_CONSULTATION" }, voter, at).ok
        : mayVote(facts, voter, at).ok);
    if (ok) out.push({ membershipId: m.membershipId, name: m.name, email: m.email });
  }
  return out;
}

async function mail(
  q: LoadedQuestion,
  recipients: { name: string; email: string | null }[],
  subject: string,
  text: string,
) {
  for (const r of recipients) {
    if (!r.email) continue;
    await sendEmail({
      cooperativeId: q.cooperativeId,
      to: r.email,
      subject,
      text: `Bonjour ${r.name},\n\n${text}\n\n${siteUrl()}/votes/${q.id}\n`,
    });
  }
}

export async function openQuestion(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<QuestionResultOk> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.closesAt && q.closesAt <= now) return { ok: false, error: "closesAtPast" };
  const { count } = await db.voteQuestion.updateMany({
    where: { id: q.id, status: "DRAFT" },
    data: { status: "OPEN", opensAt: now },
  });
  if (count === 0) return { ok: false, error: "notDraft" };
  await db.$transaction((tx) =>
    recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "vote.opened",
      entityType: "VoteQuestion",
      entityId: q.id,
    }),
  );
  if (q.kind !== "SHOW_OF_HANDS") {
    const voters = await eligibleVoters(q, now);
    await mail(
      q,
      voters,
      `Vote ouvert : ${q.title}`,
      `Un vote est ouvert : « ${q.title} »${q.closesAt ? `, jusqu'au ${when(q.closesAt)}` : ""}. Vous pouvez voter ici :`,
    );
  }
  if (q.closesAt) await scheduleVoteJobs(q.id, q.closesAt);
  return { ok: true, data: null };
}

// Closed by the chair (the coordinator or the president), or by the job at the deadline.
// The result goes to the body; a written consultation enters the decision record at once.
export async function closeQuestion(
  actor: Actor | null,
  questionId: string,
  cooperativeId = actor?.cooperativeId,
  now = new Date(),
): Promise<QuestionResultOk<QuestionResult>> {
  if (actor && !can(actor.roles, "vote.manage")) authorize(actor, "minutes.approve");
  if (!cooperativeId) return { ok: false, error: "notFound" };
  const q = await loadQuestion(cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  const closed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "VoteQuestion" WHERE id = ${q.id} FOR UPDATE`;
    if (row?.status !== "OPEN") return false;
    await tx.voteQuestion.update({ where: { id: q.id }, data: { status: "CLOSED", closedAt: now } });
    // A secret ballot's rows were written in the order people voted, as were the participations:
    // rewritten in a random order at the close, the table's physical order no longer follows it.
    if (q.secret) {
      await tx.$executeRaw`
        WITH gone AS (DELETE FROM "Ballot" WHERE "questionId" = ${q.id} RETURNING id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
        INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
        SELECT id, "cooperativeId", "questionId", "memberId", "collegeId", choice FROM gone ORDER BY random()`;
    }
    await recordAudit(tx, {
      cooperativeId,
      actorId: actor?.personId ?? null,
      action: "vote.closed",
      entityType: "VoteQuestion",
      entityId: q.id,
    });
    return true;
  });
  if (!closed) return { ok: false, error: "notOpen" };
  const loaded = (await loadQuestion(cooperativeId, q.id))!;
  const outcome = await computeResult(loaded);
  if (q.kind === "WRITTEN_CONSULTATION") {
    await db.decision.create({
      data: {
        cooperativeId,
        bodyId: q.bodyId,
        voteQuestionId: q.id,
        title: q.title,
        text: `${q.text ? `${q.text}\n` : ""}Résultat : ${outcome.result.verdict}.`,
        method: "WRITTEN_CONSULTATION",
        outcome: outcome.result.adopted ? "ADOPTED" : "REJECTED",
        decidedOn: parseDateKey(dayKey(now)),
        publishedAt: now,
      },
    });
  }
  const members = await bodyMembersOn(q.body, now);
  await mail(
    q,
    members,
    `Résultat du vote : ${q.title}`,
    `Le vote « ${q.title} » est clos. ${outcome.result.verdict.replace(/^./, (c) => c.toUpperCase())}. Pour ${outcome.result.total.for}, contre ${outcome.result.total.against}, abstentions ${outcome.result.total.abstain}.`,
  );
  return { ok: true, data: outcome };
}

// The job's reminder, the day before the close, to those who have not voted yet.
export async function remindVoters(questionId: string, now = new Date()): Promise<number> {
  const q = await db.voteQuestion.findUnique({ where: { id: questionId }, select: { cooperativeId: true } });
  if (!q) return 0;
  const loaded = await loadQuestion(q.cooperativeId, questionId);
  if (!loaded || loaded.status !== "OPEN") return 0;
  const voted = new Set(
    (await db.voteParticipation.findMany({ where: { questionId }, select: { memberId: true } })).map(
      (p) => p.memberId,
    ),
  );
  const waiting = (await eligibleVoters(loaded, now)).filter((v) => !voted.has(v.membershipId));
  await mail(
    loaded,
    waiting,
    `Rappel : vote « ${loaded.title} »`,
    `Le vote « ${loaded.title} » se termine ${loaded.closesAt ? when(loaded.closesAt) : "bientôt"} et vous n'avez pas encore voté :`,
  );
  return waiting.length;
}

export async function closeFromJob(questionId: string): Promise<boolean> {
  const q = await db.voteQuestion.findUnique({
    where: { id: questionId },
    select: { cooperativeId: true, status: true, closesAt: true },
  });
  if (!q || q.status !== "OPEN" || !q.closesAt || q.closesAt > new Date()) return false;
  return (await closeQuestion(null, questionId, q.cooperativeId)).ok;
}

// A show of hands: the counts typed in by the coordinator, per college when the body votes by college.
export async function recordShowOfHands(
  actor: Actor,
  questionId: string,
  rows: TallyRowInput[],
): Promise<QuestionResultOk> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound" };
  if (q.kind !== "SHOW_OF_HANDS") return { ok: false, error: "tallyNeedsShowOfHands" };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen" };
  const colleges = new Set(
    (await db.college.findMany({ where: { cooperativeId: actor.cooperativeId }, select: { id: true } })).map(
      (c) => c.id,
    ),
  );
  if (rows.some((r) => r.collegeId !== null && !colleges.has(r.collegeId)))
    return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.paperTally.deleteMany({ where: { questionId: q.id } });
    await tx.paperTally.createMany({
      data: rows.map((r) => ({
        cooperativeId: actor.cooperativeId,
        questionId: q.id,
        collegeId: r.collegeId,
        forCount: r.for,
        againstCount: r.against,
        abstainCount: r.abstain,
        blankCount: 0,
        spoiledCount: 0,
      })),
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "vote.tallyEntered",
      entityType: "VoteQuestion",
      entityId: q.id,
      after: { rows },
    });
  });
  return { ok: true, data: null };
}

export type QuestionListItem = {
  id: string;
  title: string;
  kind: LoadedQuestion["kind"];
  status: LoadedQuestion["status"];
  bodyName: string;
  closesAt: Date | null;
  closedAt: Date | null;
  meetingNumber: number | null;
};

export async function listQuestions(actor: Actor): Promise<QuestionListItem[]> {
  authorize(actor, "vote.castAssembly");
  const manage = can(actor.roles, "vote.manage");
  const council = can(actor.roles, "vote.castCouncil");
  const questions = await db.voteQuestion.findMany({
    where: {
      cooperativeId: actor.cooperativeId,
      ...(manage ? {} : { status: { not: "DRAFT" } }),
      // Council and commission questions are for their members; assembly questions for all.
      ...(manage || council
        ? {}
        : {
            OR: [
              { body: { kind: "GENERAL_ASSEMBLY" } },
              { body: { mandates: { some: { membershipId: actor.membershipId } } } },
            ],
          }),
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    include: { body: { select: { name: true } }, meeting: { select: { number: true } } },
  });
  return questions.map((q) => ({
    id: q.id,
    title: q.title,
    kind: q.kind,
    status: q.status,
    bodyName: q.body.name,
    closesAt: q.closesAt,
    closedAt: q.closedAt,
    meetingNumber: q.meeting?.number ?? null,
  }));
}

export type QuestionDetail = {
  question: LoadedQuestion & { excludedNames: string[] };
  eligibility: ReturnType<typeof mayVote> | null;
  result: QuestionResult | null;
  resultHidden: boolean;
};

export async function questionDetail(
  actor: Actor,
  questionId: string,
  now = new Date(),
): Promise<QuestionDetail | null> {
  authorize(actor, "vote.castAssembly");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q || (q.status === "DRAFT" && !can(actor.roles, "vote.manage"))) return null;
  // The same rule as the list: a council or commission question is for its members (and the
  // coordinator); an assembly question for every associé·e.
  if (
    q.body.kind !== "GENERAL_ASSEMBLY" &&
    !can(actor.roles, "vote.manage") &&
    !can(actor.roles, "vote.castCouncil")
  ) {
    const member = await db.mandate.count({ where: { bodyId: q.bodyId, membershipId: actor.membershipId } });
    if (member === 0) return null;
  }
  const voter = await voterFacts(q, actor.membershipId, now);
  const eligibility = voter ? mayVote(questionFacts(q), voter, now) : null;
  const resultHidden = q.status !== "CLOSED" && q.hideResultsUntilClose;
  const result = q.status === "DRAFT" || resultHidden ? null : await computeResult(q);
  const categories = q.exclusions.length
    ? await db.category.findMany({
        where: { id: { in: q.exclusions.map((e) => e.categoryId) } },
        select: { name: true },
      })
    : [];
  return {
    question: { ...q, excludedNames: categories.map((c) => c.name) },
    eligibility,
    result,
    resultHidden,
  };
}

// What the question form offers: the bodies, their meetings still open, the categories.
export async function questionFormChoices(actor: Actor, now = new Date()) {
  authorize(actor, "vote.manage");
  const [bodies, meetings, categories] = await Promise.all([
    db.body.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true },
    }),
    db.meeting.findMany({
      where: {
        cooperativeId: actor.cooperativeId,
        status: { notIn: ["CANCELLED", "CLOSED"] },
        startsAt: { gte: new Date(now.getTime() - 60 * 86400000) },
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, number: true, bodyId: true, startsAt: true, body: { select: { name: true } } },
    }),
    db.category.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { bodies, meetings, categories };
}

export type PaperProblem = { name: string; reason: string };
export type PaperResult = { ok: true } | { ok: false; error: QuestionFailure; problems: PaperProblem[] };

// The paper ballots of an assembly, merged with the online ones: who voted on paper (one
// participation each, so a member who voted online cannot be entered again) and the counts per
// college, which must add up to the paper voters of that college.
export async function recordPaperBallots(
  actor: Actor,
  questionId: string,
  memberIds: string[],
  rows: PaperRowInput[],
  now = new Date(),
): Promise<PaperResult> {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q) return { ok: false, error: "notFound", problems: [] };
  if (q.kind !== "AG_RESOLUTION") return { ok: false, error: "paperNeedsAssembly", problems: [] };
  if (q.status !== "OPEN") return { ok: false, error: "notOpen", problems: [] };
  if (await db.paperTally.count({ where: { questionId: q.id } }))
    return { ok: false, error: "paperAlreadyEntered", problems: [] };
  const facts = questionFacts(q);
  const problems: PaperProblem[] = [];
  const collegeOf = new Map<string, string | null>();
  const already = new Set(
    (
      await db.voteParticipation.findMany({
        where: { questionId: q.id, memberId: { in: memberIds } },
        select: { memberId: true },
      })
    ).map((p) => p.memberId),
  );
  for (const id of new Set(memberIds)) {
    const voter = await voterFacts(q, id, now);
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
        select: { id: true, person: { select: { name: true } } },
      })
    ).map((m) => [m.id, m.person.name]),
  );
  try {
    await db.$transaction(async (tx) => {
      const taken: string[] = [];
      for (const id of collegeOf.keys()) {
        const inserted = await tx.$executeRaw`
          INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
          VALUES (${actor.cooperativeId}, ${q.id}, ${id}, ${actor.membershipId}, 'PAPER') ON CONFLICT DO NOTHING`;
        if (inserted === 0) taken.push(names.get(id) ?? "?");
      }
      if (taken.length) throw Object.assign(new Error("already voted"), { taken });
      await tx.paperTally.createMany({
        data: rows.map((r) => ({
          cooperativeId: actor.cooperativeId,
          questionId: q.id,
          collegeId: r.collegeId,
          forCount: r.for,
          againstCount: r.against,
          abstainCount: r.abstain,
          blankCount: r.blank,
          spoiledCount: r.spoiled,
        })),
      });
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "vote.paperEntered",
        entityType: "VoteQuestion",
        entityId: q.id,
        after: { voters: [...collegeOf.keys()].length, rows },
      });
    });
  } catch (error) {
    const taken = (error as { taken?: string[] }).taken;
    if (taken)
      return {
        ok: false,
        error: "paperVoterRefused",
        problems: taken.map((name) => ({ name, reason: "alreadyVoted" })),
      };
    throw error;
  }
  return { ok: true };
}

// The associé·es who may still be entered on paper (not yet counted online or on paper).
export async function paperCandidates(actor: Actor, questionId: string) {
  authorize(actor, "vote.manage");
  const q = await loadQuestion(actor.cooperativeId, questionId);
  if (!q || q.kind !== "AG_RESOLUTION") return [];
  const members = await bodyMembersOn(q.body, q.meeting?.startsAt ?? new Date());
  const voted = new Set(
    (await db.voteParticipation.findMany({ where: { questionId }, select: { memberId: true } })).map(
      (p) => p.memberId,
    ),
  );
  const colleges = new Map(
    (await db.college.findMany({ where: { cooperativeId: actor.cooperativeId } })).map((c) => [c.id, c.name]),
  );
  return members
    .filter((m) => !voted.has(m.membershipId))
    .map((m) => ({
      id: m.membershipId,
      name: m.name,
      college: m.collegeId ? (colleges.get(m.collegeId) ?? null) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
