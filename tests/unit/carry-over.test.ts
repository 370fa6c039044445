import { describe, expect, it } from "vitest";
import { carryOverProposals, itemsNamedForNext } from "@/lib/meetings/carry-over";

const base = {
  bodyName: "Conseil coopératif",
  previous: { number: 3, minutesApproved: false },
  openActions: [],
  waitingIdeas: [],
  nextMeetingNotes: "",
  agendaTitles: [],
};

describe("what carries over to the next agenda", () => {
  it("proposes approving the previous minutes until they are approved", () => {
    expect(carryOverProposals(base).map((p) => p.title)).toEqual([
      "Approbation du compte rendu du conseil coopératif n° 3",
    ]);
    expect(carryOverProposals({ ...base, previous: { number: 3, minutesApproved: true } })).toEqual([]);
    expect(carryOverProposals({ ...base, previous: null })).toEqual([]);
  });

  it("lists the open action items with owners and due dates, and the ideas waiting", () => {
    const proposals = carryOverProposals({
      ...base,
      openActions: [
        {
          title: "Courrier au ministère sur SecPa",
          owners: ["Élise Hamon", "Clara Gautier"],
          dueOn: "30/04/2023",
        },
      ],
      waitingIdeas: [{ text: "Des chaises pour enfants" }, { text: "Horaires en plusieurs langues" }],
    });
    expect(proposals.map((p) => [p.key, p.kind])).toEqual([
      ["minutes", "DECISION"],
      ["actions", "INFORMATION"],
      ["ideas", "INFORMATION"],
    ]);
    expect(proposals[1]?.description).toBe(
      "- Courrier au ministère sur SecPa (Élise Hamon, Clara Gautier), pour le 30/04/2023",
    );
    expect(proposals[2]?.title).toBe("Boîte à idées : lecture des petits papiers (2)");
  });

  it("carries the open points to follow, with the meeting that raised each, until they are closed", () => {
    const proposals = carryOverProposals({
      ...base,
      previous: { number: 4, minutesApproved: true },
      followUps: [
        { text: "Contre-évaluation de SecPa", fromNumber: 3 },
        { text: "Requestionner le forfait structure", fromNumber: 4 },
      ],
    });
    expect(proposals).toEqual([
      {
        key: "followups",
        kind: "DISCUSSION",
        title: "Points à suivre",
        description:
          "- Contre-évaluation de SecPa (réunion n° 3)\n- Requestionner le forfait structure (réunion n° 4)",
      },
    ]);
    // Once on the agenda, it is not proposed twice.
    expect(
      carryOverProposals({
        ...base,
        previous: null,
        followUps: [{ text: "x", fromNumber: 3 }],
        agendaTitles: ["Points à suivre"],
      }),
    ).toEqual([]);
  });

  it("proposes the items the previous minutes named for the next meeting", () => {
    const notes =
      "Jeudi 20 avril à 19h30.\nÀ l'ordre du jour :\n- rapport d'activité\n· construire collectivement une lettre de mission pour la direction\n\n1. Points divers";
    expect(itemsNamedForNext(notes)).toEqual([
      "rapport d'activité",
      "construire collectivement une lettre de mission pour la direction",
      "Points divers",
    ]);
    const proposals = carryOverProposals({
      ...base,
      nextMeetingNotes: notes,
      agendaTitles: ["Points divers"],
    });
    expect(proposals.map((p) => [p.key, p.title])).toEqual([
      ["minutes", "Approbation du compte rendu du conseil coopératif n° 3"],
      ["next-0", "rapport d'activité"],
      ["next-1", "construire collectivement une lettre de mission pour la direction"],
    ]);
  });

  it("does not propose what is already on the agenda", () => {
    expect(
      carryOverProposals({
        ...base,
        agendaTitles: ["Approbation du compte rendu du conseil coopératif n° 3 "],
      }),
    ).toEqual([]);
  });
});
