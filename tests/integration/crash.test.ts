import { beforeAll, describe, expect, it } from "vitest";
import { runFixture } from "./fixtures/spawn";
import { db } from "@/lib/db";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildQuestion } from "@/tests/factories/votes";

// kill -9 in the middle of a ballot load, then again from the start: every ballot that was
// acknowledged is counted, none twice, and the second run stores exactly the missing ones.

const VOTERS = 400;
let coopId = "";
let questionId = "";
const people: string[] = [];

beforeAll(async () => {
  const coop = await db.cooperative.create({
    data: {
      slug: `crash-${Date.now()}`,
      name: "Crash",
      statutes: { create: { agoQuorumFirstNum: 0, agoQuorumFirstDen: 1 } },
    },
  });
  coopId = coop.id;
  // Four colleges at 25 % (the law keeps each between 10 and 50 %); every voter in the first.
  const colleges = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      db.college.create({
        data: { cooperativeId: coop.id, name: `Collège ${i + 1}`, position: i, weightBp: 2500 },
      }),
    ),
  );
  const category = await db.category.create({
    data: { cooperativeId: coop.id, name: "Associé·es", position: 0, collegeId: colleges[0]!.id },
  });
  const body = await db.body.create({
    data: { cooperativeId: coop.id, kind: "GENERAL_ASSEMBLY", name: "Assemblée générale", slug: "ag" },
  });
  const meeting = await buildMeeting({
    cooperativeId: coop.id,
    bodyId: body.id,
    number: 1,
    startsAt: new Date(),
    assemblyType: "ORDINARY",
    status: "HELD",
  });
  const since = new Date("2020-01-01T00:00:00Z");
  await db.person.createMany({
    data: Array.from({ length: VOTERS }, (_, i) => ({ id: `crash-p-${i}`, name: `Votant·e ${i}` })),
  });
  await db.membership.createMany({
    data: Array.from({ length: VOTERS }, (_, i) => ({
      id: `crash-m-${i}`,
      cooperativeId: coop.id,
      personId: `crash-p-${i}`,
      joinedOn: since,
    })),
  });
  await db.categoryAssignment.createMany({
    data: Array.from({ length: VOTERS }, (_, i) => ({
      cooperativeId: coop.id,
      membershipId: `crash-m-${i}`,
      categoryId: category.id,
      validFrom: since,
    })),
  });
  const question = await buildQuestion({
    cooperativeId: coop.id,
    bodyId: body.id,
    meetingId: meeting.id,
    kind: "AG_RESOLUTION",
    assemblyType: "ORDINARY",
    title: "Résolution",
    status: "OPEN",
    opensAt: new Date(),
  });
  questionId = question.id;
  for (let i = 0; i < VOTERS; i++) people.push(`crash-p-${i}`);
});

function crowd(onLine: (personId: string) => void) {
  return runFixture("ballot-load.ts", [questionId, coopId, ...people], (line) => {
    const [personId, recorded] = line.split(" ");
    if (personId && recorded === "recorded") onLine(personId);
  });
}

describe("a crash in the middle of a ballot load", () => {
  it("loses no acknowledged ballot and counts none twice", async () => {
    const acknowledged = new Set<string>();
    const first = crowd((p) => acknowledged.add(p));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (acknowledged.size >= 100) {
          clearInterval(timer);
          first.kill("SIGKILL");
          resolve();
        }
      }, 5);
      first.once("exit", () => {
        clearInterval(timer);
        reject(new Error("the crowd finished before it could be killed"));
      });
    });
    await new Promise((r) => first.once("exit", r));
    const stored = await db.ballot.findMany({ where: { questionId }, select: { id: true, memberId: true } });
    expect(stored.length).toBeLessThan(VOTERS);
    // Every ballot the box acknowledged is stored (person crash-p-N votes as member crash-m-N).
    const storedMembers = new Set(stored.map((b) => b.memberId));
    for (const person of acknowledged) expect(storedMembers.has(person.replace("-p-", "-m-"))).toBe(true);
    // Participation and ballot go together, or not at all.
    expect(await db.voteParticipation.count({ where: { questionId } })).toBe(stored.length);

    // The server comes back; everyone tries again: the missing ones are stored, nobody twice.
    const again = new Set<string>();
    const second = crowd((p) => again.add(p));
    await new Promise((r) => second.once("exit", r));
    for (const p of acknowledged) expect(again.has(p)).toBe(false);
    expect(acknowledged.size + again.size).toBeGreaterThanOrEqual(stored.length);
    const ballots = await db.ballot.findMany({ where: { questionId }, select: { memberId: true } });
    expect(ballots).toHaveLength(VOTERS);
    expect(new Set(ballots.map((b) => b.memberId)).size).toBe(VOTERS);
    expect(await db.voteParticipation.count({ where: { questionId } })).toBe(VOTERS);
  }, 120_000);
});
