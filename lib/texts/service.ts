import "server-only";
import { applyPatch, structuredPatch } from "diff";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Result } from "@/lib/form-result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { dayKey, parseDateKey } from "@/lib/dates";
import { shownName } from "@/lib/members/names";
import { createDecision } from "@/lib/decisions/record.internal";
import { createQuestion } from "@/lib/votes/questions";
import { diffSnapshots, type SectionDiff } from "@/lib/minutes/versions";
import type { AdoptionInput, NewTextInput, ProposalInput, SectionEditInput } from "@/lib/texts/schema";

// Texts the council writes together (a mission letter, a charter, a statutes amendment), as
// Antragsgrün's amendments and Decidim's collaborative drafts do it: the drafter (the
// coordinator) writes the sections; council members comment and propose changes, section by
// section; the drafter accepts (the change is merged in) or declines each, with a word of
// answer. Every change is a new version, kept whole, so any two can be compared. Adoption
// freezes one version: put to the body's vote, or recorded as a decision taken, its full text
// goes into the decision record.

export type TextFailure =
  | "notFound"
  | "bodyUnknown"
  | "notDrafting"
  | "unchanged"
  | "proposalClosed"
  | "proposalConflict"
  | "meetingRequired"
  | "meetingUnknown"
  | "closesAtRequired"
  | "closesAtPast"
  | "consultationsNotAllowed"
  | "notRejected"
  | "versionChanged"
  | "minutesPublished"
  | "tooManyProposals"
  | "tooManySections";
export type TextResult<T = null> = Result<T, TextFailure>;

type Tx = Prisma.TransactionClient;

const MAX_SECTIONS = 50;
const MAX_OPEN_PROPOSALS = 20;
type Content = { title: string; sections: { title: string; body: string }[] };

// What the page shows: adopted once the vote that froze it has adopted it.
export type ShownStatus = "DRAFTING" | "VOTING" | "ADOPTED" | "REJECTED" | "WITHDRAWN";

function readContent(value: unknown): Content {
  const v = (value ?? {}) as Partial<Content>;
  return {
    title: String(v.title ?? ""),
    sections: Array.isArray(v.sections)
      ? v.sections.map((s) => ({ title: String(s?.title ?? ""), body: String(s?.body ?? "") }))
      : [],
  };
}

// The text as one Markdown document: what a vote puts to the body and the record keeps.
export function fullText(content: Content): string {
  return content.sections.map((s) => `## ${s.title}\n\n${s.body}`.trim()).join("\n\n");
}

async function currentContent(tx: Tx, textId: string): Promise<Content> {
  const text = await tx.sharedText.findUniqueOrThrow({
    where: { id: textId },
    select: { title: true, sections: { orderBy: { position: "asc" }, select: { title: true, body: true } } },
  });
  return { title: text.title, sections: text.sections };
}

// A new version: the whole text as it now stands, numbered after the last.
async function newVersion(tx: Tx, { actor, textId, note }: { actor: Actor; textId: string; note: string }) {
  const last = await tx.sharedTextVersion.aggregate({ where: { textId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  await tx.sharedTextVersion.create({
    data: {
      cooperativeId: actor.cooperativeId,
      textId,
      number,
      content: (await currentContent(tx, textId)) as Prisma.InputJsonValue,
      note,
      authorName: actor.name,
    },
  });
  return number;
}

// Locks the text for a change and says whether it is still being drafted.
async function lockDrafting(
  tx: Tx,
  actor: Actor,
  textId: string,
): Promise<"notFound" | "notDrafting" | null> {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "SharedText"
     WHERE id = ${textId} AND "cooperativeId" = ${actor.cooperativeId} FOR UPDATE`;
  if (!row) return "notFound";
  return row.status === "DRAFTING" ? null : "notDrafting";
}

export async function listTexts(actor: Actor) {
  authorize(actor, "text.read");
  const texts = await db.sharedText.findMany({
    where: { cooperativeId: actor.cooperativeId },
    orderBy: { updatedAt: "desc" },
    include: {
      body: { select: { name: true } },
      voteQuestion: { select: { status: true, decision: { select: { outcome: true } } } },
      _count: { select: { proposals: { where: { status: "OPEN" } } } },
    },
  });
  return texts.map((t) => ({
    id: t.id,
    title: t.title,
    bodyName: t.body.name,
    status: shownStatus(t),
    openProposals: t._count.proposals,
    updatedAt: t.updatedAt,
  }));
}

function shownStatus(t: {
  status: "DRAFTING" | "VOTING" | "ADOPTED" | "WITHDRAWN";
  voteQuestion: { status: string; decision: { outcome: string } | null } | null;
}): ShownStatus {
  if (t.status === "VOTING" && t.voteQuestion?.status === "CLOSED")
    return t.voteQuestion.decision?.outcome === "ADOPTED" ? "ADOPTED" : "REJECTED";
  return t.status;
}

export async function textChoices(actor: Actor) {
  authorize(actor, "text.draft");
  return db.body.findMany({
    where: { cooperativeId: actor.cooperativeId, kind: { not: "GENERAL_ASSEMBLY" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

export async function getText(actor: Actor, textId: string) {
  authorize(actor, "text.read");
  const text = await db.sharedText.findFirst({
    where: { id: textId, cooperativeId: actor.cooperativeId },
    include: {
      body: { select: { id: true, name: true } },
      drafter: { include: { person: { select: { name: true } } } },
      voteQuestion: {
        select: { id: true, title: true, status: true, decision: { select: { id: true, outcome: true } } },
      },
      decision: {
        select: { id: true, outcome: true, publishedAt: true, meeting: { select: { number: true } } },
      },
      sections: { orderBy: { position: "asc" } },
      proposals: {
        orderBy: { createdAt: "asc" },
        include: { author: { include: { person: { select: { name: true } } } } },
      },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
    },
  });
  if (!text) return null;
  return {
    id: text.id,
    title: text.title,
    purpose: text.purpose,
    bodyId: text.body.id,
    bodyName: text.body.name,
    drafterName: shownName(text.drafter),
    status: shownStatus(text),
    version: text.versions[0]?.number ?? 0,
    frozenVersion: text.frozenVersion,
    voteQuestion: text.voteQuestion
      ? { id: text.voteQuestion.id, title: text.voteQuestion.title, status: text.voteQuestion.status }
      : null,
    decisionId: text.decision?.id ?? text.voteQuestion?.decision?.id ?? null,
    // Adopted at a meeting: in the record once that meeting's minutes are published.
    adoptedAtMeeting:
      text.decision && !text.decision.publishedAt ? (text.decision.meeting?.number ?? null) : null,
    sections: text.sections.map((s) => ({
      id: s.id,
      title: s.title,
      body: s.body,
      proposals: text.proposals
        .filter((p) => p.sectionId === s.id)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          body: p.body,
          baseBody: p.baseBody,
          reason: p.reason,
          status: p.status,
          answer: p.answer,
          authorId: p.authorId,
          authorName: shownName(p.author),
          createdAt: p.createdAt,
          decidedAt: p.decidedAt,
        })),
    })),
  };
}
export type TextView = NonNullable<Awaited<ReturnType<typeof getText>>>;

export async function createText(actor: Actor, input: NewTextInput): Promise<TextResult<{ id: string }>> {
  authorize(actor, "text.draft");
  const body = await db.body.findFirst({
    where: { id: input.bodyId, cooperativeId: actor.cooperativeId, kind: { not: "GENERAL_ASSEMBLY" } },
  });
  if (!body) return { ok: false, error: "bodyUnknown" };
  const id = await db.$transaction(async (tx) => {
    const text = await tx.sharedText.create({
      data: {
        cooperativeId: actor.cooperativeId,
        bodyId: body.id,
        drafterId: actor.membershipId,
        title: input.title,
        purpose: input.purpose,
        sections: {
          create: input.content.map((s, position) => ({
            cooperativeId: actor.cooperativeId,
            position,
            title: s.title,
            body: s.body,
          })),
        },
      },
    });
    await newVersion(tx, { actor, textId: text.id, note: "Première version" });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "text.created",
      entityType: "SharedText",
      entityId: text.id,
      after: { title: input.title, sections: input.content.length },
    });
    return text.id;
  });
  return { ok: true, data: { id } };
}

async function sectionOf(actor: Actor, sectionId: string) {
  return db.sharedTextSection.findFirst({
    where: { id: sectionId, cooperativeId: actor.cooperativeId },
    select: { id: true, textId: true, title: true },
  });
}

// The drafter rewrites a section by hand: a new version, with what changed and why.
export async function editSection(
  actor: Actor,
  sectionId: string,
  input: SectionEditInput,
): Promise<TextResult<{ version: number }>> {
  authorize(actor, "text.draft");
  const section = await sectionOf(actor, sectionId);
  if (!section) return { ok: false, error: "notFound" };
  return db.$transaction(async (tx) => {
    const refused = await lockDrafting(tx, actor, section.textId);
    if (refused) return { ok: false as const, error: refused };
    const before = await tx.sharedTextSection.findUniqueOrThrow({ where: { id: section.id } });
    if (before.body === input.body) return { ok: false as const, error: "unchanged" as const };
    await tx.sharedTextSection.update({ where: { id: section.id }, data: { body: input.body } });
    await tx.sharedText.update({ where: { id: section.textId }, data: { updatedAt: new Date() } });
    const version = await newVersion(tx, { actor, textId: section.textId, note: input.note });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "text.sectionEdited",
      entityType: "SharedText",
      entityId: section.textId,
      before: { section: section.title, body: before.body },
      after: { section: section.title, body: input.body, version, note: input.note },
    });
    return { ok: true as const, data: { version } };
  });
}

export async function addSection(
  actor: Actor,
  textId: string,
  input: { title: string },
): Promise<TextResult<{ version: number }>> {
  authorize(actor, "text.draft");
  return db.$transaction(async (tx) => {
    const refused = await lockDrafting(tx, actor, textId);
    if (refused) return { ok: false as const, error: refused };
    if ((await tx.sharedTextSection.count({ where: { textId } })) >= MAX_SECTIONS)
      return { ok: false as const, error: "tooManySections" as const };
    const last = await tx.sharedTextSection.aggregate({ where: { textId }, _max: { position: true } });
    await tx.sharedTextSection.create({
      data: {
        cooperativeId: actor.cooperativeId,
        textId,
        position: (last._max.position ?? -1) + 1,
        title: input.title,
      },
    });
    const version = await newVersion(tx, { actor, textId, note: `Partie ajoutée : ${input.title}` });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "text.sectionAdded",
      entityType: "SharedText",
      entityId: textId,
      after: { title: input.title, version },
    });
    return { ok: true as const, data: { version } };
  });
}

// A council member proposes a new wording for a section, or comments on it.
export async function propose(actor: Actor, sectionId: string, input: ProposalInput): Promise<TextResult> {
  authorize(actor, "text.propose");
  const section = await sectionOf(actor, sectionId);
  if (!section) return { ok: false, error: "notFound" };
  return db.$transaction(async (tx) => {
    const refused = await lockDrafting(tx, actor, section.textId);
    if (refused) return { ok: false as const, error: refused };
    // Each member's proposals waiting on a text are bounded: the page shows them all.
    const waiting = await tx.sharedTextProposal.count({
      where: { textId: section.textId, authorId: actor.membershipId, status: "OPEN" },
    });
    if (waiting >= MAX_OPEN_PROPOSALS) return { ok: false as const, error: "tooManyProposals" as const };
    const current = await tx.sharedTextSection.findUniqueOrThrow({ where: { id: section.id } });
    if (input.kind === "CHANGE" && input.body === current.body)
      return { ok: false as const, error: "unchanged" as const };
    const proposal = await tx.sharedTextProposal.create({
      data: {
        cooperativeId: actor.cooperativeId,
        textId: section.textId,
        sectionId: section.id,
        authorId: actor.membershipId,
        kind: input.kind,
        body: input.body,
        baseBody: input.kind === "CHANGE" ? current.body : "",
        reason: input.reason,
      },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: input.kind === "CHANGE" ? "text.changeProposed" : "text.commented",
      entityType: "SharedTextProposal",
      entityId: proposal.id,
      after: { section: section.title, body: input.body, reason: input.reason },
    });
    return { ok: true as const, data: null };
  });
}

// The proposal merged into the section as it now stands: as written when nobody changed the
// section since; otherwise its changes applied to the current text, each anchored by the line
// around it (or, for a change of lines, by the lines it replaces); null when they overlap
// another change or cannot be placed (the drafter then rewrites by hand, both texts in view).
export function mergeProposal(current: string, base: string, proposed: string): string | null {
  if (current === base) return proposed;
  const anchored = applyPatch(current, structuredPatch("s", "s", base, proposed, "", "", { context: 1 }));
  if (anchored !== false) return anchored;
  const bare = structuredPatch("s", "s", base, proposed, "", "", { context: 0 });
  // Without context, only hunks that replace lines know where they go; an insertion does not.
  if (bare.hunks.some((h) => h.oldLines === 0)) return null;
  const merged = applyPatch(current, bare);
  return merged === false ? null : merged;
}

// The drafter accepts (the change is merged in, a new version) or declines, with an answer.
export async function answerProposal(
  actor: Actor,
  proposalId: string,
  { accept, answer }: { accept: boolean; answer: string },
): Promise<TextResult<{ version: number | null }>> {
  authorize(actor, "text.draft");
  const proposal = await db.sharedTextProposal.findFirst({
    where: { id: proposalId, cooperativeId: actor.cooperativeId },
    include: { section: true, author: { include: { person: { select: { name: true } } } } },
  });
  if (!proposal) return { ok: false, error: "notFound" };
  return db.$transaction(async (tx) => {
    const refused = await lockDrafting(tx, actor, proposal.textId);
    if (refused) return { ok: false as const, error: refused };
    const fresh = await tx.sharedTextProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    if (fresh.status !== "OPEN") return { ok: false as const, error: "proposalClosed" as const };
    let version: number | null = null;
    if (accept && proposal.kind === "CHANGE") {
      const section = await tx.sharedTextSection.findUniqueOrThrow({ where: { id: proposal.sectionId } });
      const merged = mergeProposal(section.body, proposal.baseBody, proposal.body);
      if (merged === null) return { ok: false as const, error: "proposalConflict" as const };
      await tx.sharedTextSection.update({ where: { id: section.id }, data: { body: merged } });
      version = await newVersion(tx, {
        actor,
        textId: proposal.textId,
        note: `Proposition de ${shownName(proposal.author)} acceptée (${section.title})`,
      });
    }
    await tx.sharedTextProposal.update({
      where: { id: proposal.id },
      data: { status: accept ? "ACCEPTED" : "DECLINED", answer: answer || null, decidedAt: new Date() },
    });
    await tx.sharedText.update({ where: { id: proposal.textId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: accept ? "text.proposalAccepted" : "text.proposalDeclined",
      entityType: "SharedTextProposal",
      entityId: proposal.id,
      after: { answer, version },
    });
    return { ok: true as const, data: { version } };
  });
}

export type TextVersionView = {
  number: number;
  note: string;
  authorName: string;
  createdAt: Date;
  changes: SectionDiff[];
};

// Every version, newest first, each with what changed from the one before.
export async function textVersions(actor: Actor, textId: string): Promise<TextVersionView[] | null> {
  authorize(actor, "text.read");
  const text = await db.sharedText.findFirst({
    where: { id: textId, cooperativeId: actor.cooperativeId },
    include: { versions: { orderBy: { number: "asc" } } },
  });
  if (!text) return null;
  const snapshot = (value: unknown) => ({ attendanceText: "", sections: readContent(value).sections });
  return text.versions
    .map((v, i) => ({
      number: v.number,
      note: v.note,
      authorName: v.authorName,
      createdAt: v.createdAt,
      changes: diffSnapshots(
        i === 0 ? { attendanceText: "", sections: [] } : snapshot(text.versions[i - 1]!.content),
        snapshot(v.content),
      ),
    }))
    .reverse();
}

// Adoption freezes the version the drafter confirmed (refused if the text moved on since). By a
// vote: the text is claimed first (frozen, in one locked transaction, so a second click or a
// concurrent edit finds it frozen), then the question is made with the whole text (a draft the
// coordinator opens from the vote's page; its close puts the text and the figures into the
// decision record); if the question cannot be made, the claim is undone. By a decision taken at
// a meeting of the body: recorded for that meeting, it enters the record with its minutes, once
// approved and published, like every decision the body takes in a meeting.
export async function adoptText(
  actor: Actor,
  textId: string,
  input: AdoptionInput,
  now = new Date(),
): Promise<TextResult<{ voteQuestionId: string | null }>> {
  authorize(actor, "text.draft");
  const text = await db.sharedText.findFirst({
    where: { id: textId, cooperativeId: actor.cooperativeId },
    select: { id: true, bodyId: true },
  });
  if (!text) return { ok: false, error: "notFound" };
  if (input.mode === "VOTE" && input.voteKind === "MEETING_BALLOT" && !input.meetingId)
    return { ok: false, error: "meetingRequired" };
  let meeting: { id: string; startsAt: Date } | null = null;
  if (input.mode === "DECISION") {
    if (!input.meetingId) return { ok: false, error: "meetingRequired" };
    const found = await db.meeting.findFirst({
      where: {
        id: input.meetingId,
        cooperativeId: actor.cooperativeId,
        bodyId: text.bodyId,
        status: { not: "CANCELLED" },
      },
      select: { id: true, startsAt: true, minutes: { select: { status: true } } },
    });
    if (!found) return { ok: false, error: "meetingUnknown" };
    if (found.minutes?.status === "PUBLISHED") return { ok: false, error: "minutesPublished" };
    meeting = found;
  }

  const claimed = await db.$transaction(
    async (tx): Promise<{ error: TextFailure } | { title: string; body: string; version: number }> => {
      const refused = await lockDrafting(tx, actor, text.id);
      if (refused) return { error: refused };
      const [latest] = await tx.sharedTextVersion.findMany({
        where: { textId: text.id },
        orderBy: { number: "desc" },
        take: 1,
      });
      if (!latest || latest.number !== input.version) return { error: "versionChanged" };
      const current = await tx.sharedText.findUniqueOrThrow({ where: { id: text.id } });
      const content = readContent(latest.content);
      const title = `Adoption : ${current.title} (version ${latest.number})`;
      const body = `${current.purpose ? `${current.purpose}\n\n` : ""}${fullText(content)}`;
      if (meeting) {
        const decision = await createDecision(tx, {
          cooperativeId: actor.cooperativeId,
          bodyId: text.bodyId,
          meetingId: meeting.id,
          title,
          text: body,
          method: input.method,
          outcome: "ADOPTED",
          decidedOn: parseDateKey(dayKey(meeting.startsAt)),
        });
        await tx.sharedText.update({
          where: { id: text.id },
          data: { status: "ADOPTED", frozenVersion: latest.number, decisionId: decision.id },
        });
        await recordAudit(tx, {
          cooperativeId: actor.cooperativeId,
          actorId: actor.personId,
          action: "text.adopted",
          entityType: "SharedText",
          entityId: text.id,
          after: {
            version: latest.number,
            decisionId: decision.id,
            meetingId: meeting.id,
            method: input.method,
          },
        });
      } else {
        await tx.sharedText.update({
          where: { id: text.id },
          data: { status: "VOTING", frozenVersion: latest.number },
        });
      }
      return { title, body, version: latest.number };
    },
  );
  if ("error" in claimed) return { ok: false, error: claimed.error };
  if (meeting) return { ok: true, data: { voteQuestionId: null } };

  const question = await createQuestion(
    actor,
    {
      bodyId: text.bodyId,
      kind: input.voteKind,
      meetingId: input.voteKind === "MEETING_BALLOT" ? input.meetingId : null,
      title: claimed.title,
      text: claimed.body,
      secret: false,
      hideResultsUntilClose: false,
      closesAt: input.voteKind === "WRITTEN_CONSULTATION" ? input.closesAt : null,
      excludedCategoryIds: [],
      assemblyType: null,
    },
    now,
  );
  if (!question.ok) {
    // Not put to the vote after all: the text goes back to drafting as it was.
    await db.sharedText.update({ where: { id: text.id }, data: { status: "DRAFTING", frozenVersion: null } });
    const error = question.error;
    return {
      ok: false,
      error:
        error === "meetingRequired" ||
        error === "meetingUnknown" ||
        error === "closesAtRequired" ||
        error === "closesAtPast" ||
        error === "consultationsNotAllowed"
          ? error
          : "bodyUnknown",
    };
  }
  await db.$transaction(async (tx) => {
    await tx.sharedText.update({ where: { id: text.id }, data: { voteQuestionId: question.data.id } });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "text.putToVote",
      entityType: "SharedText",
      entityId: text.id,
      after: { version: claimed.version, voteQuestionId: question.data.id },
    });
  });
  return { ok: true, data: { voteQuestionId: question.data.id } };
}

// A vote that rejected the text gives it back to its drafters, from the frozen version on.
export async function resumeDrafting(actor: Actor, textId: string): Promise<TextResult> {
  authorize(actor, "text.draft");
  const text = await db.sharedText.findFirst({
    where: { id: textId, cooperativeId: actor.cooperativeId },
    include: { voteQuestion: { select: { status: true, decision: { select: { outcome: true } } } } },
  });
  if (!text) return { ok: false, error: "notFound" };
  // Rejected by its vote, or left frozen without a question (stopped between the two steps).
  const stranded = text.status === "VOTING" && text.voteQuestionId === null;
  if (shownStatus(text) !== "REJECTED" && !stranded) return { ok: false, error: "notRejected" };
  await db.$transaction(async (tx) => {
    await tx.sharedText.update({
      where: { id: text.id },
      data: { status: "DRAFTING", voteQuestionId: null, frozenVersion: null },
    });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: "text.draftingResumed",
      entityType: "SharedText",
      entityId: text.id,
      before: { voteQuestionId: text.voteQuestionId },
    });
  });
  return { ok: true, data: null };
}

export function mayDraft(actor: Actor) {
  return can(actor.roles, "text.draft");
}

// The body's meetings still to be held, where the text may be put to a ballot.
export async function adoptionMeetings(actor: Actor, bodyId: string) {
  authorize(actor, "text.draft");
  return db.meeting.findMany({
    where: { cooperativeId: actor.cooperativeId, bodyId, status: { in: ["PLANNED", "INVITED", "HELD"] } },
    orderBy: { startsAt: "asc" },
    select: { id: true, number: true, startsAt: true },
  });
}
