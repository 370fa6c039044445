import { describe, expect, it } from "vitest";
import {
  mayHoldProxy,
  mayVote,
  proxyCap,
  type QuestionFacts,
  type VoterFacts,
} from "@/lib/votes/eligibility";

const now = new Date("2026-12-17T19:00:00Z");
const council: QuestionFacts = {
  kind: "WRITTEN_CONSULTATION",
  bodyKind: "COUNCIL",
  status: "OPEN",
  closesAt: new Date("2026-12-20T12:00:00Z"),
  excludedCategoryIds: [],
};
const inMeeting: QuestionFacts = { ...council, kind: "MEETING_BALLOT", closesAt: null };
const assembly: QuestionFacts = { ...council, kind: "AG_RESOLUTION", bodyKind: "GENERAL_ASSEMBLY" };
const seated: VoterFacts = {
  kind: "ASSOCIATE",
  status: "ACTIVE",
  categoryId: "employees",
  collegeId: "college-2",
  seated: true,
  presence: null,
  gaveProxy: false,
};
const present = {
  memberId: "m",
  status: "PRESENT" as const,
  arrivedAt: new Date("2026-12-17T18:30:00Z"),
  leftAt: null,
};

describe("who may vote", () => {
  it("a seated council member, in the college of their category", () => {
    expect(mayVote(council, seated, now)).toEqual({ ok: true, collegeId: "college-2" });
  });
  it("guests never", () => {
    expect(mayVote(council, { ...seated, kind: "GUEST" }, now)).toEqual({ ok: false, reason: "guest" });
    expect(mayVote(assembly, { ...seated, kind: "GUEST" }, now)).toEqual({ ok: false, reason: "guest" });
  });
  it("council questions: only with a current mandate", () => {
    expect(mayVote(council, { ...seated, seated: false }, now)).toEqual({ ok: false, reason: "noMandate" });
  });
  it("assembly questions: every current associé·e with a category that day, seated or not", () => {
    expect(mayVote(assembly, { ...seated, seated: false }, now)).toEqual({
      ok: true,
      collegeId: "college-2",
    });
    expect(mayVote(assembly, { ...seated, categoryId: null, collegeId: null }, now)).toEqual({
      ok: false,
      reason: "noCategory",
    });
    expect(mayVote(assembly, { ...seated, status: "ARCHIVED" }, now)).toEqual({
      ok: false,
      reason: "archived",
    });
  });
  it("in a meeting: present at that moment — arrived, not left", () => {
    expect(mayVote(inMeeting, { ...seated, presence: present }, now).ok).toBe(true);
    expect(mayVote(inMeeting, { ...seated, presence: null }, now)).toEqual({
      ok: false,
      reason: "notPresent",
    });
    expect(mayVote(inMeeting, { ...seated, presence: { ...present, status: "EXCUSED" } }, now)).toEqual({
      ok: false,
      reason: "notPresent",
    });
    expect(
      mayVote(
        inMeeting,
        { ...seated, presence: { ...present, arrivedAt: new Date("2026-12-17T19:10:00Z") } },
        now,
      ),
    ).toEqual({ ok: false, reason: "notPresent" });
    expect(
      mayVote(
        inMeeting,
        { ...seated, presence: { ...present, leftAt: new Date("2026-12-17T18:55:00Z") } },
        now,
      ),
    ).toEqual({ ok: false, reason: "leftEarly" });
    expect(
      mayVote(
        inMeeting,
        { ...seated, presence: { ...present, leftAt: new Date("2026-12-17T19:05:00Z") } },
        now,
      ).ok,
    ).toBe(true);
  });
  it("a category excluded for a conflict of interest", () => {
    expect(mayVote({ ...council, excludedCategoryIds: ["employees"] }, seated, now)).toEqual({
      ok: false,
      reason: "excludedCategory",
    });
  });
  it("not before it opens, not after it closes, never by hand for a show of hands", () => {
    expect(mayVote({ ...council, status: "DRAFT" }, seated, now)).toEqual({ ok: false, reason: "notOpen" });
    expect(mayVote({ ...council, status: "CLOSED" }, seated, now)).toEqual({ ok: false, reason: "closed" });
    expect(mayVote({ ...council, closesAt: now }, seated, now)).toEqual({ ok: false, reason: "closed" });
    expect(mayVote({ ...council, kind: "SHOW_OF_HANDS" }, seated, now)).toEqual({
      ok: false,
      reason: "paperOnly",
    });
  });
  it("a member whose proxy is active cannot vote themselves", () => {
    expect(mayVote(assembly, { ...seated, gaveProxy: true }, now)).toEqual({
      ok: false,
      reason: "proxyGiven",
    });
  });
});

describe("proxies", () => {
  const grantor = { id: "a", kind: "ASSOCIATE" as const, collegeId: "c1" };
  const holder = { id: "b", kind: "ASSOCIATE" as const, collegeId: "c1", held: 0, gaveProxy: false };
  it("the common cap: one below 20 members, 1/20 of members from 20 up; or the statutes' number", () => {
    expect(proxyCap("LEGAL_DEFAULT", null, 19)).toBe(1);
    expect(proxyCap("LEGAL_DEFAULT", null, 20)).toBe(1);
    expect(proxyCap("LEGAL_DEFAULT", null, 200)).toBe(10);
    expect(proxyCap("FIXED", 3, 200)).toBe(3);
  });
  it("only to another associé·e, under the cap, from the same college when the statutes say so", () => {
    expect(mayHoldProxy(grantor, holder, { sameCollege: true, cap: 1 })).toEqual({ ok: true });
    expect(mayHoldProxy(grantor, { ...holder, id: "a" }, { sameCollege: false, cap: 1 })).toEqual({
      ok: false,
      reason: "self",
    });
    expect(mayHoldProxy(grantor, { ...holder, kind: "GUEST" }, { sameCollege: false, cap: 1 })).toEqual({
      ok: false,
      reason: "holderNotAssociate",
    });
    expect(mayHoldProxy(grantor, { ...holder, collegeId: "c2" }, { sameCollege: true, cap: 1 })).toEqual({
      ok: false,
      reason: "differentCollege",
    });
    expect(mayHoldProxy(grantor, { ...holder, collegeId: "c2" }, { sameCollege: false, cap: 1 })).toEqual({
      ok: true,
    });
    expect(mayHoldProxy(grantor, { ...holder, held: 1 }, { sameCollege: false, cap: 1 })).toEqual({
      ok: false,
      reason: "overCap",
    });
    expect(mayHoldProxy(grantor, { ...holder, gaveProxy: true }, { sameCollege: false, cap: 1 })).toEqual({
      ok: false,
      reason: "holderGaveProxy",
    });
  });
});
