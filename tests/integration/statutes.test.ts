import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { getCollegeConfig, getStatutes, saveCollegeConfig, saveStatutes } from "@/lib/statutes/service";
import { collegeConfigSchema, statutesSchema } from "@/lib/statutes/schema";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";

let coordinator: Actor;
let member: Actor;

const reference = (weights: string[]) =>
  collegeConfigSchema.parse({
    colleges: weights.map((weight, i) => ({
      key: `c${i}`,
      name: ["usager·es", "salarié·es", "partenaires", "soutiens"][i],
      weight,
    })),
    categories: [
      { key: "k0", name: "usager·es", kind: "BENEFICIARY", collegeKey: "c0" },
      { key: "k1", name: "salarié·es", kind: "EMPLOYEE", collegeKey: "c1" },
      { key: "k2", name: "partenaires", kind: "OTHER", collegeKey: "c2" },
      { key: "k3", name: "soutiens", kind: "OTHER", collegeKey: "c3" },
    ],
  });

beforeAll(async () => {
  const { cooperative } = await createCooperative();
  coordinator = await actorFor((await createMember(cooperative.id, { isCoordinator: true })).person.id);
  member = await actorFor((await createMember(cooperative.id)).person.id);
});

describe("colleges configuration", () => {
  it("saves a lawful configuration and records who did it", async () => {
    expect(await saveCollegeConfig(coordinator, reference(["25", "25", "25", "25"]))).toEqual({ ok: true });
    const config = await getCollegeConfig(coordinator);
    expect(config.colleges.map((c) => c.weightBp)).toEqual([2500, 2500, 2500, 2500]);
    expect(config.categories.map((c) => c.name)).toEqual([
      "usager·es",
      "salarié·es",
      "partenaires",
      "soutiens",
    ]);
    expect(config.categories.every((c) => c.collegeId)).toBe(true);
    const audit = await db.auditEntry.findFirst({
      where: { action: "colleges.configured", cooperativeId: coordinator.cooperativeId },
    });
    expect(audit?.actorId).toBe(coordinator.personId);
  });

  it("refuses an unlawful one, saying which rule and which college, and changes nothing", async () => {
    const result = await saveCollegeConfig(coordinator, reference(["55", "15", "15", "15"]));
    expect(result).toEqual({
      ok: false,
      violations: [{ rule: "collegeTooHeavy", college: "usager·es", weightBp: 5500 }],
    });
    expect((await getCollegeConfig(coordinator)).colleges.map((c) => c.weightBp)).toEqual([
      2500, 2500, 2500, 2500,
    ]);
  });

  it("edits in place, keeping the ids members' history points to", async () => {
    const before = await getCollegeConfig(coordinator);
    const input = collegeConfigSchema.parse({
      colleges: before.colleges.map((c, i) => ({
        key: c.id,
        id: c.id,
        name: c.name,
        weight: ["40", "20", "20", "20"][i],
      })),
      categories: before.categories.map((c) => ({
        key: c.id,
        id: c.id,
        name: c.name,
        kind: c.kind,
        collegeKey: c.collegeId,
      })),
    });
    const saved = await saveCollegeConfig(coordinator, input);
    expect(saved).toEqual({ ok: true });
    const after = await getCollegeConfig(coordinator);
    expect(after.colleges.map((c) => c.id)).toEqual(before.colleges.map((c) => c.id));
    expect(after.colleges.map((c) => c.weightBp)).toEqual([4000, 2000, 2000, 2000]);
  });

  it("refuses to remove a category that a member holds", async () => {
    const config = await getCollegeConfig(coordinator);
    const held = config.categories[3]!;
    const { membership } = await createMember(coordinator.cooperativeId);
    await db.categoryAssignment.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        membershipId: membership.id,
        categoryId: held.id,
        validFrom: new Date("2024-01-01"),
      },
    });
    const input = collegeConfigSchema.parse({
      colleges: config.colleges.map((c, i) => ({
        key: c.id,
        id: c.id,
        name: c.name,
        weight: ["40", "20", "20", "20"][i],
      })),
      categories: config.categories
        .slice(0, 3)
        .map((c) => ({ key: c.id, id: c.id, name: c.name, kind: c.kind, collegeKey: c.collegeId })),
    });
    const result = await saveCollegeConfig(coordinator, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations).toContainEqual({ rule: "categoryInUse", category: held.name });
  });

  it("refuses to remove a college while a vote is open, and says which", async () => {
    const config = await getCollegeConfig(coordinator);
    const council = await db.body.findFirstOrThrow({ where: { cooperativeId: coordinator.cooperativeId } });
    const open = await db.voteQuestion.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        bodyId: council.id,
        kind: "WRITTEN_CONSULTATION",
        title: "Vote en cours",
        status: "OPEN",
      },
    });
    const input = collegeConfigSchema.parse({
      colleges: config.colleges.slice(0, 3).map((c, i) => ({
        key: c.id,
        id: c.id,
        name: c.name,
        weight: ["40", "30", "30"][i],
      })),
      categories: config.categories.map((c) => ({
        key: c.id,
        id: c.id,
        name: c.name,
        kind: c.kind,
        collegeKey: c.collegeId === config.colleges[3]!.id ? config.colleges[0]!.id : c.collegeId,
      })),
    });
    const refused = await saveCollegeConfig(coordinator, input);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.violations).toContainEqual({
        rule: "collegeInOpenVote",
        college: config.colleges[3]!.name,
      });
    await db.voteQuestion.delete({ where: { id: open.id } });
  });

  it("is the coordinator's: a member is refused by the server", async () => {
    await expect(saveCollegeConfig(member, reference(["25", "25", "25", "25"]))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getCollegeConfig(member)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("statute settings", () => {
  it("start from the legal defaults", async () => {
    const s = await getStatutes(coordinator);
    expect([
      s.agoQuorumFirstNum,
      s.agoQuorumFirstDen,
      s.ageQuorumFirstNum,
      s.ageQuorumFirstDen,
      s.ageMajorityNum,
      s.ageMajorityDen,
    ]).toEqual([1, 5, 1, 4, 2, 3]);
    expect(s.agoMajorityRule).toBe("MORE_THAN");
    expect(s.ageMajorityRule).toBe("AT_LEAST");
  });

  it("are saved exactly, with an audit entry of before and after", async () => {
    const input = statutesSchema.parse({
      agoQuorumFirst: "1/4",
      agoQuorumSecond: "0",
      agoMajority: "50 %",
      agoMajorityRule: "MORE_THAN",
      ageQuorumFirst: "1/3",
      ageQuorumSecond: "1/5",
      ageMajority: "3/4",
      ageMajorityRule: "AT_LEAST",
      quorumBasis: "WEIGHTED",
      emptyCollegeRule: "COUNT_AS_ZERO",
      proxySameCollege: "on",
      proxyCapRule: "FIXED",
      proxyCapFixed: "2",
      minutesApprovedBy: "PRESIDENT",
    });
    await saveStatutes(coordinator, input);
    const s = await getStatutes(coordinator);
    expect([
      s.agoQuorumFirstNum,
      s.agoQuorumFirstDen,
      s.agoMajorityNum,
      s.agoMajorityDen,
      s.ageMajorityNum,
      s.ageMajorityDen,
    ]).toEqual([1, 4, 1, 2, 3, 4]);
    expect(s).toMatchObject({
      quorumBasis: "WEIGHTED",
      emptyCollegeRule: "COUNT_AS_ZERO",
      proxySameCollege: true,
      proxyCapFixed: 2,
      writtenConsultationsAllowed: false,
    });
    const audit = await db.auditEntry.findFirst({
      where: { action: "statutes.updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.before).toMatchObject({ agoQuorumFirstDen: 5 });
    expect(audit?.after).toMatchObject({ agoQuorumFirstDen: 4 });
  });

  it("refuse a fixed cap without a number, and a threshold over 1", () => {
    const base = {
      agoQuorumFirst: "1/5",
      agoQuorumSecond: "0",
      agoMajority: "1/2",
      agoMajorityRule: "MORE_THAN",
      ageQuorumFirst: "1/4",
      ageQuorumSecond: "1/5",
      ageMajority: "2/3",
      ageMajorityRule: "AT_LEAST",
      quorumBasis: "HEADS",
      emptyCollegeRule: "REDISTRIBUTE",
      minutesApprovedBy: "NEXT_MEETING",
    };
    expect(statutesSchema.safeParse({ ...base, proxyCapRule: "FIXED", proxyCapFixed: "" }).success).toBe(
      false,
    );
    expect(
      statutesSchema.safeParse({ ...base, proxyCapRule: "LEGAL_DEFAULT", agoMajority: "3/2" }).success,
    ).toBe(false);
    expect(statutesSchema.safeParse({ ...base, proxyCapRule: "LEGAL_DEFAULT" }).success).toBe(true);
  });
});
