import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { openMinutes, readMinutes, saveSection } from "@/lib/minutes/service";
import {
  addActionItem,
  addDecision,
  addFollowUp,
  citableDecisions,
  setFollowUpClosed,
  removeActionItem,
  setActionItemDone,
  setNextMeeting,
} from "@/lib/minutes/items";
import {
  addComment,
  approvalOptions,
  approveMinutes,
  correctMinutes,
  minutesVersions,
  publishMinutes,
  resolveComment,
  shareMinutes,
} from "@/lib/minutes/workflow";
import { listDecisions, openActions, openFollowUps } from "@/lib/decisions/service";
import { proposalsFor } from "@/lib/meetings/agenda";
import { search } from "@/lib/search/service";
import { attachSectionDocument, readDocument } from "@/lib/meetings/documents";
import { localInputToInstant } from "@/lib/dates";
import { seedIfEmpty } from "../../scripts/seed";

import { actorFor, createCooperative, createMember, signInAs } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

let coordinator: Actor;
let president: Actor;
let councilMember: Actor;
let member: Actor;
let minutesId: string;
let sections: { id: string; title: string }[];

async function membershipIdOf(name: string) {
  return (
    await db.membership.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, person: { name } },
    })
  ).id;
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  coordinator = await signInAs("coordination@demo.portail-scic.fr");
  president = await signInAs("president@demo.portail-scic.fr");
  councilMember = await signInAs("marc.beaulieu@demo.portail-scic.fr");
  member = await signInAs("paul.martin@demo.portail-scic.fr");
  const minutes = (await openMinutes(coordinator, "conseil", 3))!;
  minutesId = minutes.id;
  sections = minutes.sections;
});

describe("inside the sections", () => {
  it("records action items with owners and a due date; owners see them in their things to do", async () => {
    const owners = [await membershipIdOf("Salima Haddad"), await membershipIdOf("Awa Touré")];
    expect(
      await addActionItem(coordinator, sections[0]!.id, {
        title: "Faire un petit carnet des associations du quartier",
        owners,
        outsideOwners: [],
        dueOn: "2027-01-15",
      }),
    ).toEqual({ ok: true, data: null });
    const salima = await signInAs("salima.haddad@demo.portail-scic.fr");
    expect((await openActions(salima, "mine")).map((a) => a.title)).toContain(
      "Faire un petit carnet des associations du quartier",
    );
    const view = (await openMinutes(coordinator, "conseil", 3))!;
    expect(view.sections[0]!.actionItems[0]!.owners.map((o) => o.name).sort()).toEqual([
      "Awa Touré",
      "Salima Haddad",
    ]);
  });

  it("an owner marks a thing to do done; someone else who is not the coordinator cannot", async () => {
    const salima = await signInAs("salima.haddad@demo.portail-scic.fr");
    const [item] = await openActions(salima, "mine");
    await expect(setActionItemDone(member, item!.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setActionItemDone(salima, item!.id, true)).toEqual({ ok: true, data: null });
    expect((await openActions(salima, "mine")).map((a) => a.id)).not.toContain(item!.id);
    expect(await setActionItemDone(coordinator, item!.id, false)).toEqual({ ok: true, data: null });
    expect((await openActions(salima, "mine")).map((a) => a.id)).toContain(item!.id);
  });

  it("joins a document to a section; while the minutes are a draft, only the council reads it", async () => {
    const file = new File([new TextEncoder().encode("diaporama")], "diaporama-peps-secpa.pdf", {
      type: "application/pdf",
    });
    expect(await attachSectionDocument(coordinator, sections[1]!.id, file)).toEqual({ ok: true, data: null });
    expect(
      await attachSectionDocument(
        coordinator,
        sections[1]!.id,
        new File([new Uint8Array([1])], "script.html"),
      ),
    ).toEqual({ ok: false, error: "fileType" });
    const [document] = (await openMinutes(coordinator, "conseil", 3))!.sections[1]!.documents;
    expect(document!.filename).toBe("diaporama-peps-secpa.pdf");
    expect(await readDocument(member, document!.id)).toBeNull();
    expect((await readDocument(councilMember, document!.id))?.filename).toBe("diaporama-peps-secpa.pdf");
  });

  it("refuses an owner of another cooperative, and a council member cannot add items", async () => {
    const { cooperative: other } = await createCooperative("Autre coopérative");
    const stranger = await createMember(other.id, {
      name: "Quelqu'un d'ailleurs",
      email: "ailleurs@example.org",
    });
    expect(
      await addActionItem(coordinator, sections[0]!.id, {
        title: "x",
        owners: [stranger.membership.id],
        outsideOwners: [],
        dueOn: null,
      }),
    ).toEqual({ ok: false, error: "ownerUnknown" });
    await expect(
      addActionItem(councilMember, sections[0]!.id, {
        title: "x",
        owners: [councilMember.membershipId],
        outsideOwners: [],
        dueOn: null,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("records a decision taken by consensus; it reaches the decision record only when published", async () => {
    expect(
      await addDecision(coordinator, sections[1]!.id, {
        title: "Écrire au ministère sur la durée de l'expérimentation SecPa",
        text: "Avec les premiers expérimentateurs.",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        voteQuestionId: null,
        citesId: null,
      }),
    ).toEqual({ ok: true, data: null });
    expect((await listDecisions(member)).map((d) => d.title)).not.toContain(
      "Écrire au ministère sur la durée de l'expérimentation SecPa",
    );
    expect(
      await addDecision(coordinator, sections[1]!.id, {
        title: "x",
        text: "",
        method: "ONLINE_BALLOT",
        outcome: "ADOPTED",
        voteQuestionId: "not-a-question",
        citesId: null,
      }),
    ).toEqual({ ok: false, error: "voteQuestionUnknown" });
  });

  it("holds points to follow, owners outside the cooperative, and a decision citing another body's", async () => {
    // A point to follow: only the drafter writes it; members read it on « Choses à faire ».
    await expect(addFollowUp(councilMember, sections[1]!.id, { text: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await addFollowUp(coordinator, sections[1]!.id, { text: "Contre-évaluation de SecPa" })).toEqual({
      ok: true,
      data: null,
    });
    // Written in a draft: the council reads it on « Choses à faire », a plain member not yet.
    const points = await openFollowUps(councilMember);
    expect(points.map((p) => p.text)).toContain("Contre-évaluation de SecPa");
    expect((await openFollowUps(member)).map((p) => p.text)).not.toContain("Contre-évaluation de SecPa");
    const point = points.find((p) => p.text === "Contre-évaluation de SecPa")!;
    await expect(setFollowUpClosed(councilMember, point.id, true)).rejects.toBeInstanceOf(ForbiddenError);

    // An owner outside the cooperative, by name, alone or with members.
    expect(
      await addActionItem(coordinator, sections[1]!.id, {
        title: "Retour d'expérience SecPa",
        owners: [await membershipIdOf("Élise Hamon")],
        outsideOwners: ["les premiers expérimentateurs de SecPa"],
        dueOn: null,
      }),
    ).toEqual({ ok: true, data: null });
    const view = (await openMinutes(coordinator, "conseil", 3))!;
    const owners = view.sections[1]!.actionItems.find((a) => a.title === "Retour d'expérience SecPa")!.owners;
    expect(owners.map((o) => o.name)).toEqual(["Élise Hamon", "les premiers expérimentateurs de SecPa"]);
    expect(view.sections[1]!.followUps.map((f) => f.text)).toEqual(["Contre-évaluation de SecPa"]);

    // A decision citing the administrative commission's, from the record.
    const citable = await citableDecisions(coordinator);
    const commission = citable.find((d) => d.bodyName === "Commission administrative")!;
    expect(commission).toBeDefined();
    expect(
      await addDecision(coordinator, sections[1]!.id, {
        title: "Suivre l'avis de la commission sur le forfait",
        text: "",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        voteQuestionId: null,
        citesId: commission.id,
      }),
    ).toEqual({ ok: true, data: null });
    const cited = (await openMinutes(coordinator, "conseil", 3))!.sections[1]!.decisions.find(
      (d) => d.title === "Suivre l'avis de la commission sur le forfait",
    )!;
    expect(cited.cites).toMatchObject({ id: commission.id, bodyName: "Commission administrative" });

    // Another cooperative's decision, or a draft one, cannot be cited by a forged form.
    const { cooperative: other, council: otherCouncil } = await createCooperative("Coopérative voisine");
    const foreign = await db.decision.create({
      data: {
        cooperativeId: other.id,
        bodyId: otherCouncil.id,
        title: "Décision voisine",
        text: "",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date("2027-01-01"),
        publishedAt: new Date(),
      },
    });
    for (const citesId of [foreign.id, cited.id])
      expect(
        await addDecision(coordinator, sections[1]!.id, {
          title: "x",
          text: "",
          method: "CONSENSUS",
          outcome: "ADOPTED",
          voteQuestionId: null,
          citesId,
        }),
      ).toEqual({ ok: false, error: "citedUnknown" });
  });

  it("the last section creates the next meeting (planned) with its first agenda items, once", async () => {
    const startsAt = localInputToInstant("2027-04-20T19:30")!;
    const input = {
      startsAt,
      place: null,
      items: ["Rapport d'activité", "Construire collectivement une lettre de mission pour la direction"],
    };
    const result = await setNextMeeting(coordinator, minutesId, input);
    expect(result.ok).toBe(true);
    const created = await db.meeting.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, body: { slug: "conseil" }, startsAt },
      include: { agendaItems: { orderBy: { position: "asc" } } },
    });
    expect(created.status).toBe("PLANNED");
    expect(result.ok && created.number).toBe(result.ok && result.data.number);
    // The demo's statutes have the president approve the minutes: no approval item needed.
    expect(created.agendaItems.map((i) => i.title)).toEqual(input.items);
    expect(await setNextMeeting(coordinator, minutesId, input)).toEqual({
      ok: false,
      error: "nextMeetingExists",
    });
    expect((await openMinutes(coordinator, "conseil", 3))!.nextMeeting?.agenda).toEqual(input.items);
    // The open point to follow is proposed for the next agenda, with the meeting that raised it.
    const proposals = await proposalsFor(coordinator, created.id);
    expect(proposals.find((p) => p.key === "followups")?.description).toBe(
      "- Contre-évaluation de SecPa (réunion n° 3)",
    );
  });
});

describe("share, comment, approve, publish", () => {
  it("comments wait until the draft is shared; a plain member can neither comment nor read the draft", async () => {
    expect(await addComment(councilMember, sections[0]!.id, "Trop tôt")).toEqual({
      ok: false,
      error: "notShared",
    });
    await expect(addComment(member, sections[0]!.id, "x")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await readMinutes(member, "conseil", 3)).toBeNull();
  });

  it("only the coordinator shares; sharing tells the council by e-mail", async () => {
    await expect(shareMinutes(councilMember, minutesId)).rejects.toBeInstanceOf(ForbiddenError);
    const before = await db.outboxEmail.count();
    expect(await shareMinutes(coordinator, minutesId)).toEqual({ ok: true, data: null });
    expect(await shareMinutes(coordinator, minutesId)).toEqual({ ok: false, error: "notDraft" });
    const mails = await db.outboxEmail.findMany({
      orderBy: { createdAt: "desc" },
      take: (await db.outboxEmail.count()) - before,
    });
    expect(mails.length).toBeGreaterThan(5);
    expect(mails[0]!.subject).toMatch(/^Compte rendu à relire : Conseil coopératif n° 3/);
  });

  it("a council member comments; unresolved comments hold back the approval; the author or the coordinator resolves", async () => {
    expect(
      await addComment(councilMember, sections[0]!.id, "Ajouter la date de la rencontre avec la ministre."),
    ).toEqual({ ok: true, data: null });
    const comment = (await openMinutes(coordinator, "conseil", 3))!.sections[0]!.comments[0]!;
    expect(comment).toMatchObject({ authorName: "Marc Beaulieu", resolvedAt: null });
    expect(await approveMinutes(president, minutesId, null)).toEqual({ ok: false, error: "openComments" });
    const other = await signInAs("julien.etchepare@demo.portail-scic.fr");
    expect(await resolveComment(other, comment.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await resolveComment(coordinator, comment.id)).toEqual({ ok: true, data: null });
  });

  it("the statutes say who approves: here the president, not the coordinator nor a council member", async () => {
    expect(await approvalOptions(coordinator, minutesId)).toEqual({ by: "PRESIDENT" });
    await expect(approveMinutes(coordinator, minutesId, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveMinutes(councilMember, minutesId, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishMinutes(president, minutesId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await publishMinutes(coordinator, minutesId)).toEqual({ ok: false, error: "notApproved" });
    expect(await approveMinutes(president, minutesId, null)).toEqual({ ok: true, data: null });
    expect(await approveMinutes(president, minutesId, null)).toEqual({ ok: false, error: "notShared" });
    // Approved minutes are no longer drafts to edit.
    expect(
      await saveSection(coordinator, sections[0]!.id, { body: "changement tardif", revision: 0 }),
    ).toEqual({
      ok: false,
      error: "locked",
    });
    expect(
      await removeActionItem(
        coordinator,
        (await openMinutes(coordinator, "conseil", 3))!.sections[0]!.actionItems[0]!.id,
      ),
    ).toEqual({ ok: false, error: "locked" });
  });

  it("publication makes version 1, puts the decisions on the record, and every member reads and finds it", async () => {
    expect(await publishMinutes(coordinator, minutesId)).toEqual({ ok: true, data: null });
    // Its minutes published, the meeting is over: « clôturée », no longer « tenue ».
    expect(
      (await db.minutes.findUniqueOrThrow({ where: { id: minutesId }, include: { meeting: true } })).meeting
        .status,
    ).toBe("CLOSED");
    const read = (await readMinutes(member, "conseil", 3))!;
    expect(read.status).toBe("PUBLISHED");
    expect(read.version).toBe(1);
    expect(read.sections[0]!.comments).toEqual([]); // comments stay with the council
    // Published: the points to follow are every member's to read.
    expect((await openFollowUps(member)).map((p) => p.text)).toContain("Contre-évaluation de SecPa");
    const decisions = await listDecisions(member);
    expect(decisions.find((d) => d.title.startsWith("Écrire au ministère"))).toMatchObject({
      bodyName: "Conseil coopératif",
      meeting: { number: 3, bodySlug: "conseil" },
    });
    const [document] = read.sections[1]!.documents;
    expect((await readDocument(member, document!.id))?.filename).toBe("diaporama-peps-secpa.pdf");
    const hits = await search(member, "ministère");
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(["decision"]));
  });
});

describe("corrections to published minutes", () => {
  it("make a new version with what changed, and an audit entry; nothing else is editable", async () => {
    await expect(
      correctMinutes(councilMember, minutesId, { note: "x", sections: {} }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const first = (await openMinutes(coordinator, "conseil", 3))!.sections[0]!;
    expect(
      await correctMinutes(coordinator, minutesId, { note: "rien", sections: { [first.id]: first.body } }),
    ).toEqual({ ok: false, error: "nothingChanged" });
    const result = await correctMinutes(coordinator, minutesId, {
      note: "Nom de la ministre corrigé",
      sections: { [first.id]: `${first.body}\nAccueil de la ministre le 17 février.` },
    });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const versions = await minutesVersions(member, minutesId);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.changeNote).toBe("Nom de la ministre corrigé");
    expect(
      versions[0]!.changes[0]!.parts.filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("ministre le 17 février.");
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "minutes.corrected", entityId: minutesId },
    });
    expect(audit.after).toMatchObject({ version: 2, note: "Nom de la ministre corrigé" });

    // The attendance is corrected with the rest: a version, the diff, the audit, kept as typed.
    const before = (await openMinutes(coordinator, "conseil", 3))!.attendanceText;
    const corrected = `${before}\n\nInvitée : Sonia Benali, future directrice`;
    expect(
      await correctMinutes(coordinator, minutesId, {
        note: "Invitée oubliée",
        sections: {},
        attendanceText: corrected,
      }),
    ).toEqual({ ok: true, data: { version: 3 } });
    const third = (await minutesVersions(member, minutesId))[0]!;
    expect(third.changes.map((c) => c.title)).toEqual(["Présences"]);
    expect(
      third.changes[0]!.parts.filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("Sonia Benali");
    const row = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    expect(row).toMatchObject({ attendanceText: corrected, attendanceEdited: true });
    const attendanceAudit = await db.auditEntry.findFirstOrThrow({
      where: { action: "minutes.corrected", entityId: minutesId },
      orderBy: { id: "desc" },
    });
    expect(attendanceAudit.before).toMatchObject({ attendanceText: before });
    expect(attendanceAudit.after).toMatchObject({ attendanceText: corrected, version: 3 });
    // An empty attendance is refused by the form, and the same text is nothing to correct.
    expect(
      await correctMinutes(coordinator, minutesId, { note: "x", sections: {}, attendanceText: corrected }),
    ).toEqual({ ok: false, error: "nothingChanged" });
  });
});

describe("search", () => {
  it("uses the French configuration: a singular finds the plural, in sections, decisions and action items", async () => {
    const { cooperative: coop, council: body } = await createCooperative("Coopérative de recherche");
    const coordinatorOf = await createMember(coop.id, {
      name: "Coordination",
      email: "coord-recherche@example.org",
      isCoordinator: true,
    });
    const actor = await actorFor(coordinatorOf.person.id, coop.id);
    const meeting = await buildMeeting({
      cooperativeId: coop.id,
      bodyId: body.id,
      number: 1,
      startsAt: new Date("2026-10-01T17:00:00Z"),
      status: "HELD",
    });
    const minutes = await db.minutes.create({ data: { cooperativeId: coop.id, meetingId: meeting.id } });
    await db.minutesSection.create({
      data: {
        cooperativeId: coop.id,
        minutesId: minutes.id,
        position: 0,
        title: "Recrutement",
        body: "· Lancement du **recrutement** de deux médiatrices en _santé_.",
      },
    });
    const hits = await search(actor, "médiatrice");
    expect(hits).toHaveLength(1);
    // The excerpt reads as the page does: no Markdown marks.
    expect(hits[0]!.excerpt).not.toMatch(/\*|_|·/);
    expect(hits[0]!.sectionId).toBeTruthy();
    expect(hits[0]).toMatchObject({
      kind: "section",
      title: "Recrutement",
      bodySlug: body.slug,
      meetingNumber: 1,
      draft: true,
    });
    expect(hits[0]!.excerpt).toContain("⟦médiatrices⟧");
    // Another cooperative's minutes are never found.
    expect((await search(coordinator, "médiatrices")).filter((h) => h.title === "Recrutement")).toEqual([]);
    // Hostile queries are just words.
    expect(await search(actor, "') OR 1=1 --")).toEqual([]);
    expect(await search(actor, "   ")).toEqual([]);
  });

  it("finds the decisions the record shows, of every body, with or without a meeting", async () => {
    // The demo's administrative commission decided it outside any meeting.
    const hits = await search(coordinator, "médiatrice");
    const decision = hits.find(
      (h) => h.kind === "decision" && h.title === "Lancement du recrutement d'une 3e médiatrice",
    );
    expect(decision).toMatchObject({
      bodyName: "Commission administrative",
      meetingNumber: null,
      draft: false,
    });
    expect(decision!.excerpt).toContain("⟦médiatrice⟧");
  });

  it("a plain member does not find drafts", async () => {
    const draftWord = "xylophonesque";
    const meeting4 = await db.meeting.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, number: 4, body: { slug: "conseil" } },
    });
    const minutes = await db.minutes.create({
      data: { cooperativeId: coordinator.cooperativeId, meetingId: meeting4.id },
    });
    await db.minutesSection.create({
      data: {
        cooperativeId: coordinator.cooperativeId,
        minutesId: minutes.id,
        position: 0,
        title: "Brouillon",
        body: `Un mot rare : ${draftWord}.`,
      },
    });
    expect(await search(member, draftWord)).toEqual([]);
    expect((await search(councilMember, draftWord)).map((h) => h.draft)).toEqual([true]);
  });
});

describe("another cooperative", () => {
  it("cannot reach these minutes, their sections or their comments by id", async () => {
    const { cooperative } = await createCooperative("Coopérative voisine");
    const other = await createMember(cooperative.id, {
      name: "Coordination voisine",
      email: "coord-voisine@example.org",
      isCoordinator: true,
    });
    const stranger = await actorFor(other.person.id, cooperative.id);
    expect(await shareMinutes(stranger, minutesId)).toEqual({ ok: false, error: "notFound" });
    expect(await publishMinutes(stranger, minutesId)).toEqual({ ok: false, error: "notFound" });
    expect(
      await correctMinutes(stranger, minutesId, { note: "x", sections: { [sections[0]!.id]: "piraté" } }),
    ).toEqual({ ok: false, error: "notFound" });
    expect(await addComment(stranger, sections[0]!.id, "x")).toEqual({ ok: false, error: "notFound" });
    expect(await saveSection(stranger, sections[0]!.id, { body: "piraté", revision: 0 })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(
      await addActionItem(stranger, sections[0]!.id, {
        title: "x",
        owners: [stranger.membershipId],
        outsideOwners: [],
        dueOn: null,
      }),
    ).toEqual({ ok: false, error: "notFound" });
    expect(
      await setNextMeeting(stranger, minutesId, {
        startsAt: new Date("2030-01-01T18:00:00Z"),
        place: null,
        items: [],
      }),
    ).toEqual({ ok: false, error: "notFound" });
    expect(await minutesVersions(stranger, minutesId)).toEqual([]);
    expect(await readMinutes(stranger, "conseil", 3)).toBeNull();
  });
});

describe("approval at the next meeting, when the statutes say so", () => {
  it("is recorded by the coordinator, naming a later meeting of the body that was held", async () => {
    await db.statuteSettings.update({
      where: { cooperativeId: coordinator.cooperativeId },
      data: { minutesApprovedBy: "NEXT_MEETING" },
    });
    const meeting2 = await db.meeting.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, number: 2, body: { slug: "conseil" } },
    });
    const minutes = (await openMinutes(coordinator, "conseil", 2))!;
    await db.minutes.update({ where: { id: minutes.id }, data: { status: "DRAFT" } });
    expect(await shareMinutes(coordinator, minutes.id)).toEqual({ ok: true, data: null });
    await expect(approveMinutes(president, minutes.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await approveMinutes(coordinator, minutes.id, null)).toEqual({
      ok: false,
      error: "approvalMeetingInvalid",
    });
    expect(await approveMinutes(coordinator, minutes.id, meeting2.id)).toEqual({
      ok: false,
      error: "approvalMeetingInvalid",
    }); // not a later one
    const options = await approvalOptions(coordinator, minutes.id);
    expect(options).toMatchObject({ by: "NEXT_MEETING" });
    const meeting3 = await db.meeting.findFirstOrThrow({
      where: { cooperativeId: coordinator.cooperativeId, number: 3, body: { slug: "conseil" } },
    });
    expect(options && options.by === "NEXT_MEETING" ? options.meetings.map((m) => m.number) : []).toContain(
      3,
    );
    expect(await approveMinutes(coordinator, minutes.id, meeting3.id)).toEqual({ ok: true, data: null });
    expect((await openMinutes(coordinator, "conseil", 2))!.approvalMeeting).toEqual({ number: 3 });
  });
});
