import fs from "node:fs";
import os from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { exportCooperative, importCooperative } from "@/lib/operator/cooperative-file";
import { seedDemoCopy } from "@/scripts/seed";
import { TEMPLATE } from "./global-setup";

// Issue 16: one cooperative exported as a file and imported into another portal, whole; a person
// the target already knows keeps their account; the same cooperative twice is refused.

const source = process.env.DATABASE_URL!;
const targetName = `portail_test_import_${process.pid}`;
const target = Object.assign(new URL(source), { pathname: `/${targetName}` }).toString();
const admin = () =>
  new pg.Client({ connectionString: Object.assign(new URL(source), { pathname: "/postgres" }).toString() });

afterAll(async () => {
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  await client.end();
});

async function rows(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("a cooperative moved to another portal", () => {
  it("arrives whole, joins the accounts the target knows, and only once", async () => {
    const id = await seedDemoCopy(source, { slug: "depart", emailDomain: "depart.example.org" });
    await seedDemoCopy(source, { slug: "reste", emailDomain: "reste.example.org" });
    const file = path.join(os.tmpdir(), `cooperative-${process.pid}.jsonl.gz`);
    const exported = await exportCooperative(source, "depart", file);
    expect(exported.Cooperative).toBe(1);
    expect(exported.Membership).toBeGreaterThan(5);
    expect(exported.Meeting).toBeGreaterThan(0);
    expect(exported.VoteQuestion).toBeGreaterThan(0);
    expect(exported.Decision).toBeGreaterThan(0);
    expect(exported.Mandate).toBeGreaterThan(0);

    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE "${targetName}" TEMPLATE "${TEMPLATE}"`);
    await client.end();
    // The target already knows Paul (he belongs to another cooperative there).
    await rows(
      target,
      `INSERT INTO "Person" (id, email, name, "updatedAt") VALUES ('paul-ici', 'paul.martin@depart.example.org', 'Paul M.', now())`,
    );

    const imported = await importCooperative(target, file);
    expect(imported.cooperative.slug).toBe("depart");
    expect(imported.counts).toEqual(Object.fromEntries(Object.entries(exported).filter(([, n]) => n > 0)));
    expect(imported.accountsJoined).toBe(1);

    // Every scoped table holds the same rows on both sides; nothing of « reste » came along.
    const tables = (await rows(
      source,
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'cooperativeId'`,
    )) as { name: string }[];
    for (const { name } of tables) {
      const count = `SELECT count(*)::int AS n FROM "${name}" WHERE "cooperativeId" = $1`;
      const [before] = await rows(source, count, [id]);
      const [after] = await rows(target, count, [id]);
      expect(after, name).toEqual(before);
    }
    expect(await rows(target, `SELECT slug FROM "Cooperative" ORDER BY slug`)).toEqual([{ slug: "depart" }]);
    // Paul's membership is joined to the account the target had; the others came with their passwords.
    const [paul] = await rows(
      target,
      `SELECT m."personId" FROM "Membership" m WHERE m."cooperativeId" = $1 AND m."personId" = 'paul-ici'`,
      [id],
    );
    expect(paul).toBeTruthy();
    const [clara] = await rows(
      target,
      `SELECT "passwordHash" FROM "Person" WHERE email = 'coordination@depart.example.org'`,
    );
    expect(clara?.passwordHash).toMatch(/^\$argon2/);
    // Its open written consultation will close on its new portal: the close is queued there.
    const open = await rows(
      target,
      `SELECT id, "closesAt" FROM "VoteQuestion" WHERE "cooperativeId" = $1 AND status = 'OPEN' AND "closesAt" IS NOT NULL`,
      [id],
    );
    expect(open.length).toBeGreaterThan(0);
    const closes = await rows(
      target,
      `SELECT data->>'questionId' AS "questionId", start_after AS "startAfter" FROM pgboss.job WHERE name = 'vote-close'`,
    );
    expect(closes).toEqual(open.map((q) => ({ questionId: q.id, startAfter: q.closesAt })));

    await expect(importCooperative(target, file)).rejects.toThrow(/déjà une coopérative « depart »/);

    // A tampered file: a row of another cooperative, or an operator account, gets nothing in.
    const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").trim().split("\n");
    const tamper = (edit: (line: { t: string; rows: Record<string, unknown>[] }) => void) => {
      const out = lines.map((raw, i) => {
        if (i === 0) return raw.replace('"slug":"depart"', '"slug":"autre"');
        const line = JSON.parse(raw) as { t: string; rows: Record<string, unknown>[] };
        if (line.t === "Cooperative") line.rows[0]!.slug = "autre";
        edit(line);
        return JSON.stringify(line);
      });
      const bad = path.join(os.tmpdir(), `cooperative-bad-${process.pid}.jsonl.gz`);
      fs.writeFileSync(bad, gzipSync(`${out.join("\n")}\n`));
      return bad;
    };
    await rows(target, `DELETE FROM "Cooperative" WHERE id = $1`, [id]);
    await expect(
      importCooperative(
        target,
        tamper((line) => {
          if (line.t === "Membership") line.rows[0]!.cooperativeId = "une-autre";
        }),
      ),
    ).rejects.toThrow(/Fichier refusé/);
    await expect(
      importCooperative(
        target,
        tamper((line) => {
          if (line.t === "Membership") line.rows.push({ ...line.rows[0]!, id: "x", cooperativeId: "c" });
          if (line.t === "OperatorSetup") line.rows.push({});
        }),
      ),
    ).rejects.toThrow(/Fichier refusé/);
    expect(await rows(target, `SELECT count(*)::int AS n FROM "Cooperative"`)).toEqual([{ n: 0 }]);
    const withOperator = tamper((line) => {
      if (line.t === "Person") for (const p of line.rows) p.isOperator = true;
    });
    await rows(target, `DELETE FROM "Person" WHERE email LIKE '%@depart.example.org'`);
    await importCooperative(target, withOperator);
    expect(await rows(target, `SELECT count(*)::int AS n FROM "Person" WHERE "isOperator"`)).toEqual([
      { n: 0 },
    ]);
  }, 120_000);
});
