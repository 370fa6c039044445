import { beforeAll, describe, expect, it } from "vitest";
import { openBallot } from "@/lib/votes/seal";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { castBallot, castOwnBallot, myParticipation } from "@/lib/votes/cast";
import { closeQuestion, createQuestion, openQuestion, questionDetail } from "@/lib/votes/questions";
import { recordPaperBallots } from "@/lib/votes/paper-ballots";
import { recordShowOfHands } from "@/lib/votes/show-of-hands";
import { closeFromJob, remindVoters } from "@/lib/votes/vote-jobs.internal";
import { grantProxy, proxySituation, revokeProxy } from "@/lib/votes/proxies";
import { listDecisions } from "@/lib/decisions/service";
import { publishDecisionsOfMinutes } from "@/lib/decisions/record.internal";
import { seedIfEmpty } from "../../scripts/seed";

import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

const demo = (name: string) => `${name}@demo.portail-scic.fr`;

let coordinator: Actor,
  president: Actor,
  marc: Actor,
  julien: Actor,
  salima: Actor,
  paul: Actor,
  ines: Actor,
  fatou: Actor;
let councilId: string, assemblyId: string, meeting3Id: string, employeesId: string;

async function question(input: Partial<Parameters<typeof createQuestion>[1]> & { title: string }) {
  const result = await createQuestion(coordinator, {
    bodyId: councilId,
    kind: "WRITTEN_CONSULTATION",
    meetingId: null,
    text: "",
    secret: false,
    hideResultsUntilClose: false,
    closesAt: new Date(Date.now() + 7 * 86400000),
    excludedCategoryIds: [],
    assemblyType: null,
    ...input,
  });
  if (!result.ok) throw new Error(result.error);
  expect(await openQuestion(coordinator, result.data.id)).toEqual({ ok: true, data: null });
  return result.data.id;
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, president, marc, julien, salima, paul, ines, fatou] = (await Promise.all(
    [
      "coordination",
      "president",
      "marc.beaulieu",
      "julien.etchepare",
      "salima.haddad",
      "paul.martin",
      "ines.morel",
      "fatou.diallo",
    ].map((n) => signInAs(demo(n))),
  )) as [Actor, Actor, Actor, Actor, Actor, Actor, Actor, Actor];
  councilId = (await db.body.findFirstOrThrow({ where: { slug: "conseil" } })).id;
  assemblyId = (await db.body.findFirstOrThrow({ where: { slug: "ag" } })).id;
  meeting3Id = (await db.meeting.findFirstOrThrow({ where: { bodyId: councilId, number: 3 } })).id;
  employeesId = (await db.category.findFirstOrThrow({ where: { name: "salarié·es" } })).id;
});

describe("who may vote, every refusal from the server", () => {
  it("a council member votes once on the open written consultation; a second time is refused", async () => {
    const demoQuestion = await db.voteQuestion.findFirstOrThrow({
      where: { kind: "WRITTEN_CONSULTATION", status: "OPEN" },
    });
    expect(await castBallot(marc, demoQuestion.id, { choice: "FOR" })).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(await castBallot(marc, demoQuestion.id, { choice: "AGAINST" })).toEqual({
      ok: false,
      reason: "alreadyVoted",
    });
    expect(await myParticipation(marc, demoQuestion.id)).toMatchObject({ voted: true, choice: "FOR" });
  });

  it("refuses a guest, a member without a mandate, and another cooperative", async () => {
    const id = await question({ title: "Horaires d'ouverture du samedi" });
    expect(await castBallot(fatou, id, { choice: "FOR" })).toEqual({ ok: false, reason: "guest" });
    expect(await castBallot(paul, id, { choice: "FOR" })).toEqual({ ok: false, reason: "noMandate" });
    // Nor may a member outside the council open the question and its result by its id.
    expect(await questionDetail(paul, id)).toBeNull();
    expect(await questionDetail(marc, id)).not.toBeNull();
    const { cooperative } = await createCooperative("Ailleurs");
    const other = await createMember(cooperative.id, { email: "votant@ailleurs.test" });
    expect(await castBallot(await actorFor(other.person.id, cooperative.id), id, { choice: "FOR" })).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it("refuses an excluded category (conflict of interest)", async () => {
    const id = await question({
      title: "Prime de fin d'année des salarié·es",
      excludedCategoryIds: [employeesId],
    });
    expect(await castBallot(julien, id, { choice: "FOR" })).toEqual({
      ok: false,
      reason: "excludedCategory",
    });
    expect((await castBallot(salima, id, { choice: "FOR" })).ok).toBe(true);
  });

  it("in a meeting: not present, left early, and after the close", async () => {
    const id = await question({
      title: "Achat d'un défibrillateur",
      kind: "MEETING_BALLOT",
      meetingId: meeting3Id,
      closesAt: null,
    });
    const awa = await db.membership.findFirstOrThrow({ where: { person: { name: "Awa Touré" } } });
    const awaActor = await actorFor(awa.personId);
    expect(await castBallot(awaActor, id, { choice: "FOR" })).toEqual({ ok: false, reason: "notPresent" }); // excused
    await db.attendance.update({
      where: { meetingId_membershipId: { meetingId: meeting3Id, membershipId: julien.membershipId } },
      data: { leftAt: new Date(Date.now() - 60_000) },
    });
    expect(await castBallot(julien, id, { choice: "FOR" })).toEqual({ ok: false, reason: "leftEarly" });
    expect((await castBallot(marc, id, { choice: "AGAINST" })).ok).toBe(true);
    expect((await castBallot(salima, id, { choice: "FOR" })).ok).toBe(true);
    expect((await castBallot(president, id, { choice: "FOR" })).ok).toBe(true);
    // The president chairs: they may close it.
    const closed = await closeQuestion(president, id);
    expect(closed.ok && closed.data.result.verdict).toMatch(/^adoptée : 66,7 % pour/);
    expect(await castBallot(coordinator, id, { choice: "FOR" })).toEqual({ ok: false, reason: "closed" });
    // A council's vote enters the decision record with the meeting's minutes, not before.
    const decision = await db.decision.findUniqueOrThrow({ where: { voteQuestionId: id } });
    expect(decision).toMatchObject({ outcome: "ADOPTED", method: "ONLINE_BALLOT", meetingId: meeting3Id });
    expect(decision.text).toContain("Pour 2, contre 1");
    const minutes = await db.minutes.upsert({
      where: { meetingId: meeting3Id },
      create: { cooperativeId: coordinator.cooperativeId, meetingId: meeting3Id },
      update: {},
    });
    expect(decision.publishedAt).toBeNull();
    expect((await listDecisions(paul)).some((d) => d.voteQuestionId === id)).toBe(false);
    await db.$transaction((tx) => publishDecisionsOfMinutes(tx, { minutesId: minutes.id }));
    expect((await listDecisions(paul)).some((d) => d.voteQuestionId === id)).toBe(true);
  });

  it("fifty simultaneous submissions by the same member store exactly one ballot", async () => {
    const id = await question({ title: "Question pour clics multiples" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => castBallot(salima, id, { choice: i % 2 ? "FOR" : "AGAINST" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "alreadyVoted")).toHaveLength(49);
    expect(await db.ballot.count({ where: { questionId: id } })).toBe(1);
    expect(await db.voteParticipation.count({ where: { questionId: id } })).toBe(1);
  });
});

describe("secret ballots", () => {
  it("keep who took part apart from what was chosen: the choice is sealed, and hidden from everyone until the close", async () => {
    const id = await question({
      title: "Élection du bureau (à bulletin secret)",
      secret: true,
      hideResultsUntilClose: false,
    });
    for (const [voter, choice] of [
      [marc, "FOR"],
      [salima, "AGAINST"],
      [julien, "FOR"],
    ] as const) {
      const r = await castBallot(voter, id, { choice: choice });
      expect(r).toEqual({ ok: true, changed: false, secret: true });
    }
    // What is stored: participation = who (no choice, no time); ballot = only sealed bytes (no
    // member, no college, no readable choice, no time, random id).
    const columns = async (table: string) =>
      (
        await db.$queryRaw<
          { column_name: string }[]
        >`SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY 1`
      ).map((c) => c.column_name);
    expect(await columns("VoteParticipation")).toEqual([
      "castById",
      "channel",
      "cooperativeId",
      "memberId",
      "questionId",
    ]);
    expect(await columns("Ballot")).toEqual([
      "choice",
      "collegeId",
      "cooperativeId",
      "id",
      "memberId",
      "questionId",
      "sealed",
    ]);
    const ballots = await db.ballot.findMany({ where: { questionId: id } });
    expect(ballots).toHaveLength(3);
    for (const b of ballots) {
      expect(b).toMatchObject({ memberId: null, collegeId: null, choice: null });
      expect(b.sealed!.length).toBe(ballots[0]!.sealed!.length);
      expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // Opened only with this question's key: not with another question's, not with another secret.
    expect(openBallot(id, ballots[0]!.sealed!).choice).toMatch(/^(FOR|AGAINST)$/);
    expect(() => openBallot("une-autre-question", ballots[0]!.sealed!)).toThrow();
    const secret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "un-autre-secret";
    expect(() => openBallot(id, ballots[0]!.sealed!)).toThrow();
    process.env.NEXTAUTH_SECRET = secret;

    // The voter sees that they took part, never a choice; there is no receipt to show anyone.
    expect(await myParticipation(marc, id)).toEqual({ voted: true, channel: "ONLINE", choice: null });
    // Hidden until the close from everyone, the coordinator included (the question was created
    // without « hide results »: secret implies it); only the turnout shows.
    for (const who of [marc, coordinator]) {
      const seen = await questionDetail(who, id);
      expect(seen?.resultHidden).toBe(true);
      expect(seen?.result).toBeNull();
      expect(seen?.turnout?.voters).toBe(3);
    }
    expect(await castBallot(marc, id, { choice: "AGAINST" })).toEqual({ ok: false, reason: "alreadyVoted" });

    // The close counts the sealed ballots, keeps the count, and deletes them.
    const closed = await closeQuestion(coordinator, id);
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.data.result.total).toMatchObject({ for: 2, against: 1 });
    expect(await db.ballot.count({ where: { questionId: id } })).toBe(0);
    expect((await questionDetail(marc, id))?.result?.result.total).toMatchObject({ for: 2, against: 1 });
    expect(await myParticipation(marc, id)).toMatchObject({ voted: true, choice: null });
  });
});

describe("secret ballots at an assembly", () => {
  it("are counted per college from their sealed content at the close, then deleted", async () => {
    const ag = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: assemblyId,
      number: 94,
      startsAt: new Date(),
      assemblyType: "ORDINARY",
      status: "HELD",
    });
    const id = await question({
      title: "Élection au conseil (secret, assemblée)",
      bodyId: assemblyId,
      kind: "AG_RESOLUTION",
      meetingId: ag.id,
      closesAt: null,
      secret: true,
    });
    const members = await db.membership.findMany({
      where: {
        cooperativeId: coordinator.cooperativeId,
        kind: "ASSOCIATE",
        status: "ACTIVE",
        categoryAssignments: { some: {} },
      },
      take: 20,
      orderBy: { id: "asc" },
    });
    let cast = 0;
    let forCount = 0;
    for (const [i, m] of members.entries()) {
      const r = await castBallot(await actorFor(m.personId, coordinator.cooperativeId), id, {
        choice: i % 2 ? "FOR" : "AGAINST",
      });
      if (r.ok) {
        cast++;
        if (i % 2) forCount++;
      }
    }
    expect(cast).toBeGreaterThanOrEqual(10);
    const closed = await closeQuestion(coordinator, id);
    if (!closed.ok) throw new Error(closed.error);
    const { colleges, total } = closed.data.result;
    expect(total.for + total.against).toBe(cast);
    expect(total.for).toBe(forCount);
    // Each ballot went to its voter's college (sealed with it): the colleges add up.
    expect(colleges.reduce((n, c) => n + c.counts.for + c.counts.against, 0)).toBe(cast);
    expect(colleges.filter((c) => c.cast > 0).length).toBeGreaterThan(1);
    expect(await db.ballot.count({ where: { questionId: id } })).toBe(0);
  });
});

describe("closing", () => {
  it("a written consultation closes itself at its deadline (job) and enters the decision record", async () => {
    const id = await question({ title: "Adhésion au Réseau des centres de santé communautaire" });
    await castBallot(marc, id, { choice: "FOR" });
    await castBallot(salima, id, { choice: "FOR" });
    await castBallot(julien, id, { choice: "ABSTAIN" });
    expect(await closeFromJob(id)).toBe(false); // not yet due
    await db.voteQuestion.update({ where: { id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await castBallot(president, id, { choice: "FOR" })).toEqual({ ok: false, reason: "closed" });
    expect(await closeFromJob(id)).toBe(true);
    const decision = (await listDecisions(paul)).find(
      (d) => d.title === "Adhésion au Réseau des centres de santé communautaire",
    );
    expect(decision).toMatchObject({ outcome: "ADOPTED", method: "WRITTEN_CONSULTATION" });
    expect(decision!.text).toContain("Adoptée : 100 % pour, seuil 50 %.");
    expect(
      await db.outboxEmail.count({
        where: { subject: "Résultat du vote : Adhésion au Réseau des centres de santé communautaire" },
      }),
    ).toBeGreaterThan(5);
  });

  it("opening tells the voters; the reminder goes only to those who have not voted", async () => {
    const before = await db.outboxEmail.count({
      where: { subject: "Vote ouvert : Budget participatif 2027" },
    });
    const id = await question({ title: "Budget participatif 2027" });
    const opened = await db.outboxEmail.findMany({
      where: { subject: "Vote ouvert : Budget participatif 2027" },
    });
    expect(opened.length - before).toBeGreaterThan(5);
    expect(opened.map((m) => m.toAddress)).not.toContain(demo("paul.martin")); // not on the council
    await castBallot(marc, id, { choice: "FOR" });
    const sent = await remindVoters(id);
    const reminders = await db.outboxEmail.findMany({
      where: { subject: "Rappel : vote « Budget participatif 2027 »" },
    });
    expect(reminders).toHaveLength(sent);
    expect(reminders.map((m) => m.toAddress)).not.toContain(demo("marc.beaulieu"));
    expect(reminders.map((m) => m.toAddress)).toContain(demo("salima.haddad"));
  });

  it("a show of hands: the coordinator types the tally; nobody votes it online", async () => {
    const id = await question({
      title: "Date de la fête de quartier",
      kind: "SHOW_OF_HANDS",
      meetingId: meeting3Id,
      closesAt: null,
    });
    expect(await castBallot(marc, id, { choice: "FOR" })).toEqual({ ok: false, reason: "paperOnly" });
    // Counted, the show of hands is closed: one step, one right (the coordinator's).
    const closed = await recordShowOfHands(coordinator, id, [
      { collegeId: null, for: 7, against: 2, abstain: 1 },
    ]);
    expect(closed.ok && closed.data.result.verdict).toBe("adoptée : 77,8 % pour, seuil 50 %");
    expect(await closeQuestion(coordinator, id)).toEqual({ ok: false, error: "notOpen" });
  });
});

describe("general assembly, proxies", () => {
  it("a proxy goes to another associé·e under the cap; the grantor cannot vote, the holder casts for both", async () => {
    const ag = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: assemblyId,
      number: 90,
      startsAt: new Date(),
      assemblyType: "ORDINARY",
      status: "HELD",
    });
    expect(await grantProxy(paul, { meetingId: ag.id, holderId: fatou.membershipId })).toEqual({
      ok: false,
      error: "holderNotAssociate",
    });
    expect(await grantProxy(paul, { meetingId: ag.id, holderId: ines.membershipId })).toEqual({
      ok: true,
      data: null,
    });
    // Fewer than 20 members: one proxy per holder.
    expect(await grantProxy(julien, { meetingId: ag.id, holderId: ines.membershipId })).toEqual({
      ok: false,
      error: "overCap",
    });
    // Paul sees who holds his proxy, Inès whose she holds; Paul may take it back and give it
    // again, until the assembly's first vote opens.
    expect(await proxySituation(paul, ag.id)).toMatchObject({ given: { to: "Inès Morel" }, mayChange: true });
    expect(await proxySituation(ines, ag.id)).toMatchObject({ heldFor: ["Paul Martin"], given: null });
    expect(await revokeProxy(paul, ag.id)).toEqual({ ok: true, data: null });
    expect(await proxySituation(paul, ag.id)).toMatchObject({ given: null });
    expect(await revokeProxy(paul, ag.id)).toEqual({ ok: false, error: "notFound" });
    expect((await grantProxy(paul, { meetingId: ag.id, holderId: ines.membershipId })).ok).toBe(true);
    const id = await question({
      title: "Approbation des comptes 2026",
      bodyId: assemblyId,
      kind: "AG_RESOLUTION",
      meetingId: ag.id,
      closesAt: null,
    });
    expect(await castBallot(paul, id, { choice: "FOR" })).toEqual({ ok: false, reason: "proxyGiven" });
    expect(await revokeProxy(paul, ag.id)).toEqual({ ok: false, error: "votingStarted" });
    expect(await proxySituation(paul, ag.id)).toMatchObject({ mayChange: false });
    expect((await castBallot(ines, id, { choice: "FOR" })).ok).toBe(true);
    expect((await castBallot(ines, id, { choice: "AGAINST", forMemberId: paul.membershipId })).ok).toBe(true);
    expect(await castBallot(ines, id, { choice: "AGAINST", forMemberId: paul.membershipId })).toEqual({
      ok: false,
      reason: "alreadyVoted",
    });
    expect(await castBallot(marc, id, { choice: "FOR", forMemberId: paul.membershipId })).toEqual({
      ok: false,
      reason: "noProxy",
    });
    expect(await castBallot(fatou, id, { choice: "FOR" })).toEqual({ ok: false, reason: "guest" });
    const participation = await db.voteParticipation.findUniqueOrThrow({
      where: { questionId_memberId: { questionId: id, memberId: paul.membershipId } },
    });
    expect(participation.castById).toBe(ines.membershipId);
  });
});

describe("an extraordinary assembly, online and on paper, merged", () => {
  it("counts nobody twice, checks the paper counts, and fails on 2/3 while passing 50 %", async () => {
    const ag = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: assemblyId,
      number: 91,
      startsAt: new Date(),
      assemblyType: "EXTRAORDINARY",
      status: "HELD",
    });
    const id = await question({
      title: "Modification des statuts : nouveau siège",
      bodyId: assemblyId,
      kind: "AG_RESOLUTION",
      meetingId: ag.id,
      closesAt: null,
    });
    expect((await castBallot(salima, id, { choice: "FOR" })).ok).toBe(true); // users: 100 %
    expect((await castBallot(marc, id, { choice: "AGAINST" })).ok).toBe(true); // supporters: 0 %
    expect((await castBallot(julien, id, { choice: "FOR" })).ok).toBe(true); // employees: 1 for…
    const byName = async (name: string) =>
      (
        await db.membership.findFirstOrThrow({
          where: { cooperativeId: coordinator.cooperativeId, person: { name } },
        })
      ).id;
    const colleges = await db.college.findMany({ where: { cooperativeId: coordinator.cooperativeId } });
    const collegeOf = async (name: string) =>
      (await db.category.findFirstOrThrow({ where: { cooperativeId: coordinator.cooperativeId, name } }))
        .collegeId!;
    const partners = await collegeOf("partenaires du quartier");
    const employees = await collegeOf("salarié·es");
    const supporters = await collegeOf("soutiens militants");
    const zero = { for: 0, against: 0, abstain: 0, blank: 0, spoiled: 0 };
    const rows = colleges.map((c) => ({
      collegeId: c.id,
      ...zero,
      ...(c.id === partners
        ? { for: 1 }
        : c.id === employees
          ? { against: 1 }
          : c.id === supporters
            ? { abstain: 1 }
            : {}),
    }));
    const paper = [
      await byName("Pierre-Yves Colin"),
      await byName("Mathis Carpentier"),
      await byName("Louise Perrin"),
    ];
    // Someone who voted online cannot be entered on paper; a guest neither.
    const twice = await recordPaperBallots(coordinator, {
      questionId: id,
      memberIds: [...paper, salima.membershipId, fatou.membershipId],
      rows,
    });
    expect(twice).toMatchObject({ ok: false, error: "paperVoterRefused" });
    expect(!twice.ok && twice.problems?.map((p) => p.reason).sort()).toEqual(["alreadyVoted", "guest"]);
    // Counts that do not add up to the paper voters are refused, college named.
    const wrong = await recordPaperBallots(coordinator, {
      questionId: id,
      memberIds: paper,
      rows: rows.map((r) => (r.collegeId === partners ? { ...r, for: 2 } : r)),
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: "paperCountMismatch",
      problems: [{ name: "partenaires du quartier", reason: "2/1" }],
    });
    // A first entry, mistaken (Pierre-Yves Colin's paper ballot forgotten), then corrected before
    // the close: the correction replaces it whole; the journal keeps both.
    expect(
      await recordPaperBallots(coordinator, {
        questionId: id,
        memberIds: [paper[1]!, paper[2]!],
        rows: rows.map((r) => (r.collegeId === partners ? { ...r, for: 0 } : r)),
      }),
    ).toMatchObject({ ok: true });
    expect(await db.voteParticipation.count({ where: { questionId: id, channel: "PAPER" } })).toBe(2);
    expect(await recordPaperBallots(coordinator, { questionId: id, memberIds: paper, rows })).toEqual({
      ok: true,
      data: null,
    });
    expect(await db.voteParticipation.count({ where: { questionId: id, channel: "PAPER" } })).toBe(3);
    const corrected = await db.auditEntry.findFirstOrThrow({
      where: { entityId: id, action: "vote.paperCorrected" },
    });
    expect((corrected.before as { voters: string[] }).voters.sort()).toEqual([paper[1]!, paper[2]!].sort());
    expect((corrected.after as { voters: string[] }).voters.sort()).toEqual([...paper].sort());
    expect(
      await castBallot(
        await actorFor((await db.membership.findUniqueOrThrow({ where: { id: paper[0]! } })).personId),
        id,
        { choice: "FOR" },
      ),
    ).toEqual({ ok: false, reason: "alreadyVoted" });
    const closed = await closeQuestion(coordinator, id);
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    // users 100 %, employees 50 %, partners 100 %, supporters 0 % → 62.5 %.
    expect(closed.data.result.share).toBeCloseTo(0.625, 10);
    expect(closed.data.result.quorumMet).toBe(true);
    expect(closed.data.result.verdict).toBe(
      "rejetée : 62,5 % des voix exprimées pondérées pour, seuil 66,7 % non atteint",
    );
    expect(closed.data.participants).toBe(6);
  });
});

// The ballot box route takes a shorter path for one's own vote (two statements straight on the
// pool); it must answer exactly as castBallot does, refusal by refusal.
describe("the ballot box's own-vote path", () => {
  const own = (actor: Actor, id: string, choice: "FOR" | "AGAINST" | "ABSTAIN" = "FOR", at?: Date) =>
    castOwnBallot(
      {
        personId: actor.personId,
        preferredCooperativeId: actor.cooperativeId,
        questionId: id,
        choice: choice,
      },
      at,
    );

  it("refuses as castBallot refuses: guest, no mandate, excluded category, show of hands, other cooperative, signed out", async () => {
    const id = await question({ title: "Chemin court : horaires", excludedCategoryIds: [employeesId] });
    for (const actor of [fatou, paul, julien])
      expect(await own(actor, id)).toEqual(await castBallot(actor, id, { choice: "FOR" }));
    expect(await own(fatou, id)).toEqual({ ok: false, reason: "guest" });
    expect(await own(paul, id)).toEqual({ ok: false, reason: "noMandate" });
    expect(await own(julien, id)).toEqual({ ok: false, reason: "excludedCategory" });
    const hands = await question({
      title: "Chemin court : main levée",
      kind: "SHOW_OF_HANDS",
      meetingId: meeting3Id,
      closesAt: null,
    });
    expect(await own(marc, hands)).toEqual({ ok: false, reason: "paperOnly" });
    const { cooperative } = await createCooperative("Ailleurs encore");
    const other = await createMember(cooperative.id, { email: "court@ailleurs.test" });
    expect(
      await castOwnBallot({
        personId: other.person.id,
        preferredCooperativeId: cooperative.id,
        questionId: id,
        choice: "FOR",
      }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
    // Someone with memberships in both: the cooperative they are looking at decides.
    await db.membership.create({ data: { cooperativeId: cooperative.id, personId: marc.personId } });
    expect(
      await castOwnBallot({
        personId: marc.personId,
        preferredCooperativeId: cooperative.id,
        questionId: id,
        choice: "FOR",
      }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(
      await castOwnBallot({
        personId: "nobody",
        preferredCooperativeId: null,
        questionId: id,
        choice: "FOR",
      }),
    ).toEqual({ ok: false, reason: "signedOut" });
    const archived = await createMember(cooperative.id, { status: "ARCHIVED" });
    expect(
      await castOwnBallot({
        personId: archived.person.id,
        preferredCooperativeId: cooperative.id,
        questionId: id,
        choice: "FOR",
      }),
    ).toEqual({
      ok: false,
      reason: "signedOut",
    });
  });

  it("in a meeting: not present, left early; stores once; then already voted and closed", async () => {
    const ag = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: councilId,
      number: 92,
      startsAt: new Date(),
      status: "HELD",
    });
    await db.attendance.createMany({
      data: [
        {
          cooperativeId: coordinator.cooperativeId,
          meetingId: ag.id,
          membershipId: marc.membershipId,
          status: "PRESENT",
          arrivedAt: new Date(Date.now() - 3_600_000),
        },
        {
          cooperativeId: coordinator.cooperativeId,
          meetingId: ag.id,
          membershipId: salima.membershipId,
          status: "PRESENT",
          arrivedAt: new Date(Date.now() - 3_600_000),
          leftAt: new Date(Date.now() - 60_000),
        },
      ],
    });
    const id = await question({
      title: "Chemin court : en réunion",
      kind: "MEETING_BALLOT",
      meetingId: ag.id,
      closesAt: null,
    });
    expect(await own(president, id)).toEqual({ ok: false, reason: "notPresent" });
    expect(await own(salima, id)).toEqual({ ok: false, reason: "leftEarly" });
    // Arrived later than the instant of the vote: not present then.
    expect(await own(marc, id, "FOR", new Date(Date.now() - 7_200_000))).toEqual({
      ok: false,
      reason: "notPresent",
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => own(marc, id, "AGAINST")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await castBallot(marc, id, { choice: "FOR" })).toEqual({ ok: false, reason: "alreadyVoted" });
    expect(
      await db.ballot.findMany({ where: { questionId: id }, select: { memberId: true, choice: true } }),
    ).toEqual([{ memberId: marc.membershipId, choice: "AGAINST" }]);
    await closeQuestion(president, id);
    expect(await own(marc, id)).toEqual({ ok: false, reason: "closed" });
  });

  it("a proxy given: the grantor is refused; a secret ballot keeps no member", async () => {
    const ag = await buildMeeting({
      cooperativeId: coordinator.cooperativeId,
      bodyId: assemblyId,
      number: 93,
      startsAt: new Date(),
      assemblyType: "ORDINARY",
      status: "HELD",
    });
    expect(await grantProxy(julien, { meetingId: ag.id, holderId: salima.membershipId })).toEqual({
      ok: true,
      data: null,
    });
    const id = await question({
      title: "Chemin court : secret",
      bodyId: assemblyId,
      kind: "AG_RESOLUTION",
      meetingId: ag.id,
      closesAt: null,
      secret: true,
    });
    expect(await own(julien, id)).toEqual({ ok: false, reason: "proxyGiven" });
    const cast = await own(ines, id, "ABSTAIN");
    expect(cast).toMatchObject({ ok: true, changed: false });
    const ballot = await db.ballot.findFirstOrThrow({ where: { questionId: id } });
    expect(ballot).toMatchObject({ memberId: null, collegeId: null, choice: null });
    expect(openBallot(id, ballot.sealed!)).toEqual({
      choice: "ABSTAIN",
      collegeId: (await db.category.findFirstOrThrow({ where: { name: "partenaires du quartier" } }))
        .collegeId,
    });
  });
});
