import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { castBallot } from "@/lib/votes/cast";
import { closeQuestion, createQuestion, openQuestion, questionDetail } from "@/lib/votes/questions";
import { listDecisions } from "@/lib/decisions/service";
import { beleniosVoterLists, recordBeleniosResult } from "@/lib/votes/belenios";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

// Issue 17: a closed vote is a record. An assembly with colleges at 40/25/25/10 where one
// college casts no vote: 59,3 % when its weight is shared, 44,5 % when it counts as zero. Once
// closed, changing every statute setting, importing members, archiving a voter and deleting a
// college leaves the result, the e-mail and the decision-record entry as they were. A vote
// opened before a change of the statutes is counted by the rules it opened with.

let coordinator: Actor;
let cooperativeId = "";
let assemblyId = "";
let meetingId = "";
let colleges: { id: string; name: string }[] = [];
const voters: Record<string, Actor[]> = {};
const memberships: Record<string, string[]> = {};

beforeAll(async () => {
  const { cooperative } = await createCooperative("SCIC des quatre collèges");
  cooperativeId = cooperative.id;
  const made = await createMember(cooperativeId, { name: "Coordination", isCoordinator: true });
  coordinator = await actorFor(made.person.id, cooperativeId);
  colleges = await Promise.all(
    [
      ["usager·es", 4000],
      ["salarié·es", 2500],
      ["partenaires", 2500],
      ["soutiens", 1000],
    ].map(([name, weightBp], position) =>
      db.college.create({
        data: { cooperativeId, name: String(name), weightBp: Number(weightBp), position },
      }),
    ),
  );
  const since = new Date("2020-01-01T00:00:00Z");
  // 4 + 3 + 4 + 3 associé·es, each in the category of their college.
  for (const [i, college] of colleges.entries()) {
    const category = await db.category.create({
      data: { cooperativeId, name: `catégorie ${college.name}`, position: i, collegeId: college.id },
    });
    voters[college.name] = [];
    memberships[college.name] = [];
    for (let n = 0; n < [4, 3, 4, 5][i]!; n++) {
      const m = await createMember(cooperativeId, { name: `${college.name} ${n}` });
      await db.categoryAssignment.create({
        data: { cooperativeId, membershipId: m.membership.id, categoryId: category.id, validFrom: since },
      });
      voters[college.name]!.push(await actorFor(m.person.id, cooperativeId));
      memberships[college.name]!.push(m.membership.id);
    }
  }
  assemblyId = (
    await db.body.create({
      data: { cooperativeId, kind: "GENERAL_ASSEMBLY", name: "Assemblée générale", slug: "ag" },
    })
  ).id;
  meetingId = (
    await buildMeeting({
      cooperativeId,
      bodyId: assemblyId,
      number: 1,
      startsAt: new Date(),
      assemblyType: "ORDINARY",
      status: "HELD",
    })
  ).id;
});

async function resolution(title: string, assemblyType: "ORDINARY" | "EXTRAORDINARY") {
  const created = await createQuestion(coordinator, {
    bodyId: assemblyId,
    kind: "AG_RESOLUTION",
    meetingId,
    title,
    text: "",
    secret: false,
    hideResultsUntilClose: false,
    closesAt: null,
    excludedCategoryIds: [],
    assemblyType,
  });
  if (!created.ok) throw new Error(created.error);
  expect(await openQuestion(coordinator, created.data.id)).toEqual({ ok: true, data: null });
  return created.data.id;
}

// usager·es (40 %) 3 for 1 against: 75 %; salarié·es (25 %) 1 for 1 against: 50 %; partenaires
// (25 %): nobody votes; soutiens (10 %) 1 for 4 against: 20 %. Shared: (0,4 × 0,75 + 0,25 × 0,5 +
// 0,1 × 0,2) / 0,75 = 59,3 %; counted as zero: 44,5 %.
async function castTheAssembly(id: string) {
  const plan: Record<string, ("FOR" | "AGAINST")[]> = {
    "usager·es": ["FOR", "FOR", "FOR", "AGAINST"],
    "salarié·es": ["FOR", "AGAINST"],
    partenaires: [],
    soutiens: ["FOR", "AGAINST", "AGAINST", "AGAINST", "AGAINST"],
  };
  for (const [college, choices] of Object.entries(plan))
    for (const [i, choice] of choices.entries())
      expect((await castBallot(voters[college]![i]!, id, { choice })).ok).toBe(true);
}

async function snapshot(id: string) {
  const detail = await questionDetail(coordinator, id);
  const email = await db.outboxEmail.findFirst({
    where: { cooperativeId, subject: { startsWith: "Résultat du vote" }, textBody: { contains: id } },
    select: { textBody: true },
  });
  const decision = (await listDecisions(coordinator)).find((d) => d.voteQuestionId === id);
  const { countedAt: _countedAt, ...result } = detail!.result!;
  return { result, email: email?.textBody, decision };
}

describe("a closed vote is a record", () => {
  it("keeps its result, e-mail and decision whatever changes after the close", async () => {
    const id = await resolution("Approbation des comptes 2026", "ORDINARY");
    const age = await resolution("Transformation de la réserve", "EXTRAORDINARY");
    await castTheAssembly(id);
    await castTheAssembly(age);
    // One associé·e reads the portal in English: their result e-mail is in English.
    const english = await db.membership.findUniqueOrThrow({
      where: { id: memberships["usager·es"]![0]! },
      select: { person: { select: { id: true, email: true } } },
    });
    await db.person.update({ where: { id: english.person.id }, data: { locale: "en" } });
    const closed = await closeQuestion(coordinator, id);
    if (!closed.ok) throw new Error(closed.error);
    const inEnglish = await db.outboxEmail.findFirstOrThrow({
      where: {
        cooperativeId,
        toAddress: english.person.email!,
        subject: { startsWith: "Result of the vote" },
      },
    });
    expect(inEnglish.subject).toBe("Result of the vote: Approbation des comptes 2026");
    expect(inEnglish.textBody).toContain("Adopted: 59.3% for, threshold 50%.");
    expect(inEnglish.textBody).toContain("For 5, against 6, abstentions 0; 11 voters out of 17.");
    expect(inEnglish.textBody).toContain("By college:");
    expect(inEnglish.textBody).toMatch(
      /usager·es \(weight 40%, effective weight [\d.]+%\): for 3, against 1/,
    );
    await db.person.update({ where: { id: english.person.id }, data: { locale: "fr" } });
    const { result } = closed.data;
    expect(result.verdict).toBe("adoptée : 59,3 % pour, seuil 50 %");
    expect(closed.data.participants).toBe(11);
    expect(closed.data.eligible).toBe(17); // 16 associé·es and the coordinator
    expect(
      result.colleges.map((c) => [c.name, c.share === null ? null : Math.round(c.share * 1000) / 10]),
    ).toEqual([
      ["usager·es", 75],
      ["salarié·es", 50],
      ["partenaires", null],
      ["soutiens", 20],
    ]);
    expect(result.colleges.find((c) => c.name === "partenaires")).toMatchObject({ effectiveWeight: 0 });
    expect(result.colleges.find((c) => c.name === "usager·es")!.effectiveWeight).toBeCloseTo(0.4 / 0.75);
    const closedAge = await closeQuestion(coordinator, age);
    if (!closedAge.ok) throw new Error(closedAge.error);
    expect(closedAge.data.result.verdict).toBe(
      "rejetée : 59,3 % des voix exprimées pondérées pour, seuil 66,7 % non atteint",
    );

    const before = await snapshot(id);
    const beforeAge = await snapshot(age);
    expect(before.decision).toMatchObject({ outcome: "ADOPTED", method: "AG_RESOLUTION" });
    expect(beforeAge.decision).toMatchObject({ outcome: "REJECTED" });
    expect(before.decision!.text).toContain("Adoptée : 59,3 % pour, seuil 50 %.");
    expect(before.decision!.text).toContain(
      "partenaires (poids 25 %) : aucune voix exprimée, son poids est réparti entre les autres collèges",
    );
    expect(before.decision!.text).toContain(
      "usager·es (poids 40 %, poids effectif 53,3 %) : pour 3, contre 1, abstentions 0, soit 75 % pour",
    );
    expect(before.email).toContain("11 votant·es sur 17");
    expect(before.email).toContain("Par collège :");

    // The statutes now count an empty college as zero: a resolution opened after the change,
    // with the same ballots, gets 44,5 % and is rejected; the closed one still reads 59,3 %.
    await db.statuteSettings.update({
      where: { cooperativeId },
      data: { emptyCollegeRule: "COUNT_AS_ZERO", version: { increment: 1 } },
    });
    const after = await resolution("Approbation des comptes 2026 (nouvelle délibération)", "ORDINARY");
    await castTheAssembly(after);
    const recount = await closeQuestion(coordinator, after);
    if (!recount.ok) throw new Error(recount.error);
    expect(recount.data.result.verdict).toBe("rejetée : 44,5 % pour, seuil 50 % non atteint");
    expect(await snapshot(id)).toEqual(before);

    // Everything else the count depended on changes.
    await db.statuteSettings.update({
      where: { cooperativeId },
      data: {
        emptyCollegeRule: "COUNT_AS_ZERO",
        agoMajorityNum: 2,
        agoMajorityDen: 3,
        agoMajorityRule: "AT_LEAST",
        ageMajorityNum: 3,
        ageMajorityDen: 4,
        agoQuorumFirstNum: 9,
        agoQuorumFirstDen: 10,
        quorumBasis: "WEIGHTED",
        version: { increment: 1 },
      },
    });
    for (let n = 0; n < 24; n++) await createMember(cooperativeId, { name: `Nouvel·le associé·e ${n}` });
    await db.membership.update({
      where: { id: memberships["usager·es"]![0]! },
      data: { status: "ARCHIVED" },
    });
    await db.college.update({ where: { id: colleges[0]!.id }, data: { weightBp: 2000, name: "renommé" } });
    await db.college.delete({ where: { id: colleges[1]!.id } });

    expect(await snapshot(id)).toEqual(before);
    expect(await snapshot(age)).toEqual(beforeAge);
    expect(
      await db.outboxEmail.count({
        where: { cooperativeId, subject: "Résultat du vote : Approbation des comptes 2026" },
      }),
    ).toBeGreaterThan(0);
  });

  it("counts a vote by the statutes in force when it opened, and records their version", async () => {
    await db.statuteSettings.update({
      where: { cooperativeId },
      data: {
        emptyCollegeRule: "REDISTRIBUTE",
        ageMajorityNum: 2,
        ageMajorityDen: 3,
        ageMajorityRule: "AT_LEAST",
        ageQuorumFirstNum: 1,
        ageQuorumFirstDen: 4,
        quorumBasis: "HEADS",
        version: { increment: 1 },
      },
    });
    const version = (await db.statuteSettings.findUniqueOrThrow({ where: { cooperativeId } })).version;
    const id = await resolution("Modification des statuts", "EXTRAORDINARY");
    expect(await db.voteQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      statutesVersion: version,
    });
    // While it is open, the AGE majority is lowered to one half: the vote keeps two thirds.
    await db.statuteSettings.update({
      where: { cooperativeId },
      data: { ageMajorityNum: 1, ageMajorityDen: 2, ageMajorityRule: "MORE_THAN", version: { increment: 1 } },
    });
    for (const college of ["usager·es", "partenaires"])
      for (const voter of voters[college]!.slice(1, 3))
        expect((await castBallot(voter, id, { choice: "FOR" })).ok).toBe(true);
    expect((await castBallot(voters["partenaires"]![3]!, id, { choice: "AGAINST" })).ok).toBe(true);
    const closed = await closeQuestion(coordinator, id);
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.data.result.threshold).toBeCloseTo(2 / 3);
    expect(closed.data.rules).toMatchObject({ statutesVersion: version, majority: { num: 2, den: 3 } });
  });
});

describe("an election held in Belenios", () => {
  it("gives one electoral list per college in Belenios's format, then records the results typed back", async () => {
    // (The first test raised the AGO quorum to 9/10; a tenth will do here.)
    await db.statuteSettings.update({
      where: { cooperativeId },
      data: { agoQuorumFirstNum: 1, agoQuorumFirstDen: 10, version: { increment: 1 } },
    });
    const id = await resolution("Élection du conseil (Belenios)", "ORDINARY");
    const lists = await beleniosVoterLists(coordinator, id);
    expect(lists!.map((l) => [l.collegeName, l.lines.length])).toEqual([
      ["renommé", 3], // usager·es, renamed above; one of them archived
      ["partenaires", 4],
      ["soutiens", 5],
    ]);
    for (const line of lists!.flatMap((l) => l.lines)) expect(line).toMatch(/^[^,\s]+@[^,\s]+,m\d{4},1$/);

    const rows = [
      { collegeId: colleges[0]!.id, for: 2, against: 1, abstain: 0, blank: 0 },
      { collegeId: colleges[2]!.id, for: 1, against: 2, abstain: 1, blank: 0 },
      { collegeId: colleges[3]!.id, for: 0, against: 0, abstain: 0, blank: 1 },
    ];
    const url = "https://vote.belenios.org/elections/Xy12Ab34Cd56Ef/";
    const fingerprint = "2uJm3Jq0c5i2Q6bQe4k1Yx8vZlTq0nS0cV7h8w9xYz0";
    // A college of another cooperative, or ballots already cast here, are refused.
    expect(
      await recordBeleniosResult(coordinator, id, {
        url,
        fingerprint,
        rows: [{ collegeId: "college-d-ailleurs", for: 1, against: 0, abstain: 0, blank: 0 }],
      }),
    ).toEqual({ ok: false, error: "notFound" });
    // More ballots than the list had voters, or a college left out, are refused.
    expect(
      await recordBeleniosResult(coordinator, id, {
        url,
        fingerprint,
        rows: rows.map((r) => (r.collegeId === colleges[2]!.id ? { ...r, for: 5 } : r)),
      }),
    ).toEqual({
      ok: false,
      error: "externalCountTooHigh",
      problems: [{ name: "partenaires", reason: "8/4" }],
    });
    expect(await recordBeleniosResult(coordinator, id, { url, fingerprint, rows: rows.slice(0, 2) })).toEqual(
      {
        ok: false,
        error: "notFound",
      },
    );
    const closed = await recordBeleniosResult(coordinator, id, { url, fingerprint, rows });
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.data.external).toEqual({ system: "belenios", url, fingerprint });
    // Those who voted in Belenios were there: the quorum counts them, and the turnout says so.
    expect(closed.data.participants).toBe(8);
    expect(closed.data.result.quorumMet).toBe(true);
    expect(closed.data.result.verdictParts.kind).not.toBe("quorumNotMet");
    expect(closed.data.result.total).toMatchObject({ for: 3, against: 3, abstain: 1, blank: 1 });
    const decision = (await listDecisions(coordinator)).find((d) => d.voteQuestionId === id);
    expect(decision!.text).toContain(
      `Scrutin tenu sur Belenios (vérifiable) : ${url} — empreinte de l'élection ${fingerprint}.`,
    );
    expect(await db.auditEntry.count({ where: { entityId: id, action: "vote.externalResult" } })).toBe(1);

    const other = await resolution("Résolution déjà votée en ligne", "ORDINARY");
    expect((await castBallot(voters["partenaires"]![0]!, other, { choice: "FOR" })).ok).toBe(true);
    expect(await recordBeleniosResult(coordinator, other, { url, fingerprint, rows })).toEqual({
      ok: false,
      error: "externalAfterBallots",
    });
  });
});
