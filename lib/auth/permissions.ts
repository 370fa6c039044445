// Who may do what: one table, read by the server on every page and action, and walked
// whole by tests/unit/permissions.test.ts. The UI only mirrors it.

import { dateKey, dayKey } from "@/lib/dates";

export const ROLES = ["coordinator", "president", "councilMember", "member", "guest"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "home.view",
  "meeting.read",
  "meeting.manage",
  "minutes.readPublished",
  "minutes.readDraft",
  "minutes.draft",
  "minutes.comment",
  "minutes.approve",
  "decision.read",
  "text.read",
  "text.propose",
  "text.draft",
  "vote.castCouncil",
  "vote.castAssembly",
  "vote.manage",
  "vote.close",
  "idea.post",
  "idea.moderate",
  "directory.read",
  "member.manage",
  "statutes.configure",
  "newsletter.manage",
  "outbox.read",
  "audit.read",
  "admin.access",
  "support.grant",
  // The partners' booklet (lib/booklet): members read it and keep entries up to date; the
  // coordinator imports, publishes and sets when an entry is old.
  "booklet.read",
  "booklet.edit",
  "booklet.manage",
  // People willing to be contacted (lib/contacts): the list, its call sheet and e-mails.
  "contact.manage",
  // Events (lib/events): everyone signs up; the coordinator announces, invites and ticks the door.
  "event.read",
  "event.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const everyone: Action[] = ["home.view", "idea.post", "event.read"];
const associate: Action[] = [
  ...everyone,
  "meeting.read",
  "minutes.readPublished",
  "decision.read",
  "vote.castAssembly",
  "directory.read",
  "booklet.read",
  "booklet.edit",
];
const council: Action[] = [
  ...associate,
  "minutes.readDraft",
  "minutes.comment",
  "vote.castCouncil",
  // Texts written together (lib/texts): the council reads them and proposes changes.
  "text.read",
  "text.propose",
];

export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  guest: new Set(everyone),
  member: new Set(associate),
  councilMember: new Set(council),
  // The president chairs the council: approves its minutes and closes its votes.
  president: new Set([...council, "minutes.approve", "vote.close"]),
  coordinator: new Set([
    ...associate,
    "minutes.readDraft",
    "minutes.comment",
    "meeting.manage",
    "minutes.draft",
    "text.read",
    "text.propose",
    "text.draft",
    "vote.manage",
    "vote.close",
    "idea.moderate",
    "member.manage",
    "statutes.configure",
    "newsletter.manage",
    "outbox.read",
    "audit.read",
    "admin.access",
    "support.grant",
    "booklet.manage",
    "contact.manage",
    "event.manage",
  ]),
};

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => PERMISSIONS[role].has(action));
}

export type MandateView = { bodyKind: string; role: string; startsOn: Date; endsOn: Date | null };

// A mandate holds on `day` when it has started and not yet ended (endsOn is exclusive).
// `at` is an instant (now, a meeting's start): a mandate's days are compared with its calendar
// day in the cooperative's time zone — a mandate starting today counts from local midnight, not
// from midnight UTC (between 00:00 and 01:00 in Paris, a council seated that day had no seat).
export function mandateIsCurrent(mandate: Pick<MandateView, "startsOn" | "endsOn">, at: Date): boolean {
  const day = dayKey(at);
  return dateKey(mandate.startsOn) <= day && (mandate.endsOn === null || day < dateKey(mandate.endsOn));
}

// Roles follow from the register: the coordinator flag, the kind of membership, and the
// council mandates current on `day` (council member, president).
export function rolesOf(
  membership: { kind: "ASSOCIATE" | "GUEST"; isCoordinator: boolean; status: "ACTIVE" | "ARCHIVED" },
  mandates: readonly MandateView[],
  day: Date,
): Role[] {
  if (membership.status !== "ACTIVE") return [];
  const roles: Role[] = [membership.kind === "ASSOCIATE" ? "member" : "guest"];
  if (membership.isCoordinator) roles.push("coordinator");
  const councilMandates = mandates.filter((m) => m.bodyKind === "COUNCIL" && mandateIsCurrent(m, day));
  if (membership.kind === "ASSOCIATE" && councilMandates.length > 0) {
    roles.push("councilMember");
    if (councilMandates.some((m) => m.role === "PRESIDENT")) roles.push("president");
  }
  return roles;
}
