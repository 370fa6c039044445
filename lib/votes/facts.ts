import "server-only";
import { db } from "@/lib/db";
import { dayKey, parseDateKey } from "@/lib/dates";
import type { Presence } from "@/lib/meetings/quorum";
import type { QuestionFacts, VoterFacts } from "@/lib/votes/eligibility";

// Reads from the register what the pure rule needs to decide about one member and one question.

export const questionInclude = {
  body: true,
  exclusions: { select: { categoryId: true } },
  meeting: { select: { id: true, startsAt: true, assemblyType: true, callNumber: true } },
} as const;

export async function loadQuestion(cooperativeId: string, questionId: string) {
  return db.voteQuestion.findFirst({ where: { id: questionId, cooperativeId }, include: questionInclude });
}
export type LoadedQuestion = NonNullable<Awaited<ReturnType<typeof loadQuestion>>>;

export function questionFacts(
  q: Pick<LoadedQuestion, "kind" | "status" | "closesAt"> & {
    body: { kind: LoadedQuestion["body"]["kind"] };
    exclusions: { categoryId: string }[];
  },
): QuestionFacts {
  return {
    kind: q.kind,
    bodyKind: q.body.kind,
    status: q.status,
    closesAt: q.closesAt,
    excludedCategoryIds: q.exclusions.map((e) => e.categoryId),
  };
}

// What a ballot needs of its question, in one round trip (the ballot box is the hot path).
export type BallotQuestion = Pick<
  LoadedQuestion,
  "id" | "cooperativeId" | "bodyId" | "meetingId" | "kind" | "status" | "closesAt" | "secret" | "allowChange"
> & {
  body: { kind: LoadedQuestion["body"]["kind"] };
  exclusions: { categoryId: string }[];
};

// An open question's facts do not change while it is open (the close is re-checked by the
// statement that stores the ballot): kept a few seconds in this process, it saves a round trip
// per ballot when hundreds arrive at once.
const OPEN_CACHE_MS = 5000;
const openQuestions = new Map<string, { at: number; question: BallotQuestion }>();

export async function loadBallotQuestion(
  cooperativeId: string,
  questionId: string,
): Promise<BallotQuestion | null> {
  const cached = openQuestions.get(questionId);
  if (cached && cached.question.cooperativeId === cooperativeId && Date.now() - cached.at < OPEN_CACHE_MS)
    return cached.question;
  const loaded = await readBallotQuestion(cooperativeId, questionId);
  if (loaded?.status === "OPEN") {
    if (openQuestions.size > 1000) openQuestions.clear();
    openQuestions.set(questionId, { at: Date.now(), question: loaded });
  }
  return loaded;
}

async function readBallotQuestion(cooperativeId: string, questionId: string): Promise<BallotQuestion | null> {
  const [row] = await db.$queryRaw<
    (Omit<BallotQuestion, "body" | "exclusions"> & {
      bodyKind: BallotQuestion["body"]["kind"];
      excluded: string[];
    })[]
  >`
    SELECT q.id, q."cooperativeId", q."bodyId", q."meetingId", q.kind::text AS kind, q.status::text AS status, q."closesAt", q.secret, q."allowChange", b.kind::text AS "bodyKind",
           ARRAY(SELECT e."categoryId" FROM "VoteExclusion" e WHERE e."questionId" = q.id) AS excluded
      FROM "VoteQuestion" q JOIN "Body" b ON b.id = q."bodyId"
     WHERE q.id = ${questionId} AND q."cooperativeId" = ${cooperativeId}`;
  if (!row) return null;
  const { bodyKind, excluded, ...question } = row;
  return {
    ...question,
    body: { kind: bodyKind },
    exclusions: excluded.map((categoryId) => ({ categoryId })),
  };
}

// One round trip: the membership, the category held on the day of `at` and its college, a
// current mandate on the question's body, the attendance row at its meeting, an active proxy given.
export async function voterFacts(
  q: Pick<LoadedQuestion, "bodyId" | "meetingId" | "cooperativeId">,
  membershipId: string,
  { at, ignoreOwnProxy = false }: { at: Date; ignoreOwnProxy?: boolean },
): Promise<(VoterFacts & { name: string }) | null> {
  const day = parseDateKey(dayKey(at));
  const meetingId = q.meetingId ?? "";
  const [row] = await db.$queryRaw<
    {
      kind: "ASSOCIATE" | "GUEST";
      status: "ACTIVE" | "ARCHIVED";
      name: string;
      categoryId: string | null;
      collegeId: string | null;
      seated: boolean;
      attendanceStatus: Presence["status"];
      arrivedAt: Date | null;
      leftAt: Date | null;
      hasAttendance: boolean;
      gaveProxy: boolean;
    }[]
  >`
    SELECT m.kind::text AS kind, m.status::text AS status, COALESCE(m."displayName", p.name) AS name,
           held."categoryId", held."collegeId",
           EXISTS (SELECT 1 FROM "Mandate" md WHERE md."membershipId" = m.id AND md."bodyId" = ${q.bodyId}
                     AND md."startsOn" <= ${day}::date AND (md."endsOn" IS NULL OR md."endsOn" > ${day}::date)) AS seated,
           a.status::text AS "attendanceStatus", a."arrivedAt", a."leftAt", (a.id IS NOT NULL) AS "hasAttendance",
           EXISTS (SELECT 1 FROM "Proxy" x WHERE x."meetingId" = ${meetingId} AND x."grantorId" = m.id AND x."revokedAt" IS NULL) AS "gaveProxy"
      FROM "Membership" m
      JOIN "Person" p ON p.id = m."personId"
      LEFT JOIN LATERAL (
        SELECT ca."categoryId", c."collegeId" FROM "CategoryAssignment" ca JOIN "Category" c ON c.id = ca."categoryId"
         WHERE ca."membershipId" = m.id AND ca."validFrom" <= ${day}::date AND (ca."validTo" IS NULL OR ca."validTo" > ${day}::date)
         ORDER BY ca."validFrom" DESC LIMIT 1) held ON true
      LEFT JOIN "Attendance" a ON a."meetingId" = ${meetingId} AND a."membershipId" = m.id
     WHERE m.id = ${membershipId} AND m."cooperativeId" = ${q.cooperativeId}`;
  if (!row) return null;
  return {
    name: row.name,
    kind: row.kind,
    status: row.status,
    categoryId: row.categoryId,
    collegeId: row.collegeId,
    seated: row.seated,
    presence: row.hasAttendance
      ? { memberId: membershipId, status: row.attendanceStatus, arrivedAt: row.arrivedAt, leftAt: row.leftAt }
      : null,
    gaveProxy: !ignoreOwnProxy && row.gaveProxy,
  };
}
