import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  mandateIsCurrent,
  PERMISSIONS,
  ROLES,
  rolesOf,
  type Action,
  type Role,
} from "@/lib/auth/permissions";

// The whole table, written out once more by hand: a change to who may do what must change here too.
const EXPECTED: Record<Action, Role[]> = {
  "home.view": ["coordinator", "president", "councilMember", "member", "guest"],
  "meeting.read": ["coordinator", "president", "councilMember", "member"],
  "meeting.manage": ["coordinator"],
  "minutes.readPublished": ["coordinator", "president", "councilMember", "member"],
  "minutes.readDraft": ["coordinator", "president", "councilMember"],
  "minutes.draft": ["coordinator"],
  "minutes.comment": ["coordinator", "president", "councilMember"],
  "minutes.approve": ["president"],
  "decision.read": ["coordinator", "president", "councilMember", "member"],
  "text.read": ["coordinator", "president", "councilMember"],
  "text.propose": ["coordinator", "president", "councilMember"],
  "text.draft": ["coordinator"],
  "vote.castCouncil": ["president", "councilMember"],
  "vote.castAssembly": ["coordinator", "president", "councilMember", "member"],
  "vote.manage": ["coordinator"],
  "vote.close": ["coordinator", "president"],
  "idea.post": ["coordinator", "president", "councilMember", "member", "guest"],
  "idea.moderate": ["coordinator"],
  "directory.read": ["coordinator", "president", "councilMember", "member"],
  "member.manage": ["coordinator"],
  "statutes.configure": ["coordinator"],
  "newsletter.manage": ["coordinator"],
  "outbox.read": ["coordinator"],
  "audit.read": ["coordinator"],
  "admin.access": ["coordinator"],
  "support.grant": ["coordinator"],
  "booklet.read": ["coordinator", "president", "councilMember", "member"],
  "booklet.edit": ["coordinator", "president", "councilMember", "member"],
  "booklet.manage": ["coordinator"],
  "contact.manage": ["coordinator"],
  "event.read": ["coordinator", "president", "councilMember", "member", "guest"],
  "event.manage": ["coordinator"],
};

describe("permission table", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(PERMISSIONS[role].has(action)).toBe(allowed);
        expect(can([role], action)).toBe(allowed);
      });
    }
  }

  it("a guest never votes, whatever else", () => {
    expect(can(["guest"], "vote.castAssembly")).toBe(false);
    expect(can(["guest"], "vote.castCouncil")).toBe(false);
  });

  it("no role means no right", () => {
    for (const action of ACTIONS) expect(can([], action)).toBe(false);
  });
});

describe("roles from the register", () => {
  const day = new Date("2026-11-23T12:00:00Z");
  const associate = { kind: "ASSOCIATE" as const, isCoordinator: false, status: "ACTIVE" as const };
  const council = (role: string, startsOn: string, endsOn: string | null) => ({
    bodyKind: "COUNCIL",
    role,
    startsOn: new Date(`${startsOn}T00:00:00Z`),
    endsOn: endsOn ? new Date(`${endsOn}T00:00:00Z`) : null,
  });

  it("an associé·e without mandate is a member", () => {
    expect(rolesOf(associate, [], day)).toEqual(["member"]);
  });

  it("a current council mandate makes a council member; the president role adds president", () => {
    expect(rolesOf(associate, [council("MEMBER", "2025-01-01", null)], day)).toEqual([
      "member",
      "councilMember",
    ]);
    expect(rolesOf(associate, [council("PRESIDENT", "2025-01-01", "2027-01-01")], day)).toEqual([
      "member",
      "councilMember",
      "president",
    ]);
  });

  it("a mandate starts at local midnight: between 00:00 and 01:00 in Paris it already counts", () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
    const justAfterMidnight = new Date("2026-11-30T23:30:00Z");
    expect(rolesOf(associate, [council("MEMBER", "2026-12-01", null)], justAfterMidnight)).toEqual([
      "member",
      "councilMember",
    ]);
    // And one ending on 1 December no longer does.
    expect(rolesOf(associate, [council("MEMBER", "2025-01-01", "2026-12-01")], justAfterMidnight)).toEqual([
      "member",
    ]);
    expect(mandateIsCurrent(council("MEMBER", "2026-12-01", null), new Date("2026-11-30T22:59:00Z"))).toBe(
      false,
    );
  });

  it("an expired or future mandate gives no council role", () => {
    expect(rolesOf(associate, [council("PRESIDENT", "2020-01-01", "2026-11-23")], day)).toEqual(["member"]);
    expect(rolesOf(associate, [council("MEMBER", "2026-12-01", null)], day)).toEqual(["member"]);
  });

  it("a commission mandate is not a council seat", () => {
    expect(
      rolesOf(associate, [{ ...council("MEMBER", "2025-01-01", null), bodyKind: "COMMISSION" }], day),
    ).toEqual(["member"]);
  });

  it("the coordinator flag adds the coordinator role", () => {
    expect(rolesOf({ ...associate, isCoordinator: true }, [], day)).toEqual(["member", "coordinator"]);
  });

  it("a guest account is a guest, even with a stray mandate", () => {
    expect(rolesOf({ ...associate, kind: "GUEST" }, [council("MEMBER", "2025-01-01", null)], day)).toEqual([
      "guest",
    ]);
  });

  it("an archived membership has no role at all", () => {
    expect(rolesOf({ ...associate, isCoordinator: true, status: "ARCHIVED" }, [], day)).toEqual([]);
  });
});
