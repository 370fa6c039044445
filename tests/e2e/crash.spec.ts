import { randomBytes } from "node:crypto";
import { expect, test } from "./test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { migrateDeploy } from "../../scripts/migrate";
import { startBenchServer } from "../../bench/server";
import { e2eDatabaseUrl } from "./helpers";

// kill -9 of the web server itself in the middle of a ballot load (issue 8): a production
// `next start` of its own, on a database of its own, takes ballots from 400 voters posting to the
// ballot box 20 at a time; after 100 acknowledgements it is killed with SIGKILL. Every ballot it
// acknowledged is stored, none twice; restarted, it takes the rest, and the ones already
// acknowledged are told « already voted ».

const VOTERS = 400;
const database = `crash_${randomBytes(4).toString("hex")}`;
const url = (name: string) => Object.assign(new URL(e2eDatabaseUrl()), { pathname: `/${name}` }).toString();
const secret = randomBytes(32).toString("base64url");
let questionId = "";
let base = "";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url(database) });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// The production build the journeys run on (bench/server.ts starts it), on this test's database.
async function startServer() {
  const server = await startBenchServer(url(database), secret);
  base = server.base;
  return server;
}

const cookies = new Map<string, string>();
async function vote(person: string): Promise<{ status: number; recorded?: boolean }> {
  const response = await fetch(`${base}/api/votes/${questionId}/ballot`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `next-auth.session-token=${cookies.get(person)}` },
    body: JSON.stringify({ choice: "FOR" }),
  });
  const json = (await response.json().catch(() => ({}))) as { recorded?: boolean };
  return { status: response.status, recorded: json.recorded };
}

test.beforeAll(async () => {
  const admin = new pg.Client({ connectionString: url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  await migrateDeploy(url(database));
  // One cooperative, four colleges at 25 %, 400 associé·es of the first, an assembly in
  // session with its resolution open.
  await sql(`INSERT INTO "Cooperative" (id, slug, name) VALUES ('c', 'crash', 'Crash')`);
  await sql(
    `INSERT INTO "StatuteSettings" ("cooperativeId", "agoQuorumFirstNum", "agoQuorumFirstDen", "updatedAt") VALUES ('c', 0, 1, now())`,
  );
  await sql(
    `INSERT INTO "College" (id, "cooperativeId", name, position, "weightBp") SELECT 'col' || i, 'c', 'Collège ' || i, i, 2500 FROM generate_series(0, 3) i`,
  );
  await sql(
    `INSERT INTO "Category" (id, "cooperativeId", name, kind, position, "collegeId") VALUES ('cat', 'c', 'Associé·es', 'BENEFICIARY', 0, 'col0')`,
  );
  await sql(
    `INSERT INTO "Body" (id, "cooperativeId", kind, name, slug) VALUES ('ag', 'c', 'GENERAL_ASSEMBLY', 'Assemblée générale', 'ag')`,
  );
  await sql(
    `INSERT INTO "Meeting" (id, "cooperativeId", "bodyId", number, "startsAt", status, "assemblyType", "updatedAt") VALUES ('m', 'c', 'ag', 1, now(), 'HELD', 'ORDINARY', now())`,
  );
  await sql(
    `INSERT INTO "Person" (id, name, "updatedAt") SELECT 'p' || i, 'Votant·e ' || i, now() FROM generate_series(1, $1::int) i`,
    [VOTERS],
  );
  await sql(
    `INSERT INTO "Membership" (id, "cooperativeId", "personId", "joinedOn", "calendarSeed") SELECT 'mb' || i, 'c', 'p' || i, '2020-01-01', 'cal' || i FROM generate_series(1, $1::int) i`,
    [VOTERS],
  );
  await sql(
    `INSERT INTO "CategoryAssignment" (id, "cooperativeId", "membershipId", "categoryId", "validFrom") SELECT 'ca' || i, 'c', 'mb' || i, 'cat', '2020-01-01' FROM generate_series(1, $1::int) i`,
    [VOTERS],
  );
  await sql(
    `INSERT INTO "VoteQuestion" (id, "cooperativeId", "bodyId", "meetingId", kind, "assemblyType", title, status, "opensAt") VALUES ('q', 'c', 'ag', 'm', 'AG_RESOLUTION', 'ORDINARY', 'Résolution', 'OPEN', now())`,
  );
  questionId = "q";
  for (let i = 1; i <= VOTERS; i++) cookies.set(`p${i}`, await encode({ token: { sub: `p${i}` }, secret }));
});

test.afterAll(async () => {
  const admin = new pg.Client({ connectionString: url("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

test("kill -9 of the web server mid-load: every acknowledged ballot counted, none twice", async () => {
  test.setTimeout(180_000);
  const people = [...cookies.keys()];
  const acknowledged = new Set<string>();
  let server = await startServer();
  let killed = false;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));

  // 20 voters at a time until the server falls; connection errors after the kill are expected.
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < people.length && !killed) {
        const person = people[next++]!;
        const answer = await vote(person).catch(() => null);
        if (answer?.status === 200 && answer.recorded) acknowledged.add(person);
        if (acknowledged.size >= 100 && !killed) {
          killed = true;
          server.process.kill("SIGKILL");
        }
      }
    }),
  );
  await exited;
  expect(acknowledged.size).toBeGreaterThanOrEqual(100);
  expect(acknowledged.size).toBeLessThan(VOTERS);

  const stored = await sql<{ voters: number; ballots: number }>(
    `SELECT (SELECT count(*)::int FROM "VoteParticipation" WHERE "questionId" = 'q') AS voters, (SELECT count(*)::int FROM "Ballot" WHERE "questionId" = 'q') AS ballots`,
  );
  expect(stored[0]!.ballots).toBe(stored[0]!.voters);
  expect(stored[0]!.ballots).toBeGreaterThanOrEqual(acknowledged.size);
  // Person pN votes as member mbN: each acknowledged ballot is there.
  const members = new Set(
    (await sql<{ memberId: string }>(`SELECT "memberId" FROM "Ballot" WHERE "questionId" = 'q'`)).map(
      (r) => r.memberId,
    ),
  );
  for (const person of acknowledged)
    expect(members.has(person.replace(/^p/, "mb")), `${person}'s acknowledged ballot`).toBe(true);

  // Restarted: everyone tries again; the acknowledged are told they already voted.
  server = await startServer();
  try {
    const answers = new Map<string, number>();
    let again = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (again < people.length) {
          const person = people[again++]!;
          answers.set(person, (await vote(person)).status);
        }
      }),
    );
    for (const person of acknowledged) expect(answers.get(person), person).toBe(409);
    expect([...answers.values()].every((s) => s === 200 || s === 409)).toBe(true);
    const [after] = await sql<{ voters: number; ballots: number; distinct: number }>(
      `SELECT (SELECT count(*)::int FROM "VoteParticipation" WHERE "questionId" = 'q') AS voters, count(*)::int AS ballots, count(DISTINCT id)::int AS distinct FROM "Ballot" WHERE "questionId" = 'q'`,
    );
    expect(after).toEqual({ voters: VOTERS, ballots: VOTERS, distinct: VOTERS });
  } finally {
    await server.stop();
  }
});
