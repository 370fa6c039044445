import "server-only";
import { db } from "@/lib/db";
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import type { QuestionFacts, VoterFacts } from "@/lib/votes/eligibility";

// Reads from the register what the pure rule needs to decide about one member and one question.

export const questionInclude = { body: true, exclusions: { select: { categoryId: true } }, meeting: { select: { id: true, startsAt: true, assemblyType: true, callNumber: true } } } as const;

export async function loadQuestion(cooperativeId: string, questionId: string) {
  return db.voteQuestion.findFirst({ where: { id: questionId, cooperativeId }, include: questionInclude });
}
export type LoadedQuestion = NonNullable<Awaited<ReturnType<typeof loadQuestion>>>;

export function questionFacts(q: LoadedQuestion): QuestionFacts {
  return { kind: q.kind, bodyKind: q.body.kind, status: q.status, closesAt: q.closesAt, excludedCategoryIds: q.exclusions.map((e) => e.categoryId) };
}

export async function voterFacts(q: LoadedQuestion, membershipId: string, at: Date, options: { ignoreOwnProxy?: boolean } = {}): Promise<(VoterFacts & { name: string }) | null> {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, cooperativeId: q.cooperativeId },
    include: {
      person: { select: { name: true } },
      categoryAssignments: { include: { category: { select: { name: true, collegeId: true } } } },
      mandates: { where: { bodyId: q.bodyId } },
      attendances: q.meetingId ? { where: { meetingId: q.meetingId } } : false,
      proxiesGiven: q.meetingId ? { where: { meetingId: q.meetingId, revokedAt: null } } : false,
    },
  });
  if (!membership) return null;
  const held = categoryOn(spansOf(membership.categoryAssignments), at);
  const collegeId = held ? (membership.categoryAssignments.find((a) => a.categoryId === held.categoryId)?.category.collegeId ?? null) : null;
  const attendance = (membership.attendances ?? [])[0];
  return {
    name: membership.person.name,
    kind: membership.kind,
    status: membership.status,
    categoryId: held?.categoryId ?? null,
    collegeId,
    seated: membership.mandates.some((m) => mandateIsCurrent(m, at)),
    presence: attendance ? { memberId: membershipId, status: attendance.status, arrivedAt: attendance.arrivedAt, leftAt: attendance.leftAt } : null,
    gaveProxy: !options.ignoreOwnProxy && (membership.proxiesGiven ?? []).length > 0,
  };
}
