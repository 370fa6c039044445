import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  adoptText,
  answerProposal,
  createText,
  editSection,
  getText,
  listTexts,
  mergeProposal,
  propose,
  resumeDrafting,
  textVersions,
} from "@/lib/texts/service";
import { newTextSchema } from "@/lib/texts/schema";
import { castBallot } from "@/lib/votes/cast";
import { closeQuestion, openQuestion } from "@/lib/votes/questions";
import { listDecisions } from "@/lib/decisions/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { openMinutes } from "@/lib/minutes/service";
import { approveMinutes, publishMinutes, shareMinutes } from "@/lib/minutes/workflow";

// A text written together (issue 18): sections, proposals accepted or declined by the drafter
// and merged into the text, versions with their differences, and an adoption that freezes one
// version into the decision record, by a vote or a decision. Tried by those who may not.

let coordinator: Actor;
let marc: Actor;
let salima: Actor;
let bertrand: Actor;
let member: Actor;
let neighbour: Actor;
let councilId: string;

const DRAFT = `## Contexte
Le centre devient une SCIC.

## Missions
- Coordonner l'équipe salariée.
- Préparer le budget.

## Évaluation
Un point d'étape après six mois.`;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative("Coopérative des textes");
  councilId = council.id;
  const make = async (name: string, options: { isCoordinator?: boolean; council?: boolean } = {}) => {
    const m = await createMember(cooperative.id, { name, isCoordinator: options.isCoordinator });
    if (options.council)
      await db.mandate.create({
        data: {
          cooperativeId: cooperative.id,
          bodyId: council.id,
          membershipId: m.membership.id,
          startsOn: new Date("2020-01-01T00:00:00Z"),
        },
      });
    return actorFor(m.person.id, cooperative.id);
  };
  coordinator = await make("Clara Gautier", { isCoordinator: true });
  marc = await make("Marc Beaulieu", { council: true });
  salima = await make("Salima Haddad", { council: true });
  bertrand = await make("Bertrand Lemoine", { council: true });
  member = await make("Paul Martin");
  const other = await createCooperative("Coopérative voisine");
  const theirs = await createMember(other.cooperative.id, { name: "Voisine", isCoordinator: true });
  neighbour = await actorFor(theirs.person.id, other.cooperative.id);
});

async function newText(title: string) {
  const created = await createText(
    coordinator,
    newTextSchema.parse({ title, purpose: "Pour la directrice.", bodyId: councilId, content: DRAFT }),
  );
  if (!created.ok) throw new Error(created.error);
  return created.data.id;
}

const sectionOf = async (textId: string, title: string) =>
  (await getText(coordinator, textId))!.sections.find((s) => s.title === title)!;

describe("writing a text together", () => {
  it("cuts the first draft into sections at « ## » lines", () => {
    expect(
      newTextSchema.parse({ title: "x", bodyId: "b", content: DRAFT }).content.map((s) => s.title),
    ).toEqual(["Contexte", "Missions", "Évaluation"]);
    expect(newTextSchema.safeParse({ title: "x", bodyId: "b", content: "   " }).success).toBe(false);
  });

  it("two members' proposals are accepted into new versions; comments are answered; all is kept", async () => {
    const id = await newText("Lettre de mission");
    const missions = await sectionOf(id, "Missions");
    const evaluation = await sectionOf(id, "Évaluation");
    expect(
      await propose(marc, missions.id, {
        kind: "CHANGE",
        body: "- Coordonner l'équipe salariée et les bénévoles.\n- Préparer le budget.",
        reason: "Les bénévoles aussi.",
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await propose(salima, evaluation.id, {
        kind: "CHANGE",
        body: "Un point d'étape avec la présidence après six mois, puis chaque année.",
        reason: "",
      }),
    ).toEqual({ ok: true, data: null });
    expect(
      await propose(bertrand, evaluation.id, { kind: "COMMENT", body: "À relire avec elle.", reason: "" }),
    ).toEqual({ ok: true, data: null });
    // The same text is no proposal.
    expect(await propose(marc, evaluation.id, { kind: "CHANGE", body: evaluation.body, reason: "" })).toEqual(
      {
        ok: false,
        error: "unchanged",
      },
    );

    const view = (await getText(marc, id))!;
    const proposals = view.sections.flatMap((s) => s.proposals);
    expect(proposals.map((p) => [p.authorName, p.kind, p.status])).toEqual([
      ["Marc Beaulieu", "CHANGE", "OPEN"],
      ["Salima Haddad", "CHANGE", "OPEN"],
      ["Bertrand Lemoine", "COMMENT", "OPEN"],
    ]);
    for (const p of proposals.filter((p) => p.kind === "CHANGE"))
      expect((await answerProposal(coordinator, p.id, { accept: true, answer: "Merci" })).ok).toBe(true);
    const comment = proposals.find((p) => p.kind === "COMMENT")!;
    expect(
      await answerProposal(coordinator, comment.id, { accept: false, answer: "Ce sera dit à l'oral." }),
    ).toEqual({
      ok: true,
      data: { version: null },
    });
    expect(await answerProposal(coordinator, comment.id, { accept: true, answer: "" })).toEqual({
      ok: false,
      error: "proposalClosed",
    });

    const after = (await getText(coordinator, id))!;
    expect(after.version).toBe(3);
    expect(after.sections.find((s) => s.title === "Missions")!.body).toContain("et les bénévoles");
    expect(after.sections.find((s) => s.title === "Évaluation")!.body).toContain("puis chaque année");

    const versions = (await textVersions(marc, id))!;
    expect(versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(versions[0]!.note).toBe("Proposition de Salima Haddad acceptée (Évaluation)");
    expect(versions[0]!.changes.map((c) => c.title)).toEqual(["Évaluation"]);
    expect(
      versions[1]!.changes[0]!.parts.filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("bénévoles");
    const audit = await db.auditEntry.count({ where: { action: "text.proposalAccepted" } });
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  it("merges a proposal written on an older wording, and refuses one that overlaps", async () => {
    expect(mergeProposal("a\nB\nc", "a\nb\nc", "a\nb\nC")).toBe("a\nB\nC");
    expect(mergeProposal("a\nB\nc", "a\nb\nc", "a\nX\nc")).toBeNull();
    // An added line goes after the line it followed, wherever that line now stands.
    expect(mergeProposal("x\na\nb", "a\nb", "a\nb\nc")).toBe("x\na\nb\nc");
    // An added line whose neighbours changed cannot be placed.
    expect(mergeProposal("A\nB", "a\nb", "a\nnew\nb")).toBeNull();
    const id = await newText("Charte");
    const missions = await sectionOf(id, "Missions");
    await propose(marc, missions.id, {
      kind: "CHANGE",
      body: "- Coordonner l'équipe salariée et bénévole.\n- Préparer le budget.",
      reason: "",
    });
    await propose(salima, missions.id, {
      kind: "CHANGE",
      body: "- Coordonner l'équipe salariée.\n- Préparer le budget et le rapport d'activité.",
      reason: "",
    });
    await propose(bertrand, missions.id, {
      kind: "CHANGE",
      body: "- Animer l'équipe salariée.\n- Préparer le budget.",
      reason: "",
    });
    const [first, second, third] = (await sectionOf(id, "Missions")).proposals;
    expect((await answerProposal(coordinator, first!.id, { accept: true, answer: "" })).ok).toBe(true);
    expect((await answerProposal(coordinator, second!.id, { accept: true, answer: "" })).ok).toBe(true);
    expect((await sectionOf(id, "Missions")).body).toBe(
      "- Coordonner l'équipe salariée et bénévole.\n- Préparer le budget et le rapport d'activité.",
    );
    expect(await answerProposal(coordinator, third!.id, { accept: true, answer: "" })).toEqual({
      ok: false,
      error: "proposalConflict",
    });
    // Nothing changed by the refused merge: still open, text as it was.
    expect((await sectionOf(id, "Missions")).proposals[2]!.status).toBe("OPEN");
  });

  it("only the council proposes, only the drafter answers and edits, and no other cooperative sees it", async () => {
    const id = await newText("Texte gardé");
    const section = await sectionOf(id, "Contexte");
    await expect(
      propose(member, section.id, { kind: "COMMENT", body: "x", reason: "" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTexts(member)).rejects.toBeInstanceOf(ForbiddenError);
    await propose(marc, section.id, { kind: "CHANGE", body: "Autre chose.", reason: "" });
    const proposal = (await sectionOf(id, "Contexte")).proposals[0]!;
    await expect(answerProposal(marc, proposal.id, { accept: true, answer: "" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(editSection(marc, section.id, { body: "x", note: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // The neighbouring cooperative's coordinator holds every right there, and nothing here.
    expect(await getText(neighbour, id)).toBeNull();
    expect(await answerProposal(neighbour, proposal.id, { accept: true, answer: "" })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await editSection(neighbour, section.id, { body: "x", note: "x" })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(
      await adoptText(neighbour, id, {
        mode: "VOTE",
        version: 1,
        voteKind: "WRITTEN_CONSULTATION",
        meetingId: null,
        closesAt: new Date(Date.now() + 86400000),
        method: "CONSENSUS",
      }),
    ).toEqual({ ok: false, error: "notFound" });
    expect((await listTexts(neighbour)).map((t) => t.id)).not.toContain(id);
  });
});

describe("adoption", () => {
  it("by a council vote: the version is frozen, put to the vote with its whole text, and the close records it", async () => {
    const id = await newText("Lettre de mission adoptée");
    const missions = await sectionOf(id, "Missions");
    await editSection(coordinator, missions.id, {
      body: `${missions.body}\n- Tenir le projet de santé communautaire.`,
      note: "Le projet de santé",
    });
    const vote = {
      mode: "VOTE" as const,
      version: 2,
      voteKind: "WRITTEN_CONSULTATION" as const,
      meetingId: null,
      closesAt: new Date(Date.now() + 3 * 86400000),
      method: "CONSENSUS" as const,
    };
    // Refused in words, and the text is still being drafted afterwards.
    expect(await adoptText(coordinator, id, { ...vote, closesAt: null })).toEqual({
      ok: false,
      error: "closesAtRequired",
    });
    expect((await getText(marc, id))!.status).toBe("DRAFTING");
    // The drafter confirmed version 1, but version 2 is the text now: nothing is frozen.
    expect(await adoptText(coordinator, id, { ...vote, version: 1 })).toEqual({
      ok: false,
      error: "versionChanged",
    });
    const adopted = await adoptText(coordinator, id, vote);
    expect(adopted.ok).toBe(true);
    const questionId = adopted.ok ? adopted.data.voteQuestionId! : "";
    const question = await db.voteQuestion.findUniqueOrThrow({ where: { id: questionId } });
    expect(question.title).toBe("Adoption : Lettre de mission adoptée (version 2)");
    expect(question.text).toContain("## Missions");
    expect(question.text).toContain("Tenir le projet de santé communautaire.");

    // Frozen: no edit, no proposal, no second adoption.
    const view = (await getText(marc, id))!;
    expect(view.status).toBe("VOTING");
    expect(view.frozenVersion).toBe(2);
    expect(await editSection(coordinator, missions.id, { body: "x", note: "x" })).toEqual({
      ok: false,
      error: "notDrafting",
    });
    expect(await propose(marc, missions.id, { kind: "COMMENT", body: "x", reason: "" })).toEqual({
      ok: false,
      error: "notDrafting",
    });
    expect(await adoptText(coordinator, id, vote)).toEqual({ ok: false, error: "notDrafting" });
    expect(await db.voteQuestion.count({ where: { title: question.title } })).toBe(1);

    expect(await openQuestion(coordinator, questionId)).toEqual({ ok: true, data: null });
    for (const voter of [marc, salima, bertrand])
      expect((await castBallot(voter, questionId, { choice: "FOR" })).ok).toBe(true);
    expect((await closeQuestion(coordinator, questionId)).ok).toBe(true);

    expect((await getText(marc, id))!.status).toBe("ADOPTED");
    const record = await listDecisions(coordinator);
    const decision = record.find((d) => d.title === "Adoption : Lettre de mission adoptée (version 2)")!;
    expect(decision.outcome).toBe("ADOPTED");
    expect(decision.sharedText).toEqual({ id, title: "Lettre de mission adoptée" });
    expect(decision.text).toContain("Tenir le projet de santé communautaire.");
    expect(decision.text).toContain("Résultat du vote");
  });

  it("a rejected text goes back to drafting; a decision already taken is recorded at once", async () => {
    const id = await newText("Charte rejetée");
    const adopted = await adoptText(coordinator, id, {
      mode: "VOTE",
      version: 1,
      voteKind: "WRITTEN_CONSULTATION",
      meetingId: null,
      closesAt: new Date(Date.now() + 86400000),
      method: "CONSENSUS",
    });
    const questionId = adopted.ok ? adopted.data.voteQuestionId! : "";
    expect(await resumeDrafting(coordinator, id)).toEqual({ ok: false, error: "notRejected" });
    await openQuestion(coordinator, questionId);
    for (const voter of [marc, salima]) await castBallot(voter, questionId, { choice: "AGAINST" });
    await closeQuestion(coordinator, questionId);
    expect((await getText(marc, id))!.status).toBe("REJECTED");
    expect(await resumeDrafting(coordinator, id)).toEqual({ ok: true, data: null });
    expect((await getText(marc, id))!.status).toBe("DRAFTING");
  });

  it("a decision taken at a meeting of the council enters the record with that meeting's minutes", async () => {
    const cooperativeId = coordinator.cooperativeId;
    const held = await buildMeeting({
      cooperativeId,
      bodyId: councilId,
      number: 1,
      startsAt: new Date(Date.now() - 14 * 86400000),
      status: "HELD",
    });
    const later = await buildMeeting({
      cooperativeId,
      bodyId: councilId,
      number: 2,
      startsAt: new Date(Date.now() - 2 * 86400000),
      status: "HELD",
    });
    const decided = await newText("Règlement intérieur");
    const decision = {
      mode: "DECISION" as const,
      version: 1,
      voteKind: "WRITTEN_CONSULTATION" as const,
      meetingId: held.id,
      closesAt: null,
      method: "CONSENSUS" as const,
    };
    expect(await adoptText(coordinator, decided, { ...decision, meetingId: null })).toEqual({
      ok: false,
      error: "meetingRequired",
    });
    expect(await adoptText(neighbour, decided, decision)).toEqual({ ok: false, error: "notFound" });
    expect(await adoptText(coordinator, decided, decision)).toEqual({
      ok: true,
      data: { voteQuestionId: null },
    });
    const view = (await getText(coordinator, decided))!;
    expect(view.status).toBe("ADOPTED");
    expect(view.adoptedAtMeeting).toBe(1);
    // Not in the record before the minutes; listed in them.
    expect((await listDecisions(coordinator)).map((d) => d.id)).not.toContain(view.decisionId);
    const minutes = (await openMinutes(coordinator, "conseil", 1))!;
    expect(minutes.otherDecisions.map((d) => d.title)).toEqual([
      "Adoption : Règlement intérieur (version 1)",
    ]);
    expect((await shareMinutes(coordinator, minutes.id)).ok).toBe(true);
    expect((await approveMinutes(coordinator, minutes.id, later.id)).ok).toBe(true);
    expect((await publishMinutes(coordinator, minutes.id)).ok).toBe(true);
    const recorded = (await listDecisions(coordinator)).find((d) => d.id === view.decisionId)!;
    expect(recorded).toMatchObject({
      title: "Adoption : Règlement intérieur (version 1)",
      method: "CONSENSUS",
      sharedText: { id: decided, title: "Règlement intérieur" },
    });
    expect(recorded.text).toContain("## Contexte");
    // A meeting whose minutes are published takes no more decisions.
    const another = await newText("Charte de l'accueil");
    expect(await adoptText(coordinator, another, decision)).toEqual({ ok: false, error: "minutesPublished" });
  });
});
