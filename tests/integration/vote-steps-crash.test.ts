import { beforeAll, describe, expect, it } from "vitest";
import { runFixture } from "./fixtures/spawn";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { castBallot } from "@/lib/votes/cast";
import { createQuestion } from "@/lib/votes/questions";
import { closeOverdue } from "@/lib/votes/vote-jobs.internal";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";

// Issue 17: opening and closing a vote are crash-safe. A process opens (then closes) forty
// written consultations one after another and is killed with SIGKILL in the middle of a step.
// Every question is then wholly in one state or the other — open with its rules, its close job
// and its e-mails; closed with its stored count, its decision, its journal line and its result
// e-mails — never half; and doing it again finishes the rest, nothing twice.

const QUESTIONS = 40;
let coordinator: Actor;
let cooperativeId = "";
const members: Actor[] = [];
const ids: string[] = [];

beforeAll(async () => {
  const made = await createCooperative("SCIC des pannes");
  cooperativeId = made.cooperative.id;
  const coord = await createMember(cooperativeId, { name: "Coordination", isCoordinator: true });
  coordinator = await actorFor(coord.person.id, cooperativeId);
  for (let i = 0; i < 3; i++) {
    const m = await createMember(cooperativeId, { name: `Conseiller·e ${i}` });
    await db.mandate.create({
      data: {
        cooperativeId,
        bodyId: made.council.id,
        membershipId: m.membership.id,
        startsOn: new Date("2020-01-01T00:00:00Z"),
      },
    });
    members.push(await actorFor(m.person.id, cooperativeId));
  }
  for (let i = 0; i < QUESTIONS; i++) {
    const created = await createQuestion(coordinator, {
      bodyId: made.council.id,
      kind: "WRITTEN_CONSULTATION",
      meetingId: null,
      title: `Consultation ${i}`,
      text: "",
      secret: i % 2 === 0,
      hideResultsUntilClose: false,
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      excludedCategoryIds: [],
      assemblyType: null,
    });
    if (!created.ok) throw new Error(created.error);
    ids.push(created.data.id);
  }
});

// Runs the step on every question in a child process; kills it with SIGKILL a moment after the
// given number of steps returned (null: lets it finish). Answers what each step printed.
async function run(step: "open" | "close", killAfter: number | null): Promise<Map<string, string>> {
  const printed = new Map<string, string>();
  const child = runFixture("vote-steps.ts", [step, coordinator.personId, cooperativeId, ...ids], (line) => {
    const [outcome, id] = line.split(" ");
    if (outcome && id) printed.set(id, outcome);
    // A few milliseconds into the next step: inside its transaction, or between its parts.
    if (killAfter !== null && printed.size === killAfter)
      setTimeout(() => child.kill("SIGKILL"), 2 + Math.floor(Math.random() * 30));
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (killAfter === null) expect(code).toBe(0);
  return printed;
}

const emailsAbout = (id: string, subject: string) =>
  db.outboxEmail.count({
    where: { cooperativeId, subject: { startsWith: subject }, textBody: { contains: `/votes/${id}` } },
  });
const closeJobs = (id: string) =>
  db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'vote-close' AND data->>'questionId' = ${id}`.then(
    (r) => r[0]!.n,
  );
const journal = (id: string, action: string) => db.auditEntry.count({ where: { entityId: id, action } });

describe("kill -9 while opening and closing votes", () => {
  it("leaves every question wholly opened or not, then wholly closed or not; again finishes the rest", async () => {
    const first = await run("open", 8);
    expect(first.size).toBeLessThan(QUESTIONS);
    const openedBefore = new Set<string>();
    for (const id of ids) {
      const q = await db.voteQuestion.findUniqueOrThrow({ where: { id } });
      if (q.status === "OPEN") openedBefore.add(id);
      const traces = [
        q.rules !== null,
        (await journal(id, "vote.opened")) === 1,
        (await closeJobs(id)) === 1,
        (await emailsAbout(id, "Vote ouvert")) === members.length,
      ];
      if (q.status === "OPEN") expect(traces, id).toEqual([true, true, true, true]);
      else {
        expect(q.status).toBe("DRAFT");
        expect(traces, id).toEqual([false, false, false, false]);
        expect(await closeJobs(id)).toBe(0);
        expect(await emailsAbout(id, "Vote ouvert")).toBe(0);
      }
    }
    // Again: the drafts open, the open ones say so; nobody gets an e-mail twice.
    const second = await run("open", null);
    for (const id of ids) {
      expect(second.get(id)).toBe(openedBefore.has(id) ? "notDraft" : "done");
      expect(await db.voteQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN" });
      expect(await closeJobs(id)).toBe(1);
      expect(await emailsAbout(id, "Vote ouvert")).toBe(members.length);
    }

    for (const id of ids)
      for (const [i, m] of members.slice(0, 2).entries())
        expect((await castBallot(m, id, { choice: i ? "AGAINST" : "FOR" })).ok).toBe(true);

    const closing = await run("close", 8);
    expect(closing.size).toBeLessThan(QUESTIONS);
    for (const id of ids) {
      const q = await db.voteQuestion.findUniqueOrThrow({ where: { id }, include: { decision: true } });
      const traces = [
        q.result !== null,
        q.decision !== null,
        (await journal(id, "vote.closed")) === 1,
        (await emailsAbout(id, "Résultat du vote")) === members.length,
      ];
      if (q.status === "CLOSED") {
        expect(traces, id).toEqual([true, true, true, true]);
        expect(q.decision).toMatchObject({ outcome: "REJECTED" }); // 1 for, 1 against: not more than half
      } else {
        expect(traces, id).toEqual([false, false, false, false]);
        expect(await db.ballot.count({ where: { questionId: id } })).toBe(2);
      }
    }
    // The deadline passes; the worker's sweep closes what the crash left open, once each.
    await db.voteQuestion.updateMany({
      where: { id: { in: ids } },
      data: { closesAt: new Date(Date.now() - 1000) },
    });
    await closeOverdue();
    for (const id of ids) {
      const q = await db.voteQuestion.findUniqueOrThrow({ where: { id }, include: { decision: true } });
      expect(q.status).toBe("CLOSED");
      expect(q.result).not.toBeNull();
      expect(await db.decision.count({ where: { voteQuestionId: id } })).toBe(1);
      expect(await journal(id, "vote.closed")).toBe(1);
      expect(await emailsAbout(id, "Résultat du vote")).toBe(members.length);
    }
  }, 240_000);
});
