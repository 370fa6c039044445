import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { dateKey, parseDateKey } from "@/lib/dates";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import { councilWarnings, type SeatView, type SeatWarning } from "@/lib/bodies/warnings";
import type { MandateInput } from "@/lib/bodies/schema";
import type { BodyKind, MandateRole } from "@/lib/generated/prisma/enums";
import { shownName } from "@/lib/members/names";

export type SeatRow = SeatView & {
  role: MandateRole;
  membershipId: string;
  collegeName: string | null;
  categoryName: string | null;
  isCoordinator: boolean;
  current: boolean;
};
export type BodyView = {
  id: string;
  kind: BodyKind;
  name: string;
  slug: string;
  seatsPerCollege: number | null;
  seats: SeatRow[];
  warnings: SeatWarning[];
  memberCount: number; // for the general assembly: every current associé·e
};

const memberInclude = {
  person: { select: { name: true } },
  categoryAssignments: { include: { category: { select: { name: true, collegeId: true } } } },
} as const;

// Now: rules compare it as the cooperative's calendar day (lib/dates.ts).
function today() {
  return new Date();
}

async function bodiesWithSeats(cooperativeId: string, day: Date): Promise<BodyView[]> {
  const [bodies, colleges, associates] = await Promise.all([
    db.body.findMany({
      where: { cooperativeId },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      include: {
        mandates: { include: { membership: { include: memberInclude } }, orderBy: { startsOn: "asc" } },
      },
    }),
    db.college.findMany({
      where: { cooperativeId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.membership.count({ where: { cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" } }),
  ]);
  return bodies.map((body) => {
    const seats: SeatRow[] = body.mandates.map((m) => {
      const held = categoryOn(spansOf(m.membership.categoryAssignments), day);
      const personCollegeId =
        m.membership.categoryAssignments.find((a) => a.categoryId === held?.categoryId)?.category.collegeId ??
        null;
      return {
        mandateId: m.id,
        membershipId: m.membershipId,
        name: shownName(m.membership),
        role: m.role,
        seatCollegeId: m.collegeId,
        personCollegeId,
        collegeName: colleges.find((c) => c.id === m.collegeId)?.name ?? null,
        categoryName: held?.categoryName ?? null,
        isCoordinator: m.membership.isCoordinator,
        startsOn: m.startsOn,
        endsOn: m.endsOn,
        renewed: body.mandates.some(
          (o) => o.membershipId === m.membershipId && o.id !== m.id && o.startsOn >= (m.endsOn ?? m.startsOn),
        ),
        current: mandateIsCurrent(m, day),
      };
    });
    return {
      id: body.id,
      kind: body.kind,
      name: body.name,
      slug: body.slug,
      seatsPerCollege: body.seatsPerCollege,
      seats,
      warnings: body.kind === "COUNCIL" ? councilWarnings(seats, colleges, body.seatsPerCollege, day) : [],
      memberCount: associates,
    };
  });
}

export async function listBodies(actor: Actor): Promise<BodyView[]> {
  authorize(actor, "member.manage");
  return bodiesWithSeats(actor.cooperativeId, today());
}

export type BodyFailure =
  | "notFound"
  | "memberUnknown"
  | "assemblyHasNoSeats"
  | "presidentTaken"
  | "collegeUnknown"
  | "alreadySeated"
  | "nameTaken"
  | "endInvalid";
export type BodyResult = Result<null, BodyFailure>;

export async function addMandate(actor: Actor, bodyId: string, input: MandateInput): Promise<BodyResult> {
  authorize(actor, "member.manage");
  const cooperativeId = actor.cooperativeId;
  const body = await db.body.findFirst({ where: { id: bodyId, cooperativeId } });
  if (!body) return { ok: false, error: "notFound" };
  if (body.kind === "GENERAL_ASSEMBLY") return { ok: false, error: "assemblyHasNoSeats" };
  const member = await db.membership.findFirst({
    where: { id: input.membershipId, cooperativeId, status: "ACTIVE" },
    include: memberInclude,
  });
  if (!member) return { ok: false, error: "memberUnknown" };
  if (input.collegeId && (await db.college.count({ where: { id: input.collegeId, cooperativeId } })) === 0)
    return { ok: false, error: "collegeUnknown" };
  const startsOn = parseDateKey(input.startsOn);
  const endsOn = input.endsOn ? parseDateKey(input.endsOn) : null;
  const overlapping = await db.mandate.findMany({
    where: {
      bodyId,
      startsOn: endsOn ? { lt: endsOn } : undefined,
      OR: [{ endsOn: null }, { endsOn: { gt: startsOn } }],
    },
  });
  if (overlapping.some((m) => m.membershipId === member.id)) return { ok: false, error: "alreadySeated" };
  if (input.role === "PRESIDENT" && overlapping.some((m) => m.role === "PRESIDENT"))
    return { ok: false, error: "presidentTaken" };

  // A council seat belongs by default to the college of the category held when it starts.
  let collegeId = input.collegeId;
  if (!collegeId && body.kind === "COUNCIL") {
    // categoryOn reads an instant's day in the cooperative's zone: noon UTC of the start's day is
    // that day in every zone from UTC-11 to UTC+11.
    const held = categoryOn(
      spansOf(member.categoryAssignments),
      new Date(startsOn.getTime() + 12 * 3_600_000),
    );
    collegeId =
      member.categoryAssignments.find((a) => a.categoryId === held?.categoryId)?.category.collegeId ?? null;
  }
  await db.$transaction(async (tx) => {
    const mandate = await tx.mandate.create({
      data: {
        cooperativeId,
        bodyId,
        membershipId: member.id,
        role: input.role as MandateRole,
        collegeId,
        startsOn,
        endsOn,
      },
    });
    await recordAudit(tx, {
      cooperativeId,
      actorId: actor.personId,
      action: "mandate.created",
      entityType: "Mandate",
      entityId: mandate.id,
      after: { ...input, collegeId },
    });
  });
  return { ok: true, data: null };
}

export async function endMandate(actor: Actor, mandateId: string, endsOnKey: string): Promise<BodyResult> {
  authorize(actor, "member.manage");
  const mandate = await db.mandate.findFirst({
    where: { id: mandateId, cooperativeId: actor.cooperativeId },
  });
  if (!mandate) return { ok: false, error: "notFound" };
  const endsOn = parseDateKey(endsOnKey);
  if (endsOn <= mandate.startsOn) return { ok: false, error: "endInvalid" };
  await db.$transaction(async (tx) => {
    await tx.mandate.update({ where: { id: mandateId }, data: { endsOn } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "mandate.ended",
      entityType: "Mandate",
      entityId: mandateId,
      before: { endsOn: mandate.endsOn ? dateKey(mandate.endsOn) : null },
      after: { endsOn: endsOnKey },
    });
  });
  return { ok: true, data: null };
}

function slugify(name: string) {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

export async function createCommission(actor: Actor, name: string): Promise<BodyResult> {
  authorize(actor, "member.manage");
  const slug = slugify(name) || "commission";
  if ((await db.body.count({ where: { cooperativeId: actor.cooperativeId, slug } })) > 0)
    return { ok: false, error: "nameTaken" };
  await db.$transaction(async (tx) => {
    const body = await tx.body.create({
      data: { cooperativeId: actor.cooperativeId, kind: "COMMISSION", name, slug },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "body.created",
      entityType: "Body",
      entityId: body.id,
      after: { name },
    });
  });
  return { ok: true, data: null };
}

export async function setSeatsPerCollege(
  actor: Actor,
  bodyId: string,
  seats: number | null,
): Promise<BodyResult> {
  authorize(actor, "member.manage");
  const body = await db.body.findFirst({ where: { id: bodyId, cooperativeId: actor.cooperativeId } });
  if (!body) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.body.update({ where: { id: bodyId }, data: { seatsPerCollege: seats } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "body.seatsChanged",
      entityType: "Body",
      entityId: bodyId,
      before: { seats: body.seatsPerCollege },
      after: { seats },
    });
  });
  return { ok: true, data: null };
}

export async function activeMembersForSeats(actor: Actor) {
  authorize(actor, "member.manage");
  const members = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
    include: { person: { select: { name: true } } },
    orderBy: { person: { name: "asc" } },
  });
  return members.map((m) => ({ id: m.id, name: shownName(m) }));
}

export async function listColleges(actor: Actor) {
  authorize(actor, "directory.read");
  return db.college.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
}

// For every member: who sits where, by college, with roles; search by name.
export type DirectoryView = {
  bodies: {
    id: string;
    kind: BodyKind;
    name: string;
    groups: {
      college: string | null;
      people: { name: string; category: string | null; roles: string[]; since: Date; until: Date | null }[];
    }[];
  }[];
  members: { name: string; category: string | null; isCoordinator: boolean }[];
};

export async function directory(actor: Actor, q?: string): Promise<DirectoryView> {
  authorize(actor, "directory.read");
  const day = today();
  const bodies = await bodiesWithSeats(actor.cooperativeId, day);
  const colleges = await listColleges(actor);
  const match = (name: string) =>
    !q?.trim() || name.toLocaleLowerCase("fr").includes(q.trim().toLocaleLowerCase("fr"));
  const members = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
    include: memberInclude,
    orderBy: { person: { name: "asc" } },
  });
  return {
    bodies: bodies
      .filter((b) => b.kind !== "GENERAL_ASSEMBLY")
      .map((b) => {
        const current = b.seats.filter((s) => s.current && match(s.name));
        const groupNames = b.kind === "COUNCIL" ? [...colleges.map((c) => c.name), null] : [null];
        return {
          id: b.id,
          kind: b.kind,
          name: b.name,
          groups: groupNames
            .map((college) => ({
              college,
              people: current
                .filter((s) => (b.kind === "COUNCIL" ? s.collegeName === college : true))
                .map((s) => ({
                  name: s.name,
                  category: s.categoryName,
                  roles: [
                    ...(s.role !== "MEMBER" ? [s.role] : []),
                    ...(s.isCoordinator ? ["COORDINATOR"] : []),
                  ],
                  since: s.startsOn,
                  until: s.endsOn,
                })),
            }))
            .filter((g) => g.people.length > 0),
        };
      }),
    members: members
      .filter((m) => match(shownName(m)))
      .map((m) => ({
        name: shownName(m),
        category: categoryOn(spansOf(m.categoryAssignments), day)?.categoryName ?? null,
        isCoordinator: m.isCoordinator,
      })),
  };
}
