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
    // An error in a named statement leaves the connection usable and the statement too.
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
});
