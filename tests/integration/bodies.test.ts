import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  addMandate,
  createCommission,
  directory,
  endMandate,
  listBodies,
  setSeatsPerCollege,
} from "@/lib/bodies/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";

let coordinator: Actor;
let councilId: string;
let users: { college: string; category: string };
let employees: { college: string; category: string };
let paul: string;
let awa: string;

async function collegeWithCategory(
  cooperativeId: string,
  name: string,
  kind: "BENEFICIARY" | "EMPLOYEE" | "OTHER",
  position: number,
) {
  const college = await db.college.create({
    data: { cooperativeId, name, position, weightBp: 3334 - position },
  });
  const category = await db.category.create({
    data: { cooperativeId, name, kind, position, collegeId: college.id },
  });
  return { college: college.id, category: category.id };
}

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  councilId = council.id;
  await db.body.create({
    data: { cooperativeId: cooperative.id, kind: "GENERAL_ASSEMBLY", name: "Assemblée générale", slug: "ag" },
  });
  coordinator = await actorFor(
    (await createMember(cooperative.id, { isCoordinator: true, name: "Clara" })).person.id,
  );
  users = await collegeWithCategory(cooperative.id, "usager·es", "BENEFICIARY", 0);
  employees = await collegeWithCategory(cooperative.id, "salarié·es", "EMPLOYEE", 1);
  await collegeWithCategory(cooperative.id, "soutiens", "OTHER", 2);
  paul = (await createMember(cooperative.id, { name: "Paul Martin" })).membership.id;
  awa = (await createMember(cooperative.id, { name: "Awa Touré" })).membership.id;
  await db.categoryAssignment.create({
    data: {
      cooperativeId: cooperative.id,
      membershipId: paul,
      categoryId: users.category,
      validFrom: new Date("2020-01-01"),
    },
  });
  await db.categoryAssignment.create({
    data: {
      cooperativeId: cooperative.id,
      membershipId: awa,
      categoryId: employees.category,
      validFrom: new Date("2020-01-01"),
    },
  });
});

const council = async () => (await listBodies(coordinator)).find((b) => b.id === councilId)!;

describe("council seats and mandates", () => {
  it("seats a member in the college of their category by default, and warns of what is missing", async () => {
    expect(
      await addMandate(coordinator, councilId, {
        membershipId: paul,
        role: "PRESIDENT",
        collegeId: null,
        startsOn: "2025-06-15",
        endsOn: null,
      }),
    ).toEqual({ ok: true, data: null });
    const body = await council();
    expect(body.seats[0]).toMatchObject({
      name: "Paul Martin",
      seatCollegeId: users.college,
      role: "PRESIDENT",
      current: true,
    });
    expect(body.warnings).toEqual([
      { kind: "emptyCollege", college: "salarié·es" },
      { kind: "emptyCollege", college: "soutiens" },
    ]);
  });

  it("refuses a second president over the same period, and a second seat for the same person", async () => {
    expect(
      await addMandate(coordinator, councilId, {
        membershipId: awa,
        role: "PRESIDENT",
        collegeId: null,
        startsOn: "2026-01-01",
        endsOn: null,
      }),
    ).toEqual({ ok: false, error: "presidentTaken" });
    expect(
      await addMandate(coordinator, councilId, {
        membershipId: paul,
        role: "MEMBER",
        collegeId: null,
        startsOn: "2026-01-01",
        endsOn: null,
      }),
    ).toEqual({ ok: false, error: "alreadySeated" });
  });

  it("accepts, with a warning, a seat in a college that is not the person's", async () => {
    expect(
      await addMandate(coordinator, councilId, {
        membershipId: awa,
        role: "MEMBER",
        collegeId: users.college,
        startsOn: "2025-06-15",
        endsOn: null,
      }),
    ).toEqual({ ok: true, data: null });
    expect((await council()).warnings).toContainEqual({
      kind: "wrongCollege",
      name: "Awa Touré",
      seatCollege: "usager·es",
      personCollege: "salarié·es",
    });
  });

  it("warns when a college has more seats than planned", async () => {
    expect(await setSeatsPerCollege(coordinator, councilId, 1)).toEqual({ ok: true, data: null });
    expect((await council()).warnings).toContainEqual({
      kind: "tooManySeats",
      college: "usager·es",
      seated: 2,
      seats: 1,
    });
  });

  it("ends a mandate; an ended mandate no longer gives a seat and is flagged as not renewed", async () => {
    const seat = (await council()).seats.find((s) => s.name === "Awa Touré")!;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await endMandate(coordinator, seat.mandateId, yesterday)).toEqual({ ok: true, data: null });
    const body = await council();
    expect(body.seats.find((s) => s.name === "Awa Touré")?.current).toBe(false);
    expect(body.warnings.some((w) => w.kind === "expired" && w.name === "Awa Touré")).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: seat.mandateId, action: "mandate.ended" } })).toBe(
      1,
    );
  });

  it("the general assembly has no seats: it is every current member", async () => {
    const ag = (await listBodies(coordinator)).find((b) => b.kind === "GENERAL_ASSEMBLY")!;
    expect(
      await addMandate(coordinator, ag.id, {
        membershipId: paul,
        role: "MEMBER",
        collegeId: null,
        startsOn: "2025-01-01",
        endsOn: null,
      }),
    ).toEqual({ ok: false, error: "assemblyHasNoSeats" });
    expect(ag.memberCount).toBe(3);
  });
});

describe("commissions and the directory", () => {
  it("creates a commission with its members, once per name", async () => {
    expect(await createCommission(coordinator, "Commission administrative")).toEqual({
      ok: true,
      data: null,
    });
    expect(await createCommission(coordinator, "Commission  administrative")).toEqual({
      ok: false,
      error: "nameTaken",
    });
    const commission = (await listBodies(coordinator)).find((b) => b.kind === "COMMISSION")!;
    expect(commission.slug).toBe("commission-administrative");
    expect(
      await addMandate(coordinator, commission.id, {
        membershipId: awa,
        role: "MEMBER",
        collegeId: null,
        startsOn: "2025-01-10",
        endsOn: null,
      }),
    ).toEqual({ ok: true, data: null });
  });

  it("shows every member who sits where, by college, with roles; search by name", async () => {
    const member = await actorFor((await db.membership.findUniqueOrThrow({ where: { id: paul } })).personId);
    const view = await directory(member);
    const councilView = view.bodies.find((b) => b.kind === "COUNCIL")!;
    expect(councilView.groups).toEqual([
      {
        college: "usager·es",
        people: [
          expect.objectContaining({ name: "Paul Martin", roles: ["PRESIDENT"], category: "usager·es" }),
        ],
      },
    ]);
    expect(view.bodies.find((b) => b.kind === "COMMISSION")?.groups[0]?.people.map((p) => p.name)).toEqual([
      "Awa Touré",
    ]);
    expect((await directory(member, "awa")).members.map((m) => m.name)).toEqual(["Awa Touré"]);
  });

  it("is refused to a member for administration", async () => {
    const member = await actorFor((await db.membership.findUniqueOrThrow({ where: { id: paul } })).personId);
    await expect(listBodies(member)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addMandate(member, councilId, {
        membershipId: paul,
        role: "MEMBER",
        collegeId: null,
        startsOn: "2025-01-01",
        endsOn: null,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
