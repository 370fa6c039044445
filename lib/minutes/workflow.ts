import "server-only";
import { db } from "@/lib/db";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Result } from "@/lib/form-result";
import { publishAnswers } from "@/lib/ideas/publish-answers.internal";
import { recordAudit } from "@/lib/audit/record";
import { publishDecisionsOfMinutes } from "@/lib/decisions/record.internal";
import { closeMeetingOfMinutes } from "@/lib/meetings/closing.internal";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { bodyMembersOn } from "@/lib/meetings/body-members";
import { diffSnapshots, readSnapshot, snapshotOf, type SectionDiff } from "@/lib/minutes/versions";
import type { CorrectionInput } from "@/lib/minutes/schema";

// Draft → shared with the council for comments → approved (at a later meeting, or by the
// president, as the statutes say) → published to all members. Published minutes are changed
// only by a correction, which makes a new version.

export type WorkflowFailure =
  | "notFound"
  | "notDraft"
  | "notShared"
  | "notApproved"
  | "notPublished"
  | "openComments"
  | "approvalMeetingInvalid"
  | "nothingChanged";
export type WorkflowResult<T = null> = Result<T, WorkflowFailure>;

async function ownMinutes(actor: Actor, minutesId: string) {
  return db.minutes.findFirst({
    where: { id: minutesId, cooperativeId: actor.cooperativeId },
    include: {
      meeting: { include: { body: true, cooperative: { select: { name: true, shortName: true } } } },
    },
  });
}
type LoadedMinutes = NonNullable<Awaited<ReturnType<typeof ownMinutes>>>;

function titleOf(minutes: LoadedMinutes) {
  return `${minutes.meeting.body.name} n° ${minutes.meeting.number}`;
}

function linkOf(minutes: LoadedMinutes) {
  return `${siteUrl()}/reunions/${minutes.meeting.body.slug}/${minutes.meeting.number}/compte-rendu`;
}

async function mailTo(
  minutes: LoadedMinutes,
  recipients: { name: string; email: string | null }[],
  { subject, body }: { subject: string; body: string },
) {
  const coop = minutes.meeting.cooperative.shortName ?? minutes.meeting.cooperative.name;
  for (const r of recipients) {
    if (!r.email) continue;
    await sendEmail({
      cooperativeId: minutes.cooperativeId,
      to: r.email,
      subject: `${subject} – ${coop}`,
      text: `Bonjour ${r.name},\n\n${body}\n`,
    });
  }
}

export async function shareMinutes(actor: Actor, minutesId: string): Promise<WorkflowResult> {
  authorize(actor, "minutes.draft");
  const minutes = await ownMinutes(actor, minutesId);
  if (!minutes) return { ok: false, error: "notFound" };
  const { count } = await db.minutes.updateMany({
    where: { id: minutes.id, status: "DRAFT" },
    data: { status: "SHARED" },
  });
  if (count === 0) return { ok: false, error: "notDraft" };
  await db.$transaction((tx) =>
    recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.shared",
      entityType: "Minutes",
      entityId: minutes.id,
    }),
  );
  const council = await bodyMembersOn(minutes.meeting.body, new Date());
  await mailTo(
    minutes,
    council.filter((m) => m.membershipId !== actor.membershipId),
    {
      subject: `Compte rendu à relire : ${titleOf(minutes)}`,
      body: `Le projet de compte rendu de la réunion ${titleOf(minutes)} est prêt. Vous pouvez le lire et laisser vos commentaires, section par section :\n${linkOf(minutes)}`,
    },
  );
  return { ok: true, data: null };
}

export type CommentFailure = "notFound" | "notShared" | "forbidden";

// Comments go under a section while the draft is shared; the coordinator sees them all.
export async function addComment(
  actor: Actor,
  sectionId: string,
  body: string,
): Promise<Result<null, CommentFailure>> {
  authorize(actor, "minutes.comment");
  const section = await db.minutesSection.findFirst({
    where: { id: sectionId, cooperativeId: actor.cooperativeId },
    include: { minutes: { select: { status: true } } },
  });
  if (!section) return { ok: false, error: "notFound" };
  if (section.minutes.status !== "SHARED") return { ok: false, error: "notShared" };
  await db.$transaction(async (tx) => {
    const comment = await tx.minutesComment.create({
      data: { cooperativeId: actor.cooperativeId, sectionId, authorId: actor.membershipId, body },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.commented",
      entityType: "MinutesComment",
      entityId: comment.id,
    });
  });
  return { ok: true, data: null };
}

// Resolved by the coordinator, or by whoever wrote it.
export async function resolveComment(
  actor: Actor,
  commentId: string,
  resolved = true,
): Promise<Result<null, CommentFailure>> {
  authorize(actor, "minutes.comment");
  const comment = await db.minutesComment.findFirst({
    where: { id: commentId, cooperativeId: actor.cooperativeId },
  });
  if (!comment) return { ok: false, error: "notFound" };
  if (comment.authorId !== actor.membershipId && !can(actor.roles, "minutes.draft"))
    return { ok: false, error: "forbidden" };
  await db.$transaction(async (tx) => {
    await tx.minutesComment.update({
      where: { id: comment.id },
      data: resolved
        ? { resolvedAt: new Date(), resolvedById: actor.personId }
        : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: resolved ? "minutes.commentResolved" : "minutes.commentReopened",
      entityType: "MinutesComment",
      entityId: comment.id,
    });
  });
  return { ok: true, data: null };
}

export type Approval =
  { by: "PRESIDENT" } | { by: "NEXT_MEETING"; meetings: { id: string; number: number; startsAt: Date }[] };

// How these minutes are approved, from the statutes; for a meeting, the later meetings of the
// same body that have been held.
export async function approvalOptions(actor: Actor, minutesId: string): Promise<Approval | null> {
  authorize(actor, "minutes.readDraft");
  const minutes = await ownMinutes(actor, minutesId);
  if (!minutes) return null;
  const statutes = await db.statuteSettings.findUnique({
    where: { cooperativeId: actor.cooperativeId },
    select: { minutesApprovedBy: true },
  });
  if (statutes?.minutesApprovedBy === "PRESIDENT") return { by: "PRESIDENT" };
  const meetings = await db.meeting.findMany({
    where: {
      bodyId: minutes.meeting.bodyId,
      number: { gt: minutes.meeting.number },
      status: { in: ["HELD", "CLOSED"] },
    },
    orderBy: { number: "asc" },
    select: { id: true, number: true, startsAt: true },
  });
  return { by: "NEXT_MEETING", meetings };
}

export async function approveMinutes(
  actor: Actor,
  minutesId: string,
  approvalMeetingId: string | null,
): Promise<WorkflowResult> {
  authorize(actor, "minutes.readDraft");
  const minutes = await ownMinutes(actor, minutesId);
  if (!minutes) return { ok: false, error: "notFound" };
  const statutes = await db.statuteSettings.findUnique({
    where: { cooperativeId: actor.cooperativeId },
    select: { minutesApprovedBy: true },
  });
  const byPresident = statutes?.minutesApprovedBy === "PRESIDENT";
  // The statutes name who approves: the president, or a later meeting (recorded by the coordinator).
  authorize(actor, byPresident ? "minutes.approve" : "minutes.draft");
  if (minutes.status !== "SHARED") return { ok: false, error: "notShared" };
  if (!byPresident) {
    const meeting = approvalMeetingId
      ? await db.meeting.findFirst({
          where: {
            id: approvalMeetingId,
            cooperativeId: actor.cooperativeId,
            bodyId: minutes.meeting.bodyId,
            number: { gt: minutes.meeting.number },
            status: { in: ["HELD", "CLOSED"] },
          },
        })
      : null;
    if (!meeting) return { ok: false, error: "approvalMeetingInvalid" };
  }
  const open = await db.minutesComment.count({
    where: { section: { minutesId: minutes.id }, resolvedAt: null },
  });
  if (open > 0) return { ok: false, error: "openComments" };
  const { count } = await db.minutes.updateMany({
    where: { id: minutes.id, status: "SHARED" },
    data: {
      status: "APPROVED",
      approvedAt: new Date(),
      approvedById: actor.personId,
      approvalMeetingId: byPresident ? null : approvalMeetingId,
    },
  });
  if (count === 0) return { ok: false, error: "notShared" };
  await db.$transaction((tx) =>
    recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.approved",
      entityType: "Minutes",
      entityId: minutes.id,
      after: { by: byPresident ? "president" : "meeting", approvalMeetingId },
    }),
  );
  return { ok: true, data: null };
}

// Publication freezes version 1, puts the decisions in the decision record, and tells members.
export async function publishMinutes(actor: Actor, minutesId: string): Promise<WorkflowResult> {
  authorize(actor, "minutes.draft");
  const minutes = await ownMinutes(actor, minutesId);
  if (!minutes) return { ok: false, error: "notFound" };
  const published = await db.$transaction(async (tx) => {
    const { count } = await tx.minutes.updateMany({
      where: { id: minutes.id, status: "APPROVED" },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    if (count === 0) return false;
    const sections = await tx.minutesSection.findMany({
      where: { minutesId: minutes.id },
      orderBy: { position: "asc" },
      select: { title: true, body: true },
    });
    await tx.minutesVersion.create({
      data: {
        cooperativeId: actor.cooperativeId,
        minutesId: minutes.id,
        version: 1,
        content: snapshotOf({ attendanceText: minutes.attendanceText, sections }),
        authorId: actor.personId,
      },
    });
    await publishDecisionsOfMinutes(tx, { minutesId: minutes.id });
    await closeMeetingOfMinutes(tx, { meetingId: minutes.meetingId });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.published",
      entityType: "Minutes",
      entityId: minutes.id,
      after: { version: 1 },
    });
    return true;
  });
  if (!published) return { ok: false, error: "notApproved" };
  // The council's answers to the idea box go on the board with the minutes.
  await publishAnswers(actor.cooperativeId, minutes.meetingId, actor.personId);
  const members = await db.membership.findMany({
    where: { cooperativeId: actor.cooperativeId, status: "ACTIVE", kind: "ASSOCIATE" },
    select: { person: { select: { name: true, email: true } } },
  });
  await mailTo(
    minutes,
    members.map((m) => m.person),
    {
      subject: `Compte rendu publié : ${titleOf(minutes)}`,
      body: `Le compte rendu de la réunion ${titleOf(minutes)} est approuvé et publié. Vous pouvez le lire ici :\n${linkOf(minutes)}`,
    },
  );
  return { ok: true, data: null };
}

// A correction to published minutes: the changed sections are saved, a new version keeps what
// readers now see, and the audit log keeps the before and after.
export async function correctMinutes(
  actor: Actor,
  minutesId: string,
  input: CorrectionInput,
): Promise<WorkflowResult<{ version: number }>> {
  authorize(actor, "minutes.draft");
  const minutes = await ownMinutes(actor, minutesId);
  if (!minutes) return { ok: false, error: "notFound" };
  if (minutes.status !== "PUBLISHED") return { ok: false, error: "notPublished" };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Minutes" WHERE id = ${minutes.id} FOR UPDATE`;
    const sections = await tx.minutesSection.findMany({
      where: { minutesId: minutes.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true, body: true },
    });
    const changed = sections.filter(
      (s) => input.sections[s.id] !== undefined && input.sections[s.id]!.replace(/\r\n/g, "\n") !== s.body,
    );
    // Read again under the lock: a correction made meanwhile is the one this one follows.
    const { attendanceText: lockedAttendance } = await tx.minutes.findUniqueOrThrow({
      where: { id: minutes.id },
      select: { attendanceText: true },
    });
    const attendanceBefore = lockedAttendance ?? "";
    const attendanceAfter =
      input.attendanceText !== undefined && input.attendanceText !== attendanceBefore
        ? input.attendanceText
        : null;
    if (changed.length === 0 && attendanceAfter === null)
      return { ok: false as const, error: "nothingChanged" as const };
    // A corrected attendance is kept as typed: the sheet no longer rewrites it.
    if (attendanceAfter !== null)
      await tx.minutes.update({
        where: { id: minutes.id },
        data: { attendanceText: attendanceAfter, attendanceEdited: true },
      });
    for (const s of changed)
      await tx.minutesSection.update({
        where: { id: s.id },
        data: {
          body: input.sections[s.id]!.replace(/\r\n/g, "\n"),
          revision: { increment: 1 },
          updatedById: actor.personId,
        },
      });
    const last = await tx.minutesVersion.aggregate({
      where: { minutesId: minutes.id },
      _max: { version: true },
    });
    const version = (last._max.version ?? 0) + 1;
    const after = sections.map((s) => ({
      title: s.title,
      body: input.sections[s.id]?.replace(/\r\n/g, "\n") ?? s.body,
    }));
    await tx.minutesVersion.create({
      data: {
        cooperativeId: actor.cooperativeId,
        minutesId: minutes.id,
        version,
        content: snapshotOf({ attendanceText: attendanceAfter ?? attendanceBefore, sections: after }),
        changeNote: input.note,
        authorId: actor.personId,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "minutes.corrected",
      entityType: "Minutes",
      entityId: minutes.id,
      before: {
        version: version - 1,
        sections: changed.map((s) => ({ title: s.title, body: s.body })),
        ...(attendanceAfter !== null ? { attendanceText: attendanceBefore } : {}),
      },
      after: {
        version,
        note: input.note,
        sections: changed.map((s) => ({ title: s.title, body: input.sections[s.id] })),
        ...(attendanceAfter !== null ? { attendanceText: attendanceAfter } : {}),
      },
    });
    return { ok: true as const, data: { version } };
  });
}

export type VersionView = {
  version: number;
  createdAt: Date;
  authorName: string | null;
  changeNote: string | null;
  changes: SectionDiff[];
};

// Every published version, newest first, each with what changed from the one before.
export async function minutesVersions(actor: Actor, minutesId: string): Promise<VersionView[]> {
  authorize(actor, "minutes.readPublished");
  const minutes = await db.minutes.findFirst({
    where: { id: minutesId, cooperativeId: actor.cooperativeId },
    select: { id: true, status: true },
  });
  if (!minutes) return [];
  if (minutes.status !== "PUBLISHED" && !can(actor.roles, "minutes.readDraft"))
    throw new ForbiddenError("minutes.readDraft");
  const versions = await db.minutesVersion.findMany({
    where: { minutesId: minutes.id },
    orderBy: { version: "asc" },
  });
  const authors = new Map(
    (
      await db.person.findMany({
        where: { id: { in: versions.flatMap((v) => (v.authorId ? [v.authorId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  return versions
    .map((v, i) => ({
      version: v.version,
      createdAt: v.createdAt,
      authorName: v.authorId ? (authors.get(v.authorId) ?? null) : null,
      changeNote: v.changeNote,
      changes: i === 0 ? [] : diffSnapshots(readSnapshot(versions[i - 1]!.content), readSnapshot(v.content)),
    }))
    .reverse();
}
