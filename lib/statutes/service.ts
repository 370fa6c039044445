import "server-only";
import { db } from "@/lib/db";
import { forget } from "@/lib/cache";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { validateCollegeConfig, type ConfigViolation } from "@/lib/statutes/college-rules";
import type { CollegeConfigInput, IdentityInput, StatutesInput } from "@/lib/statutes/schema";
import type { CategoryKind } from "@/lib/generated/prisma/enums";
import { formatFraction } from "@/lib/statutes/fractions";

export type CollegeConfigView = {
  colleges: { id: string; name: string; weightBp: number }[];
  categories: {
    id: string;
    name: string;
    kind: CategoryKind;
    collegeId: string | null;
    memberCount: number;
  }[];
};

export async function getCollegeConfig(actor: Actor): Promise<CollegeConfigView> {
  authorize(actor, "statutes.configure");
  const [colleges, categories] = await Promise.all([
    db.college.findMany({ where: { cooperativeId: actor.cooperativeId }, orderBy: { position: "asc" } }),
    db.category.findMany({
      where: { cooperativeId: actor.cooperativeId },
      orderBy: { position: "asc" },
      include: { _count: { select: { assignments: true } } },
    }),
  ]);
  return {
    colleges: colleges.map((c) => ({ id: c.id, name: c.name, weightBp: c.weightBp })),
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      collegeId: c.collegeId,
      memberCount: c._count.assignments,
    })),
  };
}

export type { ConfigViolation };
export type SaveCollegesResult = { ok: true } | { ok: false; violations: ConfigViolation[] };

// Replaces the configuration as a whole, after the law's checks; categories that members hold
// (now or in the past) cannot be removed, so their history stays readable.
export async function saveCollegeConfig(
  actor: Actor,
  input: CollegeConfigInput,
): Promise<SaveCollegesResult> {
  authorize(actor, "statutes.configure");
  const violations: ConfigViolation[] = validateCollegeConfig(
    input.colleges.map((c) => ({ key: c.key, name: c.name, weightBp: c.weight })),
    input.categories,
  );
  const before = await getCollegeConfig(actor);
  const keptCategoryIds = new Set(input.categories.map((c) => c.id).filter(Boolean));
  for (const removed of before.categories.filter((c) => !keptCategoryIds.has(c.id))) {
    if (removed.memberCount > 0) violations.push({ rule: "categoryInUse", category: removed.name });
  }
  const keptCollegeIds = new Set(input.colleges.map((c) => c.id).filter(Boolean));
  const removedColleges = before.colleges.filter((c) => !keptCollegeIds.has(c.id));
  if (
    removedColleges.length &&
    (await db.voteQuestion.count({ where: { cooperativeId: actor.cooperativeId, status: "OPEN" } }))
  )
    for (const c of removedColleges) violations.push({ rule: "collegeInOpenVote", college: c.name });
  if (violations.length) return { ok: false, violations };

  const ownCollegeIds = new Set(before.colleges.map((c) => c.id));
  const ownCategoryIds = new Set(before.categories.map((c) => c.id));
  await db.$transaction(async (tx) => {
    const cooperativeId = actor.cooperativeId;
    // Names are unique per cooperative: park the kept rows under temporary names first.
    for (const c of before.categories)
      await tx.category.update({ where: { id: c.id }, data: { name: `~${c.id}` } });
    for (const c of before.colleges)
      await tx.college.update({ where: { id: c.id }, data: { name: `~${c.id}` } });

    const collegeIdByKey = new Map<string, string>();
    for (const [position, college] of input.colleges.entries()) {
      const data = { name: college.name, weightBp: college.weight, position };
      const saved =
        college.id && ownCollegeIds.has(college.id)
          ? await tx.college.update({ where: { id: college.id }, data })
          : await tx.college.create({ data: { ...data, cooperativeId } });
      collegeIdByKey.set(college.key, saved.id);
    }
    const keptCategories: string[] = [];
    for (const [position, category] of input.categories.entries()) {
      const data = {
        name: category.name,
        kind: category.kind,
        position,
        collegeId: category.collegeKey ? (collegeIdByKey.get(category.collegeKey) ?? null) : null,
      };
      const saved =
        category.id && ownCategoryIds.has(category.id)
          ? await tx.category.update({ where: { id: category.id }, data })
          : await tx.category.create({ data: { ...data, cooperativeId } });
      keptCategories.push(saved.id);
    }
    await tx.category.deleteMany({ where: { cooperativeId, id: { notIn: keptCategories } } });
    await tx.college.deleteMany({ where: { cooperativeId, id: { notIn: [...collegeIdByKey.values()] } } });
    // A new version of the rules: votes opened from now on count with these colleges; those
    // already open keep the copy they opened with (lib/votes/rules.ts).
    await tx.statuteSettings.upsert({
      where: { cooperativeId },
      create: { cooperativeId, version: 2 },
      update: { version: { increment: 1 } },
    });
    await recordAudit(tx, {
      cooperativeId,
      actorId: actor.personId,
      action: "colleges.configured",
      entityType: "Cooperative",
      entityId: cooperativeId,
      before: before as never,
      after: input as never,
    });
  });
  // The meeting pages' college names (lib/meetings/service.ts).
  forget("colleges", actor.cooperativeId);
  return { ok: true };
}

export async function getStatutes(actor: Actor) {
  authorize(actor, "statutes.configure");
  return db.statuteSettings.upsert({
    where: { cooperativeId: actor.cooperativeId },
    create: { cooperativeId: actor.cooperativeId },
    update: {},
  });
}

// The votes open now: they keep the rules they opened with, whatever is saved here.
export async function openVoteCount(actor: Actor): Promise<number> {
  authorize(actor, "statutes.configure");
  return db.voteQuestion.count({ where: { cooperativeId: actor.cooperativeId, status: "OPEN" } });
}

// The form's text for each threshold ("1/5").
export function statutesFormValues(s: Awaited<ReturnType<typeof getStatutes>>): Record<string, string> {
  return {
    agoQuorumFirst: formatFraction({ num: s.agoQuorumFirstNum, den: s.agoQuorumFirstDen }),
    agoQuorumSecond: formatFraction({ num: s.agoQuorumSecondNum, den: s.agoQuorumSecondDen }),
    agoMajority: formatFraction({ num: s.agoMajorityNum, den: s.agoMajorityDen }),
    agoMajorityRule: s.agoMajorityRule,
    ageQuorumFirst: formatFraction({ num: s.ageQuorumFirstNum, den: s.ageQuorumFirstDen }),
    ageQuorumSecond: formatFraction({ num: s.ageQuorumSecondNum, den: s.ageQuorumSecondDen }),
    ageMajority: formatFraction({ num: s.ageMajorityNum, den: s.ageMajorityDen }),
    ageMajorityRule: s.ageMajorityRule,
    quorumBasis: s.quorumBasis,
    emptyCollegeRule: s.emptyCollegeRule,
    proxySameCollege: s.proxySameCollege ? "on" : "",
    proxyCapRule: s.proxyCapRule,
    proxyCapFixed: s.proxyCapFixed?.toString() ?? "",
    blankProxyFollowsCouncil: s.blankProxyFollowsCouncil ? "on" : "",
    writtenConsultationsAllowed: s.writtenConsultationsAllowed ? "on" : "",
    voteChangeAllowed: s.voteChangeAllowed ? "on" : "",
    minutesApprovedBy: s.minutesApprovedBy,
  };
}

export async function saveStatutes(actor: Actor, input: StatutesInput) {
  authorize(actor, "statutes.configure");
  const before = await getStatutes(actor);
  const data = {
    agoQuorumFirstNum: input.agoQuorumFirst.num,
    agoQuorumFirstDen: input.agoQuorumFirst.den,
    agoQuorumSecondNum: input.agoQuorumSecond.num,
    agoQuorumSecondDen: input.agoQuorumSecond.den,
    agoMajorityNum: input.agoMajority.num,
    agoMajorityDen: input.agoMajority.den,
    agoMajorityRule: input.agoMajorityRule,
    ageQuorumFirstNum: input.ageQuorumFirst.num,
    ageQuorumFirstDen: input.ageQuorumFirst.den,
    ageQuorumSecondNum: input.ageQuorumSecond.num,
    ageQuorumSecondDen: input.ageQuorumSecond.den,
    ageMajorityNum: input.ageMajority.num,
    ageMajorityDen: input.ageMajority.den,
    ageMajorityRule: input.ageMajorityRule,
    quorumBasis: input.quorumBasis,
    emptyCollegeRule: input.emptyCollegeRule,
    proxySameCollege: input.proxySameCollege,
    proxyCapRule: input.proxyCapRule,
    proxyCapFixed: input.proxyCapRule === "FIXED" ? input.proxyCapFixed : null,
    blankProxyFollowsCouncil: input.blankProxyFollowsCouncil,
    writtenConsultationsAllowed: input.writtenConsultationsAllowed,
    voteChangeAllowed: input.voteChangeAllowed,
    minutesApprovedBy: input.minutesApprovedBy,
  };
  await db.$transaction(async (tx) => {
    const after = await tx.statuteSettings.update({
      where: { cooperativeId: actor.cooperativeId },
      data: { ...data, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "statutes.updated",
      entityType: "StatuteSettings",
      entityId: actor.cooperativeId,
      before: JSON.parse(JSON.stringify(before)),
      after: JSON.parse(JSON.stringify(after)),
    });
  });
}

// The cooperative's identity: its full name, the short name its pages and e-mails use, its city.
export async function getIdentity(actor: Actor) {
  authorize(actor, "statutes.configure");
  return db.cooperative.findUniqueOrThrow({
    where: { id: actor.cooperativeId },
    select: { name: true, shortName: true, city: true, slug: true },
  });
}

export async function saveIdentity(actor: Actor, input: IdentityInput) {
  authorize(actor, "statutes.configure");
  const before = await getIdentity(actor);
  await db.$transaction(async (tx) => {
    await tx.cooperative.update({ where: { id: actor.cooperativeId }, data: input });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "cooperative.identityChanged",
      entityType: "Cooperative",
      entityId: actor.cooperativeId,
      before: before as never,
      after: input as never,
    });
  });
  // The public pages' name (lib/ideas/public-page.ts).
  forget("cooperative", actor.cooperativeSlug);
}
