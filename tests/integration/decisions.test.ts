import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  decisionBodies,
  decisionPage,
  decisionRecord,
  listDecisions,
  openActions,
} from "@/lib/decisions/service";
import { decisionFilter } from "@/lib/decisions/schema";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

let coordinator: Actor;
let member: Actor;
let commissionId: string;
let councilId: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  const cooperativeId = cooperative.id;
  councilId = council.id;
  coordinator = await actorFor((await createMember(cooperativeId, { isCoordinator: true })).person.id);
  member = await actorFor((await createMember(cooperativeId, { name: "Élise Hamon" })).person.id);
  commissionId = (
    await db.body.create({
      data: {
        cooperativeId,
        kind: "COMMISSION",
        name: "Commission administrative",
        slug: "commission-administrative",
      },
    })
  ).id;
  const meeting = await buildMeeting({
    cooperativeId,
    bodyId: council.id,
    number: 3,
    startsAt: new Date("2023-03-27T17:30:00Z"),
  });
  const decide = (bodyId: string, title: string, decidedOn: string, extra: object = {}) =>
    db.decision.create({
      data: {
        cooperativeId,
        bodyId,
        title,
        text: title,
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date(decidedOn),
        publishedAt: new Date(),
        ...extra,
      },
    });
  await decide(council.id, "Les salarié·es peuvent déposer des idées", "2023-03-27", {
    meetingId: meeting.id,
  });
  await decide(commissionId, "Recrutement d'une 3e médiatrice", "2023-03-20");
  await decide(commissionId, "Logo : devis refusés", "2023-03-21", { outcome: "REJECTED" });
  await decide(council.id, "Brouillon non publié", "2023-04-01", { publishedAt: null });
  const late = await db.actionItem.create({
    data: {
      cooperativeId,
      meetingId: meeting.id,
      title: "Courrier au ministère",
      dueOn: new Date("2023-04-30"),
    },
  });
  await db.actionItemOwner.create({
    data: { cooperativeId, actionItemId: late.id, membershipId: member.membershipId },
  });
  await db.actionItem.create({
    data: { cooperativeId, title: "Liste des associations", dueOn: new Date("2099-01-01") },
  });
});

describe("the decision record", () => {
  it("lists every published decision of every body, newest first, with its meeting", async () => {
    const all = await listDecisions(member);
    expect(all.map((d) => d.title)).toEqual([
      "Les salarié·es peuvent déposer des idées",
      "Logo : devis refusés",
      "Recrutement d'une 3e médiatrice",
    ]);
    expect(all[0]).toMatchObject({
      bodyName: "Conseil coopératif",
      meeting: { bodySlug: "conseil", number: 3 },
    });
    expect(all[2]).toMatchObject({ bodyName: "Commission administrative", meeting: null });
    // A calendar day, as the page formats it (read with plain SQL since issue 21).
    expect(all[1]!.decidedOn).toEqual(new Date("2023-03-21T00:00:00.000Z"));
    expect(all.every((d) => d.cites === null && d.sharedText === null)).toBe(true);
  });

  it("filters by body, dates and outcome, ignoring malformed values", async () => {
    expect(
      (await listDecisions(member, decisionFilter({ instance: commissionId }))).map((d) => d.title),
    ).toEqual(["Logo : devis refusés", "Recrutement d'une 3e médiatrice"]);
    expect(
      (await listDecisions(member, decisionFilter({ du: "2023-03-21", au: "2023-03-26" }))).map(
        (d) => d.title,
      ),
    ).toEqual(["Logo : devis refusés"]);
    expect((await listDecisions(member, decisionFilter({ issue: "REJECTED" }))).map((d) => d.title)).toEqual([
      "Logo : devis refusés",
    ]);
    expect(
      await listDecisions(member, decisionFilter({ du: "pas une date", issue: "DROP TABLE" })),
    ).toHaveLength(3);
  });

  it("is read a page at a time: every decision on exactly one page, the count of them all", async () => {
    const { cooperative, council } = await createCooperative("Coopérative aux longues années");
    const reader = await actorFor((await createMember(cooperative.id)).person.id);
    // Three a day; within a day, the order written (createdAt) runs against the ids' order, so
    // that each of the record's three keys counts. And a draft, newer than them all.
    await db.decision.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        id: `longues-annees-${String(i).padStart(2, "0")}`,
        cooperativeId: cooperative.id,
        bodyId: council.id,
        title: `Décision ${i}`,
        text: "…",
        method: "CONSENSUS" as const,
        outcome: "ADOPTED" as const,
        decidedOn: new Date(Date.UTC(2021, 0, 1 + (i % 20))),
        createdAt: new Date(Date.UTC(2021, 2, 1) - i * 1000),
        publishedAt: new Date(),
      })),
    });
    await db.decision.create({
      data: {
        cooperativeId: cooperative.id,
        bodyId: council.id,
        title: "Brouillon le plus récent",
        text: "…",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date(Date.UTC(2021, 1, 1)),
      },
    });
    const pages = await Promise.all([1, 2, 3].map((page) => decisionRecord(reader, {}, { page })));
    expect(pages.map((p) => p.decisions.length)).toEqual([25, 25, 10]);
    expect(pages.every((p) => p.total === 60)).toBe(true);
    const seen = pages.flatMap((p) => p.decisions.map((d) => d.title));
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toMatch(/^Décision (19|39|59)$/);
    // A decision's lasting address finds the page that lists it, for each of the 60 (three a day:
    // the order within a day is the record's too).
    const placed = await Promise.all(
      pages.flatMap((p, i) => p.decisions.map(async (d) => [i + 1, await decisionPage(reader, d.id)])),
    );
    expect(placed.every(([page, found]) => page === found)).toBe(true);
    // Another cooperative's decision, a draft, or an invented id: no page.
    const draft = await db.decision.findFirstOrThrow({
      where: { cooperativeId: member.cooperativeId, publishedAt: null },
    });
    const theirs = pages[0]!.decisions[0]!.id;
    expect(await decisionPage(member, theirs)).toBeNull();
    expect(await decisionPage(coordinator, draft.id)).toBeNull();
    expect(await decisionPage(reader, "pas-un-identifiant' OR '1'='1")).toBeNull();
    // Past the last page (an old link): none, and still the count of them all.
    expect(await decisionRecord(reader, {}, { page: 4 })).toMatchObject({ decisions: [], total: 60 });
    // A filter that finds nothing: none, counted as none.
    expect(await decisionRecord(reader, decisionFilter({ issue: "REJECTED" }), { page: 1 })).toMatchObject({
      decisions: [],
      total: 0,
    });
    // The count follows the filter (3 decisions a day: 21 of the 60 on January 1–7).
    expect((await decisionRecord(reader, decisionFilter({ au: "2021-01-07" }), { page: 1 })).total).toBe(21);
  });

  it("its body filter offers the bodies with a published decision, by name, of this cooperative only", async () => {
    // A body whose only decision is a draft is not offered (nothing to find there).
    const assembly = await db.body.create({
      data: {
        cooperativeId: member.cooperativeId,
        kind: "GENERAL_ASSEMBLY",
        name: "Assemblée générale",
        slug: "ag",
      },
    });
    await db.decision.create({
      data: {
        cooperativeId: member.cooperativeId,
        bodyId: assembly.id,
        title: "Pas encore publiée",
        text: "…",
        method: "SHOW_OF_HANDS",
        outcome: "ADOPTED",
        decidedOn: new Date("2023-05-01"),
      },
    });
    // By id: the cooperative of the long years (above) has a « Conseil coopératif » too.
    expect(await decisionBodies(member)).toEqual([
      { id: commissionId, name: "Commission administrative" },
      { id: councilId, name: "Conseil coopératif" },
    ]);
    // The record's page reads them with its rows; past its end, apart: the same list.
    const offered = await decisionBodies(member);
    expect((await decisionRecord(member, {}, { page: 1 })).bodies).toEqual(offered);
    expect((await decisionRecord(member, {}, { page: 99 })).bodies).toEqual(offered);
    // Another cooperative's bodies (the one of the long years has published decisions): never.
    const elsewhere = await createCooperative("Ailleurs");
    const stranger = await actorFor((await createMember(elsewhere.cooperative.id)).person.id);
    expect(await decisionBodies(stranger)).toEqual([]);
  });

  it("is not for guests of the idea box", async () => {
    const guest = await actorFor(
      (await createMember(coordinator.cooperativeId, { kind: "GUEST" })).person.id,
    );
    await expect(listDecisions(guest)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("things to do", () => {
  it("a member sees their own, the overdue ones marked; the coordinator sees all", async () => {
    const mine = await openActions(member, "mine", new Date("2026-11-23"));
    expect(mine).toEqual([
      expect.objectContaining({
        title: "Courrier au ministère",
        overdue: true,
        owners: ["Élise Hamon"],
        // Her own list names no one with her: she is not her own co-owner.
        coOwners: [],
        meeting: expect.objectContaining({ number: 3 }),
      }),
    ]);
    expect(
      (await openActions(coordinator, "all", new Date("2026-11-23"))).map((a) => [a.title, a.overdue]),
    ).toEqual([
      ["Courrier au ministère", true],
      ["Liste des associations", false],
    ]);
    await expect(openActions(member, "all")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
