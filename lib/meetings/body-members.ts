import "server-only";
import { db } from "@/lib/db";
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { categoryOn, spansOf } from "@/lib/members/category-history";
import type { BodyKind } from "@/lib/generated/prisma/enums";
import { shownName } from "@/lib/members/names";
import { dayKey, parseDateKey } from "@/lib/dates";
import { compareFrench } from "@/lib/intl";

// Who belongs to the body on `day`: seated members of a council or commission (current
// mandate), every active associé·e for a general assembly; with the category held that day.
// `at` is an instant: mandates are compared with its calendar day in the cooperative's zone.
export async function bodyMembersOn(body: { id: string; kind: BodyKind; cooperativeId: string }, at: Date) {
  const day = parseDateKey(dayKey(at));
  const memberships =
    body.kind === "GENERAL_ASSEMBLY"
      ? await db.membership.findMany({
          where: { cooperativeId: body.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
          include: {
            person: { select: { name: true, email: true } },
            categoryAssignments: { include: { category: true } },
            mandates: { where: { bodyId: body.id } },
          },
        })
      : (
          await db.mandate.findMany({
            where: {
              bodyId: body.id,
              startsOn: { lte: day },
              OR: [{ endsOn: null }, { endsOn: { gt: day } }],
              membership: { status: "ACTIVE" },
            },
            include: {
              membership: {
                include: {
                  person: { select: { name: true, email: true } },
                  categoryAssignments: { include: { category: true } },
                  mandates: { where: { bodyId: body.id } },
                },
              },
            },
          })
        ).map((m) => m.membership);
  const unique = [...new Map(memberships.map((m) => [m.id, m])).values()];
  return unique
    .map((m) => {
      const held = categoryOn(spansOf(m.categoryAssignments), at);
      return {
        membershipId: m.id,
        name: shownName(m),
        email: m.person.email,
        categoryName: held?.categoryName ?? null,
        collegeId:
          m.categoryAssignments.find((a) => a.categoryId === held?.categoryId)?.category.collegeId ?? null,
        isPresident: m.mandates.some((x) => x.role === "PRESIDENT" && mandateIsCurrent(x, at)),
      };
    })
    .sort((a, b) => Number(b.isPresident) - Number(a.isPresident) || compareFrench(a.name, b.name));
}

// Whether one member belongs to the body on the day of `at` — the same rule as bodyMembersOn, for
// one person in one query (an assembly's page asks it for each reader; listing every associate
// to find one was the meeting page's dearest read).
export async function sitsIn(
  body: { id: string; kind: BodyKind; cooperativeId: string },
  { membershipId, at }: { membershipId: string; at: Date },
): Promise<boolean> {
  const day = parseDateKey(dayKey(at));
  if (body.kind === "GENERAL_ASSEMBLY")
    return (
      (await db.membership.count({
        where: { id: membershipId, cooperativeId: body.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
      })) > 0
    );
  return (
    (await db.mandate.count({
      where: {
        bodyId: body.id,
        membershipId,
        startsOn: { lte: day },
        OR: [{ endsOn: null }, { endsOn: { gt: day } }],
        membership: { status: "ACTIVE" },
      },
    })) > 0
  );
}
