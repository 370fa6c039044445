import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { isGuestAt } from "@/lib/meetings/guests";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getMeeting } from "@/lib/meetings/service";
import { attendanceParagraph } from "@/lib/minutes/attendance-text";
import { shownName } from "@/lib/members/names";
import type {
  DecisionMethod,
  DecisionOutcome,
  MinutesStatus,
  ActionItemStatus,
  FollowUpStatus,
} from "@/lib/generated/prisma/enums";

import { EDITABLE, NEXT_MEETING_TITLE } from "@/lib/minutes/titles";
import { followTheMeeting } from "@/lib/minutes/attendance";
import { agendaLine } from "@/lib/meetings/meeting-notices.internal";
import { compareFrench } from "@/lib/intl";
export { EDITABLE, NEXT_MEETING_TITLE };

export type SectionDetail = {
  id: string;
  title: string;
  body: string;
  revision: number;
  updatedAt: Date;
  isNextMeeting: boolean;
  actionItems: {
    id: string;
    title: string;
    dueOn: Date | null;
    status: ActionItemStatus;
    // Members first (by name), then the people outside the cooperative, as typed.
    owners: { id: string; name: string }[];
  }[];
  followUps: { id: string; text: string; status: FollowUpStatus }[];
  decisions: {
    id: string;
    title: string;
    text: string;
    method: DecisionMethod;
    outcome: DecisionOutcome;
    voteQuestionId: string | null;
    // The decision it follows or answers (often another body's), with where to find it.
    cites: { id: string; title: string; bodyName: string; decidedOn: Date } | null;
  }[];
  comments: {
    id: string;
    authorId: string;
    authorName: string;
    body: string;
    createdAt: Date;
    resolvedAt: Date | null;
  }[];
  documents: { id: string; filename: string; sizeBytes: number; mimeType: string }[];
};

export type MinutesView = {
  id: string;
  status: MinutesStatus;
  attendanceText: string;
  // The attendance sheet's paragraph when it differs from the minutes' (shared or corrected by
  // hand): for the drafters' « la feuille de présence a changé ».
  attendanceSheet: string | null;
  attendanceEdited: boolean;
  version: number;
  approvedAt: Date | null;
  approvedByName: string | null;
  approvalMeeting: { number: number } | null;
  publishedAt: Date | null;
  meeting: {
    id: string;
    number: number;
    startsAt: Date;
    bodyId: string;
    bodyName: string;
    bodySlug: string;
    agenda: string[];
  };
  nextMeeting: {
    number: number;
    bodySlug: string;
    startsAt: Date;
    place: string | null;
    agenda: string[];
  } | null;
  sections: SectionDetail[];
  // Decisions of this meeting in no section (a vote's not placed, a text adopted at the meeting):
  // they enter the record with these minutes, and the minutes list them.
  otherDecisions: SectionDetail["decisions"];
};

// What the minutes say of each agenda item: title, presenter, duration and précisions.
const agendaSelect = {
  title: true,
  presenterName: true,
  durationMinutes: true,
  description: true,
  presenter: { select: { displayName: true, person: { select: { name: true } } } },
} as const;

const citesSelect = {
  select: { id: true, title: true, decidedOn: true, body: { select: { name: true } } },
} as const;

const detailInclude = {
  meeting: {
    include: {
      body: true,
      agendaItems: { orderBy: { position: "asc" as const }, select: agendaSelect },
      decisions: {
        where: { sectionId: null },
        orderBy: { createdAt: "asc" as const },
        include: { cites: citesSelect },
      },
    },
  },
  nextMeeting: {
    include: {
      body: { select: { slug: true } },
      agendaItems: { orderBy: { position: "asc" as const }, select: agendaSelect },
    },
  },
  approvalMeeting: { select: { number: true } },
  versions: { orderBy: { version: "desc" as const }, take: 1, select: { version: true } },
  sections: {
    orderBy: { position: "asc" as const },
    include: {
      actionItems: {
        orderBy: { createdAt: "asc" as const },
        include: { owners: { include: { membership: { include: { person: { select: { name: true } } } } } } },
      },
      followUps: { orderBy: { createdAt: "asc" as const }, select: { id: true, text: true, status: true } },
      decisions: {
        orderBy: { createdAt: "asc" as const },
        include: {
          cites: citesSelect,
        },
      },
      comments: {
        orderBy: { createdAt: "asc" as const },
        include: { author: { include: { person: { select: { name: true } } } } },
      },
      documents: {
        orderBy: { createdAt: "asc" as const },
        select: { id: true, filename: true, sizeBytes: true, mimeType: true },
      },
    },
  },
};

type DecisionRow = {
  id: string;
  title: string;
  text: string;
  method: DecisionMethod;
  outcome: DecisionOutcome;
  voteQuestionId: string | null;
  cites: { id: string; title: string; decidedOn: Date; body: { name: string } } | null;
};

function decisionView(d: DecisionRow): SectionDetail["decisions"][number] {
  return {
    id: d.id,
    title: d.title,
    text: d.text,
    method: d.method,
    outcome: d.outcome,
    voteQuestionId: d.voteQuestionId,
    cites: d.cites
      ? { id: d.cites.id, title: d.cites.title, bodyName: d.cites.body.name, decidedOn: d.cites.decidedOn }
      : null,
  };
}

async function loadView(
  actor: Actor,
  where: { id: string } | { meetingId: string },
): Promise<MinutesView | null> {
  const m = await db.minutes.findFirst({
    where: { ...where, cooperativeId: actor.cooperativeId },
    include: detailInclude,
  });
  if (!m) return null;
  const showComments = can(actor.roles, "minutes.readDraft");
  const approver = m.approvedById
    ? await db.person.findUnique({ where: { id: m.approvedById }, select: { name: true } })
    : null;
  return {
    id: m.id,
    status: m.status,
    attendanceText: m.attendanceText ?? "",
    attendanceSheet: null,
    attendanceEdited: m.attendanceEdited,
    version: m.versions[0]?.version ?? 0,
    approvedAt: m.approvedAt,
    approvedByName: approver?.name ?? null,
    approvalMeeting: m.approvalMeeting,
    publishedAt: m.publishedAt,
    meeting: {
      id: m.meeting.id,
      number: m.meeting.number,
      startsAt: m.meeting.startsAt,
      bodyId: m.meeting.bodyId,
      bodyName: m.meeting.body.name,
      bodySlug: m.meeting.body.slug,
      agenda: m.meeting.agendaItems.map((item) => agendaLine(item)),
    },
    nextMeeting: m.nextMeeting
      ? {
          number: m.nextMeeting.number,
          bodySlug: m.nextMeeting.body.slug,
          startsAt: m.nextMeeting.startsAt,
          place: m.nextMeeting.place,
          agenda: m.nextMeeting.agendaItems.map((item) => agendaLine(item)),
        }
      : null,
    otherDecisions: m.meeting.decisions.map(decisionView),
    sections: m.sections.map((s) => ({
      id: s.id,
      title: s.title,
      body: s.body,
      revision: s.revision,
      updatedAt: s.updatedAt,
      isNextMeeting: s.agendaItemId === null && s.title === NEXT_MEETING_TITLE,
      actionItems: s.actionItems.map((a) => ({
        id: a.id,
        title: a.title,
        dueOn: a.dueOn,
        status: a.status,
        owners: [
          ...a.owners
            .map((o) => ({ id: o.membershipId, name: shownName(o.membership) }))
            .sort((x, y) => compareFrench(x.name, y.name)),
          ...a.outsideOwners.map((name, i) => ({ id: `outside-${i}`, name })),
        ],
      })),
      followUps: s.followUps,
      decisions: s.decisions.map(decisionView),
      comments: showComments
        ? s.comments.map((c) => ({
            id: c.id,
            authorId: c.authorId,
            authorName: shownName(c.author),
            body: c.body,
            createdAt: c.createdAt,
            resolvedAt: c.resolvedAt,
          }))
        : [],
      documents: s.documents,
    })),
  };
}

async function meetingOf(actor: Actor, bodySlug: string, number: number) {
  return db.meeting.findFirst({
    where: {
      cooperativeId: actor.cooperativeId,
      number,
      body: { slug: bodySlug, cooperativeId: actor.cooperativeId },
    },
    select: { id: true },
  });
}

// The minutes open already filled from the meeting: attendance by category, one section per
// agenda item, and the next meeting last. Drafts are for the coordinator and the council.
export async function openMinutes(
  actor: Actor,
  bodySlug: string,
  number: number,
): Promise<MinutesView | null> {
  authorize(actor, "minutes.readDraft");
  const meeting = await meetingOf(actor, bodySlug, number);
  if (!meeting) return null;
  const existing = await loadView(actor, { meetingId: meeting.id });
  if (existing && can(actor.roles, "minutes.draft") && EDITABLE.includes(existing.status)) {
    const sheet = await followTheMeeting(actor, {
      id: existing.id,
      status: existing.status,
      attendanceText: existing.attendanceText,
      attendanceEdited: existing.attendanceEdited,
      meeting: { number: existing.meeting.number, body: { slug: existing.meeting.bodySlug } },
    });
    const followed = await loadView(actor, { meetingId: meeting.id });
    return followed ? { ...followed, attendanceSheet: sheet } : null;
  }
  if (existing || !can(actor.roles, "minutes.draft")) return existing;
  const detail = await getMeeting(actor, bodySlug, number);
  if (!detail) return null;
  try {
    await db.$transaction(async (tx) => {
      const minutes = await tx.minutes.create({
        data: {
          cooperativeId: actor.cooperativeId,
          meetingId: meeting.id,
          attendanceText: attendanceParagraph(detail.attendance),
        },
      });
      await tx.minutesSection.createMany({
        data: [
          ...detail.agenda.map((item, position) => ({
            cooperativeId: actor.cooperativeId,
            minutesId: minutes.id,
            agendaItemId: item.id,
            position,
            title: item.title,
          })),
          {
            cooperativeId: actor.cooperativeId,
            minutesId: minutes.id,
            position: detail.agenda.length,
            title: NEXT_MEETING_TITLE,
          },
        ],
      });
      await recordAudit(tx, {
        cooperativeId: actor.cooperativeId,
        actorId: actor.personId,
        action: "minutes.opened",
        entityType: "Minutes",
        entityId: minutes.id,
      });
    });
  } catch (error) {
    // Opened at the same moment by someone else: theirs is the one.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return loadView(actor, { meetingId: meeting.id });
}

// What a reader may see: the draft for the council and the coordinator, otherwise only
// published minutes.
export async function readMinutes(
  actor: Actor,
  bodySlug: string,
  number: number,
): Promise<MinutesView | null> {
  if (can(actor.roles, "minutes.readDraft")) return openMinutes(actor, bodySlug, number);
  // A guest of the meeting reads its minutes once published (lib/meetings/guests.ts).
  // Anyone else gets nothing: not found, as for another cooperative's minutes.
  if (!can(actor.roles, "minutes.readPublished") && !(await isGuestAt(actor, bodySlug, number))) return null;
  const meeting = await meetingOf(actor, bodySlug, number);
  if (!meeting) return null;
  const view = await loadView(actor, { meetingId: meeting.id });
  return view?.status === "PUBLISHED" ? view : null;
}

export type SaveSectionResult =
  | { ok: true; revision: number }
  | { ok: false; error: "notFound" | "locked" }
  | { ok: false; error: "conflict"; current: { body: string; revision: number } };

// Saves a section only over the revision the writer started from: two people editing the same
// draft never silently overwrite each other; the second gets the other text back.
export async function saveSection(
  actor: Actor,
  sectionId: string,
  { body, revision }: { body: string; revision: number },
): Promise<SaveSectionResult> {
  authorize(actor, "minutes.draft");
  const section = await db.minutesSection.findFirst({
    where: { id: sectionId, cooperativeId: actor.cooperativeId },
    include: { minutes: { select: { status: true } } },
  });
  if (!section) return { ok: false, error: "notFound" };
  if (!EDITABLE.includes(section.minutes.status)) return { ok: false, error: "locked" };
  const { count } = await db.minutesSection.updateMany({
    where: { id: sectionId, revision },
    data: { body, revision: { increment: 1 }, updatedById: actor.personId },
  });
  if (count === 0) {
    const current = await db.minutesSection.findUniqueOrThrow({
      where: { id: sectionId },
      select: { body: true, revision: true },
    });
    if (current.body === body) return { ok: true, revision: current.revision };
    return { ok: false, error: "conflict", current };
  }
  return { ok: true, revision: revision + 1 };
}

// Whether this reader has minutes to open for a meeting, from where its minutes stand (null: none
// yet; getMeeting reads it): the coordinator always (to start them), drafts for the council, else
// published ones; a guest of the meeting, published ones only.
export function minutesReadable(
  actor: Actor,
  status: MinutesStatus | null,
  { guest = false }: { guest?: boolean } = {},
): boolean {
  if (guest) return status === "PUBLISHED";
  if (can(actor.roles, "minutes.draft")) return true;
  if (!can(actor.roles, "minutes.readPublished")) return false;
  return status !== null && (status === "PUBLISHED" || can(actor.roles, "minutes.readDraft"));
}
