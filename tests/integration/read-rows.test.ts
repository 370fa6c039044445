import { afterEach, describe, expect, it } from "vitest";
import { db, readRows, sql } from "@/lib/db";
import { getMeeting } from "@/lib/meetings/service";
import { decisionRecord } from "@/lib/decisions/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildIdea } from "@/tests/factories/ideas";
import { boardRows } from "@/lib/ideas/ideas.internal";

// The reads every page makes go straight on the pool (lib/db.ts, readRows), not through Prisma:
// they must read the same instants as Prisma does, whatever the web server's time zone.
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("reads straight on the pool", () => {
  it("reads a meeting's start at the instant Prisma stored, in any zone of the server", async () => {
    const { cooperative, council } = await createCooperative();
    const { person } = await createMember(cooperative.id, { isCoordinator: true });
    const startsAt = new Date("2026-03-29T00:30:00.000Z"); // the night France changes its clocks
    await buildMeeting({ cooperativeId: cooperative.id, bodyId: council.id, number: 1, startsAt });
    const actor = await actorFor(person.id);
    for (const tz of ["UTC", "Europe/Paris", "Pacific/Auckland", "America/Cayenne"]) {
      process.env.TZ = tz;
      const meeting = await getMeeting(actor, "conseil", 1);
      expect(meeting?.startsAt, tz).toEqual(startsAt);
      expect((await actorFor(person.id)).cooperativeId, tz).toBe(cooperative.id);
    }
    const stored = await db.meeting.findFirst({ where: { cooperativeId: cooperative.id } });
    expect(stored?.startsAt).toEqual(startsAt);
  });

  it("reads a decision's day as Prisma does (midnight UTC), in any zone of the server", async () => {
    const { cooperative, council } = await createCooperative();
    const { person } = await createMember(cooperative.id, { isCoordinator: true });
    const decidedOn = new Date("2026-03-29T00:00:00.000Z");
    await db.decision.create({
      data: {
        cooperativeId: cooperative.id,
        bodyId: council.id,
        title: "Horaires d'été",
        text: "Le centre ouvre à 8 h.",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn,
        publishedAt: new Date(),
      },
    });
    const actor = await actorFor(person.id);
    for (const tz of ["UTC", "Europe/Paris", "Pacific/Auckland", "America/Cayenne"]) {
      process.env.TZ = tz;
      const record = await decisionRecord(actor, { from: "2026-03-29", to: "2026-03-29" }, { page: 1 });
      expect(
        record.decisions.map((d) => d.decidedOn),
        tz,
      ).toEqual([decidedOn]);
      expect(record.total, tz).toBe(1);
    }
    const stored = await db.decision.findFirst({ where: { cooperativeId: cooperative.id } });
    expect(stored?.decidedOn).toEqual(decidedOn);
  });

  it("reads the idea board's times as Prisma does, in every order, in any zone of the server", async () => {
    const { cooperative } = await createCooperative();
    const { membership } = await createMember(cooperative.id);
    const createdAt = new Date("2026-03-29T00:45:00.000Z");
    const answeredAt = new Date("2026-10-25T00:30:00.000Z");
    const answerPublishedAt = new Date("2026-10-25T01:30:00.000Z");
    const answered = await buildIdea({
      cooperativeId: cooperative.id,
      createdAt,
      status: "ANSWERED",
      answerKind: "PLANNED",
      answerText: "Au printemps.",
      answeredAt,
      answerPublishedAt,
    });
    await buildIdea({ cooperativeId: cooperative.id, createdAt: new Date("2026-03-28T12:00:00.000Z") });
    for (const tz of ["UTC", "Europe/Paris", "Pacific/Auckland"])
      for (const sort of ["recentes", "soutenues", "repondues"] as const) {
        process.env.TZ = tz;
        const { ideas, total } = await boardRows({
          cooperativeId: cooperative.id,
          membershipId: membership.id,
          sort,
          limit: 25,
        });
        expect(total, `${tz} ${sort}`).toBe(2);
        expect(ideas[0]?.id, `${tz} ${sort}`).toBe(answered.id);
        expect(ideas[0]?.createdAt, `${tz} ${sort}`).toEqual(createdAt);
        expect(ideas[0]?.answer?.at, `${tz} ${sort}`).toEqual(answeredAt);
      }
  });

  it("sends a date as its instant, and refuses a column that would be read in the server's zone", async () => {
    process.env.TZ = "Pacific/Auckland";
    const at = new Date("2026-12-01T20:15:00.000Z");
    const [row] = await readRows<{ back: Date; text: string }>(
      sql`SELECT ${at}::timestamp AT TIME ZONE 'UTC' AS back, to_char(${at}::timestamp, 'YYYY-MM-DD HH24:MI') AS text`,
    );
    expect(row).toEqual({ back: at, text: "2026-12-01 20:15" });
    await expect(readRows(sql`SELECT ${at}::timestamp AS "startsAt"`)).rejects.toThrow(
      /startsAt.*AT TIME ZONE 'UTC'/,
    );
    await expect(readRows(sql`SELECT current_date AS day`)).rejects.toThrow(/day/);
    // Nor what pg reads otherwise than Prisma: a bigint or a numeric (a string for pg).
    await expect(readRows(sql`SELECT count(*) AS n FROM "Cooperative"`)).rejects.toThrow(/"n" ::int/);
    await expect(readRows(sql`SELECT 1.5::numeric AS share`)).rejects.toThrow(/share/);
    await expect(readRows(sql`SELECT ARRAY[now()::timestamp] AS times`)).rejects.toThrow(/times/);
    // Dates inside an array are sent as their instants too.
    const [list] = await readRows<{ first: string }>(
      sql`SELECT to_char((${[at]}::timestamp[])[1], 'YYYY-MM-DD HH24:MI') AS first`,
    );
    expect(list).toEqual({ first: "2026-12-01 20:15" });
  });
});
