import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { dayKey, parseDateKey } from "@/lib/dates";

// A new cooperative's first steps, on its coordinator's home until all are done: each says
// whether it is done and where to do it. Read from what is there, nothing stored.
export type FirstStep = {
  key: "identity" | "colleges" | "council" | "register" | "meeting";
  done: boolean;
  href: string;
};

export async function firstSteps(actor: Actor, now = new Date()): Promise<FirstStep[] | null> {
  authorize(actor, "home.view");
  if (!can(actor.roles, "statutes.configure")) return null;
  const cooperativeId = actor.cooperativeId;
  // Mandates are calendar days: today in the cooperative's time zone.
  const today = parseDateKey(dayKey(now));
  const [coop, categories, seats, members, meetings] = await Promise.all([
    db.cooperative.findUniqueOrThrow({
      where: { id: cooperativeId },
      select: { shortName: true, city: true },
    }),
    db.category.count({ where: { cooperativeId } }),
    db.mandate.count({
      where: {
        cooperativeId,
        body: { kind: "COUNCIL" },
        startsOn: { lte: today },
        OR: [{ endsOn: null }, { endsOn: { gt: today } }],
      },
    }),
    db.membership.count({ where: { cooperativeId, status: "ACTIVE" } }),
    db.meeting.count({ where: { cooperativeId } }),
  ]);
  const steps: FirstStep[] = [
    { key: "identity", done: Boolean(coop.shortName && coop.city), href: "/admin/colleges" },
    { key: "colleges", done: categories >= 3, href: "/admin/colleges" },
    { key: "council", done: seats > 0, href: "/admin/instances" },
    { key: "register", done: members > 1, href: "/admin/membres/import" },
    { key: "meeting", done: meetings > 0, href: "/reunions/nouvelle" },
  ];
  return steps.every((s) => s.done) ? null : steps;
}
