import { describe, expect, it } from "vitest";
import pg from "pg";
import { db, nameStatements, pool, statementName } from "@/lib/db";

// Prisma's adapter sends its statements unnamed; lib/db names those it sees again, so that each
// connection prepares them once and PostgreSQL stops planning them on every visit.

describe("repeated statements are prepared", () => {
  it("names a statement on its second sighting, never BEGIN or SET, the same name each time", () => {
    const text = `SELECT ${Date.now()} AS probe WHERE $1::int = 1`;
    expect(statementName(text)).toBeUndefined();
    const name = statementName(text);
    expect(name).toMatch(/^p[\w-]{27}$/);
    expect(statementName(text)).toBe(name);
    for (const control of ["BEGIN", "COMMIT", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"]) {
      statementName(control);
      expect(statementName(control)).toBeUndefined();
    }
  });

  it("prepares what Prisma sends twice on the connection that ran it, with the same results", async () => {
    const client = await pool.connect();
    try {
      const text = `SELECT count(*)::int AS n FROM "Cooperative" WHERE slug <> $1 AND ${Date.now()} > 0`;
      const before = await client.query<{ n: number }>({ text, values: ["-"] });
      const again = await client.query<{ n: number }>({ text, values: ["-"] });
      const third = await client.query<{ n: number }>({ text, values: ["-"] });
      expect(again.rows).toEqual(before.rows);
      expect(third.rows).toEqual(before.rows);
      const { rows } = await client.query<{ name: string; statement: string }>(
        "SELECT name, statement FROM pg_prepared_statements",
      );
      expect(rows).toContainEqual({ name: statementName(text), statement: text });
    } finally {
      client.release();
    }
  });

  it("keeps a statement prepared in a transaction that failed and rolled back", async () => {
    const client = await pool.connect();
    try {
      const offset = Date.now() % 1000;
      const text = `SELECT $1::int + ${offset} AS n`;
      await client.query("BEGIN");
      await client.query({ text, values: [1] });
      // Prepared here, inside the transaction, which then fails and rolls back.
      await client.query({ text, values: [2] });
      await expect(client.query("SELECT 1 / 0")).rejects.toThrow();
      await expect(client.query({ text, values: [3] })).rejects.toThrow(/aborted/);
      // Named for the first time while the transaction is aborted: its preparation fails…
      const late = `SELECT $1::int - ${offset} AS n`;
      statementName(late);
      await expect(client.query({ text: late, values: [1] })).rejects.toThrow(/aborted/);
      await client.query("ROLLBACK");
      const { rows } = await client.query<{ n: number }>({ text, values: [4] });
      expect(rows[0]!.n).toBe(4 + offset);
      // … and is made again afterwards.
      const again = await client.query<{ n: number }>({ text: late, values: [5] });
      expect(again.rows[0]!.n).toBe(5 - offset);
    } finally {
      client.release();
    }
  });

  it("keeps Prisma's queries and transactions working through named statements", async () => {
    const slug = `prepared-${Date.now()}`;
    for (let i = 0; i < 8; i++) {
      const coop = await db.$transaction(async (tx) => {
        const created = await tx.cooperative.create({ data: { slug: `${slug}-${i}`, name: `Prép ${i}` } });
        return tx.cooperative.findUniqueOrThrow({ where: { id: created.id } });
      });
      expect(coop.slug).toBe(`${slug}-${i}`);
    }
    // A named statement refused (a duplicate slug) leaves the next ones working (pg-pool replaces
    // the connection that answered with an error).
    await expect(db.cooperative.create({ data: { slug: `${slug}-0`, name: "Doublon" } })).rejects.toThrow();
    expect(await db.cooperative.count({ where: { slug: { startsWith: slug } } })).toBe(8);
    // Prisma's own statements get prepared: three reads in one transaction (one connection).
    const prepared = await db.$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.cooperative.findFirst({ where: { slug: `${slug}-${i}` } });
      return tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%"Cooperative"%'`;
    });
    expect(prepared[0]!.n).toBeGreaterThan(0);
  });

  it("with DATABASE_PREPARED_STATEMENTS=off prepares nothing, named statements included", async () => {
    const off = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    off.on("connect", nameStatements(false));
    try {
      const text = `SELECT ${Date.now()}::bigint + $1::int AS n`;
      for (let i = 0; i < 3; i++) await off.query({ text, values: [i] });
      // Named by its caller (as the ballot box names its two), and still not prepared.
      const named = await off.query<{ n: string }>({ name: "own-name", text, values: [1] });
      expect(named.rows).toHaveLength(1);
      const { rows } = await off.query("SELECT count(*)::int AS n FROM pg_prepared_statements");
      expect(rows[0].n).toBe(0);
    } finally {
      await off.end();
    }
  });

  it("never names long lists or long texts, and passes pg's own query objects as they are", async () => {
    const list = Array.from({ length: 65 }, (_, i) => `$${i + 1}::int`).join(", ");
    const many = `SELECT ${Date.now()} AS n WHERE 1 IN (${list})`;
    for (let i = 0; i < 3; i++) expect(statementName(many)).toBeUndefined();
    const long = `SELECT ${Date.now()} AS n /* ${"x".repeat(16_000)} */`;
    for (let i = 0; i < 3; i++) expect(statementName(long)).toBeUndefined();
    const client = await pool.connect();
    try {
      const text = `SELECT $1::int * 2 AS n, ${Date.now()} AS probe`;
      await client.query({ text, values: [1] });
      await client.query({ text, values: [1] });
      // A Query object runs itself (its submit()): copied as a plain config, it would never end.
      const query = new pg.Query({ text, values: [21] });
      client.query(query);
      const result = await new Promise<pg.QueryResult>((resolve, reject) => {
        query.on("end", resolve);
        query.on("error", reject);
      });
      expect(result.rows[0].n).toBe(42);
    } finally {
      client.release();
    }
  });

  it("after a column changed type under a prepared statement, answers again unnamed", async () => {
    const client = await pool.connect();
    // Outside a transaction pg-pool calls with (config, values, callback); that path runs a stale
    // statement again at once. (@types/pg types that call with a string only.)
    const withCallback = client.query.bind(client) as unknown as (
      config: { text: string },
      values: unknown[],
      callback: (error: Error | null, result: pg.QueryResult) => void,
    ) => void;
    const run = (text: string, value: number) =>
      new Promise<pg.QueryResult>((resolve, reject) =>
        withCallback({ text }, [value], (error, result) => (error ? reject(error) : resolve(result))),
      );
    try {
      await client.query("CREATE TEMP TABLE shape (x int)");
      await client.query("INSERT INTO shape VALUES (7)");
      const text = `SELECT x FROM shape WHERE $1::int = 1 AND ${Date.now()} > 0`;
      for (let i = 0; i < 3; i++) expect((await run(text, 1)).rows).toEqual([{ x: 7 }]);
      await client.query("ALTER TABLE shape ALTER COLUMN x TYPE text");
      expect((await run(text, 1)).rows).toEqual([{ x: "7" }]);

      // In a transaction (a promise), PostgreSQL has failed the transaction: the error goes back,
      // once; the statement is sent unnamed afterwards.
      const inside = `SELECT x FROM shape WHERE $1::int = 2 AND ${Date.now()} > 0`;
      for (let i = 0; i < 3; i++) await client.query({ text: inside, values: [2] });
      await client.query("ALTER TABLE shape ALTER COLUMN x TYPE varchar(10)");
      await client.query("BEGIN");
      await expect(client.query({ text: inside, values: [2] })).rejects.toMatchObject({ code: "0A000" });
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      expect((await client.query({ text: inside, values: [2] })).rows).toEqual([{ x: "7" }]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });
});
