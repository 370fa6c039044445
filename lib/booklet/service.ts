import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import { TIME_ZONE } from "@/lib/dates";
import { shownName } from "@/lib/members/names";
import { isOpenAt, isStale, parseHours, searchable, type BookletTheme, type Slot } from "@/lib/booklet/rules";
import type { BookletFilter, EntryInput } from "@/lib/booklet/schema";
import { compareFrench, compareFrenchLoose } from "@/lib/intl";

// The partners' booklet: the associations, services and partners the centre orients people to.
// Members read and keep it (each save or « vérifié » dates the entry and names who checked);
// the coordinator imports, publishes and sets when an entry is old (lib/booklet/reminders.ts
// tells the keeper).

export type BookletError = "notFound" | "keeperUnknown";

const DEFAULT_SETTINGS = { staleMonths: 6, public: false };

export async function settingsOf(cooperativeId: string): Promise<{ staleMonths: number; public: boolean }> {
  const row = await db.bookletSettings.findUnique({ where: { cooperativeId } });
  return row ? { staleMonths: row.staleMonths, public: row.public } : DEFAULT_SETTINGS;
}

const entryInclude = {
  keeper: { select: { displayName: true, person: { select: { name: true } } } },
  verifiedBy: { select: { displayName: true, person: { select: { name: true } } } },
} satisfies Prisma.PartnerEntryInclude;
type Row = Prisma.PartnerEntryGetPayload<{ include: typeof entryInclude }>;

export type BookletEntry = {
  id: string;
  name: string;
  description: string;
  themes: BookletTheme[];
  place: string | null;
  address: string | null;
  hoursText: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  walkIn: boolean;
  languages: string[];
  wheelchair: boolean;
  childrenWelcome: boolean;
  cost: string | null;
  keeperId: string | null;
  keeperName: string | null;
  verifiedAt: Date;
  verifiedByName: string | null;
  // null: the hours could not be read.
  openNow: boolean | null;
  hoursRead: boolean;
  stale: boolean;
};

function view(row: Row, { staleMonths, now }: { staleMonths: number; now: Date }): BookletEntry {
  const slots = (row.hours as Slot[] | null) ?? null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    themes: row.themes as BookletTheme[],
    place: row.place,
    address: row.address,
    hoursText: row.hoursText,
    phone: row.phone,
    email: row.email,
    website: row.website,
    walkIn: row.walkIn,
    languages: row.languages,
    wheelchair: row.wheelchair,
    childrenWelcome: row.childrenWelcome,
    cost: row.cost,
    keeperId: row.keeperId,
    keeperName: row.keeper ? shownName(row.keeper) : null,
    verifiedAt: row.verifiedAt,
    verifiedByName: row.verifiedBy ? shownName(row.verifiedBy) : null,
    openNow: isOpenAt(slots, now, TIME_ZONE),
    hoursRead: slots !== null,
    stale: isStale(row.verifiedAt, staleMonths, now),
  };
}

async function entriesOf(cooperativeId: string, now: Date): Promise<BookletEntry[]> {
  const [rows, settings] = await Promise.all([
    db.partnerEntry.findMany({ where: { cooperativeId, archivedAt: null }, include: entryInclude }),
    settingsOf(cooperativeId),
  ]);
  return rows
    .map((row) => view(row, { staleMonths: settings.staleMonths, now }))
    .sort((a, b) => compareFrenchLoose(a.name, b.name));
}

export function matches(entry: BookletEntry, filter: BookletFilter): boolean {
  if (filter.theme && !entry.themes.includes(filter.theme)) return false;
  if (filter.language && !entry.languages.includes(filter.language)) return false;
  if (filter.place && entry.place !== filter.place) return false;
  if (filter.openNow && entry.openNow !== true) return false;
  if (filter.q) {
    const haystack = searchable(
      [entry.name, entry.description, entry.place, entry.address, entry.cost, ...entry.languages].join(" "),
    );
    if (
      !searchable(filter.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

// What the search offers: the languages and places the entries have.
function facets(entries: BookletEntry[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareFrench);
  return {
    languages: sorted(entries.flatMap((e) => e.languages)),
    places: sorted(entries.flatMap((e) => (e.place ? [e.place] : []))),
  };
}

export async function searchBooklet(actor: Actor, filter: BookletFilter, now = new Date()) {
  authorize(actor, "booklet.read");
  const all = await entriesOf(actor.cooperativeId, now);
  return { entries: all.filter((e) => matches(e, filter)), total: all.length, ...facets(all) };
}

export async function bookletEntry(actor: Actor, id: string, now = new Date()): Promise<BookletEntry | null> {
  authorize(actor, "booklet.read");
  const row = await db.partnerEntry.findFirst({
    where: { id, cooperativeId: actor.cooperativeId, archivedAt: null },
    include: entryInclude,
  });
  if (!row) return null;
  const { staleMonths } = await settingsOf(actor.cooperativeId);
  return view(row, { staleMonths, now });
}

// Who may keep an entry: the cooperative's active members.
export async function possibleKeepers(actor: Actor): Promise<{ id: string; name: string }[]> {
  authorize(actor, "booklet.read");
  const rows = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE" },
    select: { id: true, displayName: true, person: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: shownName(r) })).sort((a, b) => compareFrench(a.name, b.name));
}

async function keeperIsOurs(actor: Actor, keeperId: string | null): Promise<boolean> {
  if (!keeperId) return true;
  return (
    (await db.membership.count({
      where: { id: keeperId, cooperativeId: actor.cooperativeId, status: "ACTIVE" },
    })) === 1
  );
}

function data(input: EntryInput) {
  const hours = parseHours(input.hoursText);
  return {
    name: input.name,
    description: input.description,
    themes: input.themes,
    place: input.place,
    address: input.address,
    hoursText: input.hoursText,
    hours: hours ?? undefined,
    phone: input.phone,
    email: input.email,
    website: input.website,
    walkIn: input.walkIn,
    languages: input.languages,
    wheelchair: input.wheelchair,
    childrenWelcome: input.childrenWelcome,
    cost: input.cost,
    keeperId: input.keeperId,
  };
}

export async function createEntry(
  actor: Actor,
  input: EntryInput,
  now = new Date(),
): Promise<Result<{ id: string }, BookletError>> {
  authorize(actor, "booklet.edit");
  if (!(await keeperIsOurs(actor, input.keeperId)))
    return { ok: false, error: "keeperUnknown", fieldErrors: { keeperId: "keeperUnknown" } };
  const entry = await db.$transaction(async (tx) => {
    const created = await tx.partnerEntry.create({
      data: {
        ...data(input),
        cooperativeId: actor.cooperativeId,
        verifiedAt: now,
        verifiedById: actor.membershipId,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "booklet.entryCreated",
      entityType: "PartnerEntry",
      entityId: created.id,
      after: { name: created.name },
    });
    return created;
  });
  return { ok: true, data: { id: entry.id } };
}

// A save is a check: the entry is dated today, by the person who saved it.
export async function updateEntry(
  actor: Actor,
  { id, input, now = new Date() }: { id: string; input: EntryInput; now?: Date },
): Promise<Result<null, BookletError>> {
  authorize(actor, "booklet.edit");
  const found = await db.partnerEntry.findFirst({
    where: { id, cooperativeId: actor.cooperativeId, archivedAt: null },
  });
  if (!found) return { ok: false, error: "notFound" };
  if (!(await keeperIsOurs(actor, input.keeperId)))
    return { ok: false, error: "keeperUnknown", fieldErrors: { keeperId: "keeperUnknown" } };
  const hours = parseHours(input.hoursText);
  await db.$transaction(async (tx) => {
    await tx.partnerEntry.update({
      where: { id },
      data: {
        ...data(input),
        hours: hours ?? Prisma.DbNull,
        verifiedAt: now,
        verifiedById: actor.membershipId,
        staleRemindedAt: null,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "booklet.entryUpdated",
      entityType: "PartnerEntry",
      entityId: id,
      // What reception relies on, before and after: a wrong number leaves a trace.
      before: {
        name: found.name,
        address: found.address,
        hoursText: found.hoursText,
        phone: found.phone,
        email: found.email,
        website: found.website,
        verifiedAt: found.verifiedAt.toISOString(),
      },
      after: {
        name: input.name,
        address: input.address,
        hoursText: input.hoursText,
        phone: input.phone,
        email: input.email,
        website: input.website,
      },
    });
  });
  return { ok: true, data: null };
}

// « Vérifié aujourd'hui »: nothing changed, the entry is still right.
export async function verifyEntry(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<Result<null, BookletError>> {
  authorize(actor, "booklet.edit");
  const { count } = await db.partnerEntry.updateMany({
    where: { id, cooperativeId: actor.cooperativeId, archivedAt: null },
    data: { verifiedAt: now, verifiedById: actor.membershipId, staleRemindedAt: null },
  });
  if (!count) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "booklet.entryVerified",
    entityType: "PartnerEntry",
    entityId: id,
  });
  return { ok: true, data: null };
}

// An association that closed: out of the booklet (kept in the journal).
export async function archiveEntry(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<Result<null, BookletError>> {
  authorize(actor, "booklet.manage");
  const { count } = await db.partnerEntry.updateMany({
    where: { id, cooperativeId: actor.cooperativeId, archivedAt: null },
    data: { archivedAt: now },
  });
  if (!count) return { ok: false, error: "notFound" };
  await recordAudit(db, {
    cooperativeId: actor.cooperativeId,
    actorId: actor.personId,
    action: "booklet.entryArchived",
    entityType: "PartnerEntry",
    entityId: id,
  });
  return { ok: true, data: null };
}

export async function bookletSettings(actor: Actor) {
  authorize(actor, "booklet.manage");
  return settingsOf(actor.cooperativeId);
}

export async function updateBookletSettings(
  actor: Actor,
  input: { staleMonths: number; public: boolean },
): Promise<Result<null>> {
  authorize(actor, "booklet.manage");
  const before = await settingsOf(actor.cooperativeId);
  await db.$transaction(async (tx) => {
    await tx.bookletSettings.upsert({
      where: { cooperativeId: actor.cooperativeId },
      create: { cooperativeId: actor.cooperativeId, ...input },
      update: input,
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "booklet.settingsChanged",
      entityType: "BookletSettings",
      entityId: actor.cooperativeId,
      before,
      after: input,
    });
  });
  return { ok: true, data: null };
}

// The printed booklet: every entry, by theme (an entry under each of its themes).
export async function bookletForPrint(actor: Actor, now = new Date()) {
  authorize(actor, "booklet.read");
  return entriesOf(actor.cooperativeId, now);
}

// The public page, when the cooperative chose to publish it: the entries, without who keeps them.
export async function publicBooklet(slug: string, now = new Date()) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const cooperative = await db.cooperative.findUnique({
    where: { slug },
    select: { id: true, name: true, shortName: true, slug: true, suspendedAt: true, deletionDueAt: true },
  });
  if (!cooperative || cooperative.suspendedAt || cooperative.deletionDueAt) return null;
  if (!(await settingsOf(cooperative.id)).public) return null;
  const entries = (await entriesOf(cooperative.id, now)).map((e) => ({
    ...e,
    keeperId: null,
    keeperName: null,
    verifiedByName: null,
  }));
  return { cooperative, entries, ...facets(entries) };
}

// The entries an idea's answer points to, of that cooperative and still in the booklet.
export async function entriesNamed(cooperativeId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.partnerEntry.findMany({
    where: { cooperativeId, id: { in: ids.slice(0, 500) }, archivedAt: null },
    select: { id: true, name: true, phone: true, address: true, hoursText: true, website: true },
    orderBy: { name: "asc" },
  });
}

// For the answer form: every entry by name.
export async function entryChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
  authorize(actor, "booklet.read");
  return db.partnerEntry.findMany({
    where: { cooperativeId: actor.cooperativeId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
