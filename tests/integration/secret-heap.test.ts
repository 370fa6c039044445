import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { castBallot } from "@/lib/votes/cast";
import { closeQuestion, createQuestion, openQuestion } from "@/lib/votes/questions";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { backupDatabase } from "../../scripts/backup";

// Issue 17: from a copy of the database taken at any moment — the table files themselves, old
// row versions included, or db:backup — nobody can tell who chose what in a secret vote.
//
// The test is the attacker: it reads the raw pages of the Ballot and VoteParticipation tables
// (every tuple version still in the file, with its transaction id), finds each participation's
// member, reads a choice wherever the VoteChoice enum is stored, and links the two by
// transaction id and by order. On an open vote (the control) the attack names every voter's
// choice; on a secret one it must find no choice at all, before the close and after it.

let coordinator: Actor;
let councilId = "";
const council: { actor: Actor; membershipId: string }[] = [];
const CHOICES = ["FOR", "AGAINST", "ABSTAIN", "FOR"] as const;

type Tuple = { xmin: number; data: Buffer };

async function rawTuples(table: string): Promise<{ tuples: Tuple[]; file: Buffer }> {
  await db.$executeRawUnsafe("CHECKPOINT");
  const [row] = await db.$queryRawUnsafe<{ bytes: Uint8Array }[]>(
    `SELECT pg_read_binary_file(current_setting('data_directory') || '/' || pg_relation_filepath($1)) AS bytes`,
    `"${table}"`,
  );
  const file = Buffer.from(row!.bytes);
  const tuples: Tuple[] = [];
  for (let page = 0; page + 8192 <= file.length; page += 8192) {
    const lower = file.readUInt16LE(page + 12);
    for (let lp = page + 24; lp < page + lower; lp += 4) {
      const item = file.readUInt32LE(lp);
      const offset = item & 0x7fff;
      const flags = (item >>> 15) & 0x3;
      const length = item >>> 17;
      if (flags !== 1 || length === 0) continue; // LP_NORMAL: a live or dead tuple version
      const at = page + offset;
      const hoff = file.readUInt8(at + 22);
      tuples.push({ xmin: file.readUInt32LE(at), data: file.subarray(at + hoff, at + length) });
    }
  }
  return { tuples, file };
}

async function choiceOids(): Promise<Map<number, string>> {
  const rows = await db.$queryRaw<
    { oid: number; label: string }[]
  >`SELECT oid::int AS oid, enumlabel::text AS label FROM pg_enum WHERE enumtypid = '"VoteChoice"'::regtype`;
  return new Map(rows.map((r) => [r.oid, r.label]));
}

// A choice stored in these bytes: the enum's oid, at any 4-byte boundary of the tuple's data.
function choiceIn(data: Buffer, oids: Map<number, string>): string | null {
  for (let i = 0; i + 4 <= data.length; i += 4) {
    const found = oids.get(data.readUInt32LE(i));
    if (found) return found;
  }
  return null;
}

// Everything the attacker can link: member → choice, by same transaction id, then by the order
// of transaction ids (votes minutes apart come in order).
async function attack(): Promise<{ choicesSeen: number; links: Map<string, string> }> {
  const oids = await choiceOids();
  const participations = (await rawTuples("VoteParticipation")).tuples
    .map((t) => ({
      xmin: t.xmin,
      member: council.find((m) => t.data.includes(m.membershipId))?.membershipId,
    }))
    .filter((p): p is { xmin: number; member: string } => Boolean(p.member));
  const ballots = (await rawTuples("Ballot")).tuples
    .map((t) => ({ xmin: t.xmin, choice: choiceIn(t.data, oids) }))
    .filter((b): b is { xmin: number; choice: string } => b.choice !== null);
  const links = new Map<string, string>();
  for (const p of participations) {
    const same = ballots.find((b) => b.xmin === p.xmin);
    if (same) links.set(p.member, same.choice);
  }
  return { choicesSeen: ballots.length, links };
}

async function councilQuestion(title: string, secret: boolean) {
  const created = await createQuestion(coordinator, {
    bodyId: councilId,
    kind: "WRITTEN_CONSULTATION",
    meetingId: null,
    title,
    text: "",
    secret,
    hideResultsUntilClose: false,
    closesAt: new Date(Date.now() + 7 * 86_400_000),
    excludedCategoryIds: [],
    assemblyType: null,
  });
  if (!created.ok) throw new Error(created.error);
  expect(await openQuestion(coordinator, created.data.id)).toEqual({ ok: true, data: null });
  return created.data.id;
}

async function everyoneVotes(id: string) {
  for (const [i, m] of council.entries())
    expect((await castBallot(m.actor, id, { choice: CHOICES[i]! })).ok).toBe(true);
}

let superuser = false;

beforeAll(async () => {
  const [role] = await db.$queryRaw<
    { rolsuper: boolean }[]
  >`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`;
  superuser = role?.rolsuper ?? false;
  const made = await createCooperative("SCIC du vote secret");
  councilId = made.council.id;
  const cooperativeId = made.cooperative.id;
  const coord = await createMember(cooperativeId, { name: "Coordination", isCoordinator: true });
  coordinator = await actorFor(coord.person.id, cooperativeId);
  for (let i = 0; i < CHOICES.length; i++) {
    const m = await createMember(cooperativeId, { name: `Conseiller·e ${i}` });
    await db.mandate.create({
      data: {
        cooperativeId,
        bodyId: councilId,
        membershipId: m.membership.id,
        startsOn: new Date("2020-01-01T00:00:00Z"),
      },
    });
    council.push({ actor: await actorFor(m.person.id, cooperativeId), membershipId: m.membership.id });
  }
});

describe("a copy of the database", () => {
  it("links no secret choice to its voter, from the table files or a backup, open or closed", async (context) => {
    // The raw pages are read with pg_read_binary_file, which needs a superuser (the embedded
    // PostgreSQL of `npm test`); an external server's unprivileged role cannot run this attack.
    if (!superuser) context.skip();

    // A secret vote, four council members voting minutes apart.
    const secret = await councilQuestion("Élection de la présidence (secret)", true);
    await everyoneVotes(secret);
    const open = await attack();
    expect(open.choicesSeen).toBe(0);
    expect(open.links.size).toBe(0);
    // db:backup while it is open: the ballots travel sealed.
    const file = path.join(os.tmpdir(), `secret-heap-${process.pid}.jsonl.gz`);
    await backupDatabase(process.env.DATABASE_URL!, file);
    const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
    fs.rmSync(file);
    const ballotRows = lines
      .filter((l) => l.startsWith('{"t":"Ballot"'))
      .flatMap((l) => (JSON.parse(l) as { rows: { choice: string | null; memberId: string | null }[] }).rows);
    expect(ballotRows).toHaveLength(CHOICES.length);
    expect(ballotRows.every((r) => r.choice === null && r.memberId === null)).toBe(true);

    // Closed: counted, ballots deleted; the file still holds no choice, not even in dead rows.
    const closed = await closeQuestion(coordinator, secret);
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.data.result.total).toMatchObject({ for: 2, against: 1, abstain: 1 });
    const after = await attack();
    expect(after.choicesSeen).toBe(0);
    const oids = await choiceOids();
    const { file: ballotFile } = await rawTuples("Ballot");
    for (const oid of oids.keys()) {
      const pattern = Buffer.alloc(4);
      pattern.writeUInt32LE(oid);
      expect(ballotFile.includes(pattern)).toBe(false);
    }

    // The control: the same attack on an open (non-secret) vote names every voter's choice.
    const control = await councilQuestion("Budget de la fête de quartier", false);
    await everyoneVotes(control);
    const seen = await attack();
    expect(seen.links.size).toBe(council.length);
    for (const [i, m] of council.entries()) expect(seen.links.get(m.membershipId)).toBe(CHOICES[i]);
  });
});
