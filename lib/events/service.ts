import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { deliverAll, sendEmail } from "@/lib/mail/send";
import { queueEmail } from "@/lib/mail/outbox.internal";
import { siteUrl } from "@/lib/site-url";
import { limit } from "@/lib/limits/counters";
import { limitedAddress } from "@/lib/net/client-address";
import { keyedToken, tokenId, tokenMatches } from "@/lib/links/keyed-token";
import { localeOf, mailTranslator } from "@/lib/i18n/translator";
import { shownName } from "@/lib/members/names";
import { meetingIcs } from "@/lib/meetings/calendar";
import { contactList, mailSelection } from "@/lib/contacts/service";
import type { DoorSignupInput, EventInput, PublicSignupInput } from "@/lib/events/schema";
import { eventWhen, isOver } from "@/lib/events/when";

// Events the cooperative announces: a café-rencontre, a webinar, a visit, the network's meetings.
// Members sign up in two taps (the menu, then « Je viens »); inhabitants from the public page
// without an account; the contact list's people who agreed to events are invited once. The
// capacity holds under simultaneous sign-ups (the event's row is locked while one is counted).
// The door list is ticked on a phone; the reminder of the day before goes out once
// (reminders.internal.ts).

export type EventError =
  | "notFound"
  | "full"
  | "cancelled"
  | "over"
  | "rateLimited"
  | "suspended"
  | "capacityBelowSignups"
  | "alreadyInvited"
  | "notPublic"
  | "nobodyToInvite"
  | "busy"
  | "startInPast";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

function fields(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    videoUrl: input.videoUrl,
    capacity: input.capacity,
    public: input.public,
  };
}

// The member's own page of the event, and the public one.
export const eventPath = (id: string) => `/evenements/${id}`;
export const publicEventPath = (slug: string, id: string) => `/i/${slug}/evenements/${id}`;

export function cancelLink(row: { id: string; linkSeed: string }, slug: string): string {
  return `${siteUrl()}/i/${slug}/evenements/annuler/${keyedToken("event", { id: row.id, seed: row.linkSeed })}`;
}

const upcoming = (now: Date) => ({
  OR: [
    { endsAt: { gte: now } },
    { endsAt: null, startsAt: { gte: new Date(now.getTime() - 3 * 3_600_000) } },
  ],
});

// The list: what is coming (with the places left and whether the reader comes), and for the
// coordinator the last ones past.
export async function eventList(actor: Actor, now = new Date()) {
  authorize(actor, "event.read");
  const select = {
    id: true,
    kind: true,
    title: true,
    startsAt: true,
    endsAt: true,
    place: true,
    videoUrl: true,
    capacity: true,
    public: true,
    cancelledAt: true,
    _count: { select: { signups: { where: { source: { not: "DOOR" as const } } } } },
    signups: { where: { membershipId: actor.membershipId }, select: { id: true } },
  };
  const [coming, past] = await Promise.all([
    db.communityEvent.findMany({
      where: { cooperativeId: actor.cooperativeId, ...upcoming(now) },
      orderBy: { startsAt: "asc" },
      take: 100,
      select,
    }),
    can(actor.roles, "event.manage")
      ? db.communityEvent.findMany({
          where: { cooperativeId: actor.cooperativeId, NOT: upcoming(now) },
          orderBy: { startsAt: "desc" },
          take: 20,
          select,
        })
      : Promise.resolve([]),
  ]);
  const shape = (e: (typeof coming)[number]) => ({
    ...e,
    taken: e._count.signups,
    mine: e.signups.length > 0,
  });
  return { coming: coming.map(shape), past: past.map(shape) };
}

// One event: for everyone its details and whether they come; for the coordinator who comes.
export async function eventFor(actor: Actor, id: string) {
  authorize(actor, "event.read");
  const event = await db.communityEvent.findFirst({
    where: { id, cooperativeId: actor.cooperativeId },
  });
  if (!event) return null;
  const manage = can(actor.roles, "event.manage");
  const signups = await db.eventSignup.findMany({
    where: { eventId: id, ...(manage ? {} : { membershipId: actor.membershipId }) },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      source: true,
      checkedInAt: true,
      membershipId: true,
      createdAt: true,
      membership: { select: { phone: true, person: { select: { email: true } } } },
    },
  });
  const taken = manage
    ? signups.filter((s) => s.source !== "DOOR").length
    : await db.eventSignup.count({ where: { eventId: id, source: { not: "DOOR" } } });
  return {
    event,
    taken,
    mine: signups.some((s) => s.membershipId === actor.membershipId),
    signups: manage
      ? signups.map(({ membership, ...s }) => ({
          ...s,
          email: s.email ?? membership?.person.email ?? null,
          phone: s.phone ?? membership?.phone ?? null,
        }))
      : [],
  };
}

export async function createEvent(
  actor: Actor,
  input: EventInput,
  now = new Date(),
): Promise<Result<{ id: string }, EventError>> {
  authorize(actor, "event.manage");
  // A year mistyped would announce an event already over.
  if (input.startsAt < now)
    return { ok: false, error: "startInPast", fieldErrors: { startsAt: "startInPast" } };
  const event = await db.$transaction(async (tx) => {
    const created = await tx.communityEvent.create({
      data: { cooperativeId: actor.cooperativeId, ...fields(input), createdById: actor.membershipId },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.created",
      entityType: "CommunityEvent",
      entityId: created.id,
      after: { title: input.title, startsAt: input.startsAt, capacity: input.capacity },
    });
    return created;
  });
  return { ok: true, data: { id: event.id } };
}

// Locks the event's row for the rest of the transaction: sign-ups counted under it never pass
// the capacity, however many arrive at once.
async function lockEvent(tx: Tx, id: string, cooperativeId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "CommunityEvent" WHERE id = ${id} AND "cooperativeId" = ${cooperativeId} FOR UPDATE`;
  if (!rows.length) return null;
  const event = await tx.communityEvent.findUniqueOrThrow({ where: { id } });
  const taken = await tx.eventSignup.count({ where: { eventId: id, source: { not: "DOOR" } } });
  return { event, taken };
}

export async function updateEvent(
  actor: Actor,
  id: string,
  input: EventInput,
): Promise<Result<null, EventError>> {
  authorize(actor, "event.manage");
  let changed: string[] = [];
  const result = await db.$transaction(async (tx) => {
    const locked = await lockEvent(tx, id, actor.cooperativeId);
    if (!locked) return { ok: false, error: "notFound" } as const;
    if (locked.event.cancelledAt) return { ok: false, error: "cancelled" } as const;
    if (input.capacity !== null && input.capacity < locked.taken)
      return { ok: false, error: "capacityBelowSignups" } as const;
    const before = locked.event;
    const moved =
      before.startsAt.getTime() !== input.startsAt.getTime() ||
      (before.endsAt?.getTime() ?? null) !== (input.endsAt?.getTime() ?? null) ||
      before.place !== input.place ||
      before.videoUrl !== input.videoUrl;
    const updated = await tx.communityEvent.update({
      where: { id },
      data: {
        ...fields(input),
        sequence: { increment: 1 },
        // A new date is a new day before: its reminder goes out again.
        ...(before.startsAt.getTime() !== input.startsAt.getTime() ? { remindedAt: null } : {}),
      },
    });
    // Who signed up with an e-mail is told what changed (written with the change, sent after).
    if (moved && !isOver(updated, new Date()))
      changed = await queueNotices(tx, {
        event: updated,
        cooperative: { id: actor.cooperativeId, slug: actor.cooperativeSlug, name: actor.cooperativeName },
        notice: "changed",
      });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.updated",
      entityType: "CommunityEvent",
      entityId: id,
      before: { title: locked.event.title, startsAt: locked.event.startsAt, capacity: locked.event.capacity },
      after: { title: input.title, startsAt: input.startsAt, capacity: input.capacity },
    });
    return { ok: true, data: null } as const;
  });
  await deliverAll(changed);
  return result;
}

// Cancelled, not deleted: who signed up and gave an e-mail is told, in their language. The event
// is claimed first (cancelledAt set only if nobody set it), so two clicks tell people once.
export async function cancelEvent(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<Result<null, EventError>> {
  authorize(actor, "event.manage");
  const event = await db.communityEvent.findFirst({ where: { id, cooperativeId: actor.cooperativeId } });
  if (!event) return { ok: false, error: "notFound" };
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.communityEvent.updateMany({
      where: { id, cancelledAt: null },
      data: { cancelledAt: now, sequence: { increment: 1 } },
    });
    if (!count) return null;
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.cancelled",
      entityType: "CommunityEvent",
      entityId: id,
    });
    if (isOver(event, now)) return [];
    return queueNotices(tx, {
      event,
      cooperative: { id: actor.cooperativeId, slug: actor.cooperativeSlug, name: actor.cooperativeName },
      notice: "cancelled",
    });
  });
  if (written === null) return { ok: false, error: "cancelled" };
  await deliverAll(written);
  return { ok: true, data: null };
}

// A message to everyone signed up with an e-mail, written to the outbox in the caller's
// transaction: members get the portal's page, inhabitants their « je ne viens plus » link. The
// words typed on the public form (a name) are never put into it: anyone can type any address.
export async function queueNotices(
  tx: Tx,
  {
    event,
    cooperative,
    notice,
  }: {
    event: {
      id: string;
      title: string;
      startsAt: Date;
      endsAt: Date | null;
      place: string | null;
      videoUrl: string | null;
    };
    cooperative: { id: string; slug: string; name: string };
    notice: "changed" | "cancelled" | "reminder";
  },
): Promise<string[]> {
  const ids: string[] = [];
  for (const person of await addressees(event.id, tx)) {
    const t = mailTranslator(person.locale);
    const link = person.member
      ? `${siteUrl()}${eventPath(event.id)}`
      : notice === "cancelled"
        ? ""
        : t("events.cancelLine", { link: cancelLink(person, cooperative.slug) });
    const values = {
      title: event.title,
      when: eventWhen(event, person.locale),
      where: [event.place, event.videoUrl].filter(Boolean).join(" · "),
      cooperative: cooperative.name,
      link,
    };
    ids.push(
      await queueEmail(tx, {
        cooperativeId: cooperative.id,
        to: person.email,
        subject: t(`events.${notice}Subject`, { title: event.title }),
        text: t(`events.${notice}Text`, values),
      }),
    );
  }
  return ids;
}

// Who can be written to about an event: members at their account's address and language,
// inhabitants at the address they gave (with their cancel link).
export async function addressees(eventId: string, client: Tx | typeof db = db) {
  const rows = await client.eventSignup.findMany({
    where: { eventId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      linkSeed: true,
      source: true,
      membership: { select: { status: true, person: { select: { email: true, locale: true } } } },
    },
  });
  return rows.flatMap((r) => {
    if (r.membership) {
      const email = r.membership.status === "ACTIVE" ? r.membership.person.email : null;
      return email ? [{ ...r, email, locale: localeOf(r.membership.person.locale), member: true }] : [];
    }
    return r.email ? [{ ...r, email: r.email, locale: localeOf(r.locale), member: false }] : [];
  });
}

// « Je viens »: one tap. Refused when full, cancelled or over; a second tap changes nothing.
export async function signUp(actor: Actor, id: string, now = new Date()): Promise<Result<null, EventError>> {
  authorize(actor, "event.read");
  return db.$transaction(async (tx) => {
    const locked = await lockEvent(tx, id, actor.cooperativeId);
    if (!locked) return { ok: false, error: "notFound" } as const;
    if (locked.event.cancelledAt) return { ok: false, error: "cancelled" } as const;
    if (isOver(locked.event, now)) return { ok: false, error: "over" } as const;
    const already = await tx.eventSignup.findFirst({
      where: { eventId: id, membershipId: actor.membershipId },
    });
    if (already) return { ok: true, data: null } as const;
    if (locked.event.capacity !== null && locked.taken >= locked.event.capacity)
      return { ok: false, error: "full" } as const;
    const member = await tx.membership.findUniqueOrThrow({
      where: { id: actor.membershipId },
      select: { displayName: true, person: { select: { name: true } } },
    });
    const row = await tx.eventSignup.create({
      data: {
        cooperativeId: actor.cooperativeId,
        eventId: id,
        membershipId: actor.membershipId,
        name: shownName(member),
        source: "MEMBER",
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.signedUp",
      entityType: "EventSignup",
      entityId: row.id,
      after: { eventId: id },
    });
    return { ok: true, data: null } as const;
  });
}

// A member who leaves the cooperative (archived): their places at events still to come go back
// to the others, in the archiving's transaction; past events keep who came.
export async function releaseFutureSignups(
  tx: Tx,
  { membershipId, now = new Date() }: { membershipId: string; now?: Date },
): Promise<number> {
  const { count } = await tx.eventSignup.deleteMany({
    where: { membershipId, checkedInAt: null, event: upcoming(now) },
  });
  return count;
}

// « Je ne viens plus »: the place goes back to the others.
export async function withdrawSignup(actor: Actor, id: string): Promise<Result<null, EventError>> {
  authorize(actor, "event.read");
  const event = await db.communityEvent.findFirst({
    where: { id, cooperativeId: actor.cooperativeId },
    select: { id: true, startsAt: true, endsAt: true },
  });
  if (!event) return { ok: false, error: "notFound" };
  // Once it is over, who came is what happened.
  if (isOver(event, new Date())) return { ok: false, error: "over" };
  const { count } = await db.eventSignup.deleteMany({
    where: { eventId: id, membershipId: actor.membershipId, cooperativeId: actor.cooperativeId },
  });
  // A second tap (or a page left open) finds nothing more to undo.
  if (!count) return { ok: true, data: null };
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "event.signupWithdrawn",
    entityType: "CommunityEvent",
    entityId: id,
  });
  return { ok: true, data: null };
}

const perAddress = limit({ name: "event:address", points: 10, seconds: 3_600 });
const perCooperative = limit({ name: "event:cooperative", points: 300, seconds: 86_400 });

// The public page's events: the cooperative's public ones still to come, with the places left.
export async function publicEvents(cooperativeId: string, now = new Date()) {
  const events = await db.communityEvent.findMany({
    where: { cooperativeId, public: true, cancelledAt: null, ...upcoming(now) },
    orderBy: { startsAt: "asc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      place: true,
      videoUrl: true,
      capacity: true,
      sequence: true,
      _count: { select: { signups: { where: { source: { not: "DOOR" } } } } },
    },
  });
  return events.map(({ _count, ...e }) => ({ ...e, taken: _count.signups }));
}

export async function publicEvent(cooperativeId: string, id: string, now = new Date()) {
  return (await publicEvents(cooperativeId, now)).find((e) => e.id === id) ?? null;
}

// An inhabitant signs up without an account: a name and a way to be reached. Someone already
// signed up with the same e-mail or phone is not counted twice (and gets no second link: a
// stranger typing that address must not receive a way to cancel the other's place).
export async function publicSignUp({
  cooperative,
  eventId,
  input,
  address,
  locale,
  now = new Date(),
}: {
  cooperative: { id: string; slug: string; name: string; shortName: string | null; suspendedAt: Date | null };
  eventId: string;
  input: PublicSignupInput;
  address: string | null;
  locale: string;
  now?: Date;
}): Promise<Result<{ cancel: string | null }, EventError>> {
  if (cooperative.suspendedAt) return { ok: false, error: "suspended" };
  if (address && !(await perAddress.take(`${cooperative.id}|${limitedAddress(address)}`)))
    return { ok: false, error: "rateLimited" };
  // However many addresses: past the cooperative's daily cap, the page says it is busy today.
  if (!(await perCooperative.take(cooperative.id))) return { ok: false, error: "busy" };
  const outcome = await db.$transaction(async (tx) => {
    const locked = await lockEvent(tx, eventId, cooperative.id);
    if (!locked || !locked.event.public) return { ok: false, error: "notFound" } as const;
    if (locked.event.cancelledAt) return { ok: false, error: "cancelled" } as const;
    if (isOver(locked.event, now)) return { ok: false, error: "over" } as const;
    // The same person: the same e-mail (their own, or a member's account), or the same phone
    // however it is written (« 06 12… », « 0612… », « +33 6 12… »).
    const others = await tx.eventSignup.findMany({
      where: { eventId },
      select: { email: true, phone: true, membership: { select: { person: { select: { email: true } } } } },
    });
    const phone = input.phone ? phoneDigits(input.phone) : null;
    const same = others.some(
      (o) =>
        (input.email &&
          (o.email === input.email || o.membership?.person.email?.toLowerCase() === input.email)) ||
        (phone && o.phone && phoneDigits(o.phone) === phone),
    );
    if (same) return { ok: true, data: { row: null } } as const;
    if (locked.event.capacity !== null && locked.taken >= locked.event.capacity)
      return { ok: false, error: "full" } as const;
    const row = await tx.eventSignup.create({
      data: {
        cooperativeId: cooperative.id,
        eventId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        locale,
        source: "PUBLIC_FORM",
      },
    });
    await recordAudit(tx, {
      cooperativeId: cooperative.id,
      actorId: null,
      action: "event.signedUp",
      entityType: "EventSignup",
      entityId: row.id,
      after: { eventId, source: "PUBLIC_FORM" },
    });
    return { ok: true, data: { row, event: locked.event } } as const;
  });
  if (!outcome.ok) return outcome;
  const { row } = outcome.data;
  if (!row) return { ok: true, data: { cancel: null } };
  const event = outcome.data.event;
  const link = cancelLink(row, cooperative.slug);
  if (row.email) {
    const t = mailTranslator(localeOf(locale));
    await sendEmail({
      cooperativeId: cooperative.id,
      to: row.email,
      subject: t("events.signedUpSubject", { title: event.title }),
      text: t("events.signedUpText", {
        title: event.title,
        when: eventWhen(event, localeOf(locale)),
        where: [event.place, event.videoUrl].filter(Boolean).join(" · "),
        cooperative: cooperative.shortName ?? cooperative.name,
        link,
      }),
    });
  }
  return { ok: true, data: { cancel: link.split("/").at(-1)! } };
}

// A phone number's digits, French numbers written the national way (+33 6… → 06…).
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("33") && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

// The « je ne viens plus » link: the sign-up it names, if the link is its own.
export async function signupByToken(slug: string, token: string) {
  const id = tokenId(token);
  if (!id) return null;
  const row = await db.eventSignup.findFirst({
    where: { id, cooperative: { slug } },
    select: {
      id: true,
      linkSeed: true,
      name: true,
      cooperativeId: true,
      event: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          place: true,
          videoUrl: true,
          cancelledAt: true,
        },
      },
    },
  });
  return row && tokenMatches("event", token, { id: row.id, seed: row.linkSeed }) ? row : null;
}

// The button behind the link. An event over or cancelled keeps its list as it was.
export async function cancelByToken(
  slug: string,
  token: string,
  now = new Date(),
): Promise<"done" | "invalid" | "over" | "cancelled"> {
  const row = await signupByToken(slug, token);
  if (!row) return "invalid";
  if (row.event.cancelledAt) return "cancelled";
  if (isOver(row.event, now)) return "over";
  await db.$transaction(async (tx) => {
    // Two presses at once: the second finds nothing left to delete.
    const { count } = await tx.eventSignup.deleteMany({ where: { id: row.id } });
    if (count)
      await recordAudit(tx, {
        cooperativeId: row.cooperativeId,
        actorId: null,
        action: "event.signupWithdrawn",
        entityType: "CommunityEvent",
        entityId: row.event.id,
      });
  });
  return "done";
}

// At the door: someone who did not sign up comes in (ticked at once; the door decides, so the
// capacity does not refuse them).
export async function addAtDoor(
  actor: Actor,
  eventId: string,
  input: DoorSignupInput,
  now = new Date(),
): Promise<Result<null, EventError>> {
  authorize(actor, "event.manage");
  const event = await db.communityEvent.findFirst({
    where: { id: eventId, cooperativeId: actor.cooperativeId },
    select: { id: true },
  });
  if (!event) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    const row = await tx.eventSignup.create({
      data: {
        cooperativeId: actor.cooperativeId,
        eventId,
        name: input.name,
        phone: input.phone,
        source: "DOOR",
        checkedInAt: now,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.addedAtDoor",
      entityType: "EventSignup",
      entityId: row.id,
      after: { eventId },
    });
  });
  return { ok: true, data: null };
}

// A tick at the door (or its removal, for a mistaken tap).
export async function checkIn(
  actor: Actor,
  {
    eventId,
    signupId,
    present,
    now = new Date(),
  }: { eventId: string; signupId: string; present: boolean; now?: Date },
): Promise<Result<null, EventError>> {
  authorize(actor, "event.manage");
  const { count } = await db.eventSignup.updateMany({
    where: { id: signupId, eventId, cooperativeId: actor.cooperativeId },
    data: { checkedInAt: present ? now : null },
  });
  return count ? { ok: true, data: null } : { ok: false, error: "notFound" };
}

export async function removeSignup(
  actor: Actor,
  { eventId, signupId }: { eventId: string; signupId: string },
): Promise<Result<null, EventError>> {
  authorize(actor, "event.manage");
  const row = await db.eventSignup.findFirst({
    where: { id: signupId, eventId, cooperativeId: actor.cooperativeId },
    select: { id: true, eventId: true },
  });
  if (!row) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.eventSignup.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.signupRemoved",
      entityType: "CommunityEvent",
      entityId: row.eventId,
    });
  });
  return { ok: true, data: null };
}

// The people on the contact list who agreed to events, at an address they confirmed, get the
// invitation with the public page's link (and their own link to leave the list). Once.
export async function inviteContacts(
  actor: Actor,
  eventId: string,
  words: {
    subject: (title: string) => string;
    body: (values: {
      title: string;
      when: string;
      where: string;
      link: string;
      description: string;
    }) => string;
    footer: (link: string) => string;
    locale: string;
  },
  now = new Date(),
): Promise<Result<{ sent: number }, EventError>> {
  authorize(actor, "event.manage");
  const event = await db.communityEvent.findFirst({
    where: { id: eventId, cooperativeId: actor.cooperativeId },
  });
  if (!event) return { ok: false, error: "notFound" };
  if (event.cancelledAt) return { ok: false, error: "cancelled" };
  if (isOver(event, now)) return { ok: false, error: "over" };
  if (!event.public) return { ok: false, error: "notPublic" };
  // Claimed before anything is sent: two clicks (or two coordinators) invite once.
  const { count } = await db.communityEvent.updateMany({
    where: { id: eventId, invitedAt: null },
    data: { invitedAt: now },
  });
  if (!count) return { ok: false, error: "alreadyInvited" };
  const { contacts } = await contactList(actor, { purpose: "events", language: null, q: "" });
  const sent = contacts.length
    ? await mailSelection(actor, {
        ids: contacts.map((c) => c.id),
        subject: words.subject(event.title),
        body: words.body({
          title: event.title,
          when: eventWhen(event, words.locale),
          where: [event.place, event.videoUrl].filter(Boolean).join(" · "),
          link: `${siteUrl()}${publicEventPath(actor.cooperativeSlug, event.id)}`,
          description: event.description,
        }),
        footer: words.footer,
      })
    : ({ ok: false, error: "notFound" } as const);
  if (!sent.ok) {
    // Nobody to write to: the event can be invited once someone joins the list.
    await db.communityEvent.update({ where: { id: eventId }, data: { invitedAt: null } });
    return { ok: false, error: "nobodyToInvite" };
  }
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "event.invited",
      entityType: "CommunityEvent",
      entityId: eventId,
      after: { recipients: sent.data.sent },
    });
  });
  return { ok: true, data: { sent: sent.data.sent } };
}

// The .ics of an event (members' page, or the public page for a public one).
export function eventIcs(
  event: {
    id: string;
    title: string;
    description: string;
    startsAt: Date;
    endsAt: Date | null;
    place: string | null;
    videoUrl: string | null;
    cancelledAt?: Date | null;
    sequence: number;
  },
  { url, video }: { url: string; video: (url: string) => string },
): { ics: string; filename: string } {
  const ics = meetingIcs(
    {
      id: `event-${event.id}`,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      place: event.place,
      videoUrl: event.videoUrl,
      cancelled: Boolean(event.cancelledAt),
      sequence: event.sequence,
      agenda: [],
      description: event.description,
      url,
      words: { agenda: "", video },
    },
    null,
    "PUBLISH",
  );
  const slug = event.title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return { ics, filename: `${slug || "evenement"}.ics` };
}
