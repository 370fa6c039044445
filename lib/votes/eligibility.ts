// Who may vote: one pure rule, called by every path that stores a ballot (online, in a meeting,
// on paper, through a proxy). The server refuses everything else with a reason a person
// understands; the reasons are message keys (votes.refusals.*).
import { isPresentAt, type Presence } from "@/lib/meetings/quorum";

export type VoteKind = "MEETING_BALLOT" | "SHOW_OF_HANDS" | "WRITTEN_CONSULTATION" | "AG_RESOLUTION";

export type QuestionFacts = {
  kind: VoteKind;
  bodyKind: "COUNCIL" | "GENERAL_ASSEMBLY" | "COMMISSION";
  status: "DRAFT" | "OPEN" | "CLOSED";
  closesAt: Date | null;
  excludedCategoryIds: readonly string[];
};

export type VoterFacts = {
  kind: "ASSOCIATE" | "GUEST";
  status: "ACTIVE" | "ARCHIVED";
  // The category held on the day of the vote, and its college.
  categoryId: string | null;
  collegeId: string | null;
  // A current mandate on the question's body (council, commission).
  seated: boolean;
  // For a ballot in a meeting: the person's attendance row, if any.
  presence: Presence | null;
  // An active proxy given by this member for the question's meeting.
  gaveProxy: boolean;
};

export type Refusal =
  | "notOpen"
  | "closed"
  | "guest"
  | "archived"
  | "noCategory"
  | "noMandate"
  | "notPresent"
  | "leftEarly"
  | "excludedCategory"
  | "proxyGiven"
  | "paperOnly";

export type Eligibility = { ok: true; collegeId: string | null } | { ok: false; reason: Refusal };

export function mayVote(question: QuestionFacts, voter: VoterFacts, at: Date): Eligibility {
  if (question.status === "DRAFT") return { ok: false, reason: "notOpen" };
  if (question.status === "CLOSED" || (question.closesAt !== null && question.closesAt <= at))
    return { ok: false, reason: "closed" };
  // A show of hands is counted in the room: its tally is typed in, nobody casts it online.
  if (question.kind === "SHOW_OF_HANDS") return { ok: false, reason: "paperOnly" };
  if (voter.status !== "ACTIVE") return { ok: false, reason: "archived" };
  if (voter.kind === "GUEST") return { ok: false, reason: "guest" };
  if (question.bodyKind === "GENERAL_ASSEMBLY") {
    // Every associé·e, in the college of the category held that day.
    if (!voter.categoryId) return { ok: false, reason: "noCategory" };
  } else if (!voter.seated) {
    return { ok: false, reason: "noMandate" };
  }
  if (voter.categoryId && question.excludedCategoryIds.includes(voter.categoryId))
    return { ok: false, reason: "excludedCategory" };
  if (question.kind === "MEETING_BALLOT") {
    const p = voter.presence;
    if (!p || p.status !== "PRESENT" || (p.arrivedAt && p.arrivedAt > at))
      return { ok: false, reason: "notPresent" };
    if (!isPresentAt(p, at)) return { ok: false, reason: "leftEarly" };
  }
  if (voter.gaveProxy) return { ok: false, reason: "proxyGiven" };
  return { ok: true, collegeId: voter.collegeId };
}

export type ProxyRefusal =
  "self" | "holderNotAssociate" | "grantorNotAssociate" | "differentCollege" | "overCap" | "holderGaveProxy";

// The most proxies one member may hold: the statutes' fixed number, or the common rule (one
// below 20 members, at most 1/20 of members from 20 up).
export function proxyCap(rule: "LEGAL_DEFAULT" | "FIXED", fixed: number | null, memberCount: number): number {
  if (rule === "FIXED") return Math.max(0, fixed ?? 0);
  return memberCount < 20 ? 1 : Math.floor(memberCount / 20);
}

export function mayHoldProxy(
  grantor: { id: string; kind: "ASSOCIATE" | "GUEST"; collegeId: string | null },
  holder: {
    id: string;
    kind: "ASSOCIATE" | "GUEST";
    collegeId: string | null;
    held: number;
    gaveProxy: boolean;
  },
  settings: { sameCollege: boolean; cap: number },
): { ok: true } | { ok: false; reason: ProxyRefusal } {
  if (grantor.id === holder.id) return { ok: false, reason: "self" };
  if (grantor.kind !== "ASSOCIATE") return { ok: false, reason: "grantorNotAssociate" };
  if (holder.kind !== "ASSOCIATE") return { ok: false, reason: "holderNotAssociate" };
  if (holder.gaveProxy) return { ok: false, reason: "holderGaveProxy" };
  if (settings.sameCollege && grantor.collegeId !== holder.collegeId)
    return { ok: false, reason: "differentCollege" };
  if (holder.held >= settings.cap) return { ok: false, reason: "overCap" };
  return { ok: true };
}
