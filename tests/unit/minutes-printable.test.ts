import { describe, expect, it } from "vitest";
import { printableMinutes } from "@/lib/minutes/printable";
import type { MinutesView, SectionDetail } from "@/lib/minutes/service";

const section = (title: string, body: string, extra: Partial<SectionDetail> = {}): SectionDetail => ({
  id: title,
  title,
  body,
  revision: 0,
  updatedAt: new Date(),
  isNextMeeting: false,
  actionItems: [],
  decisions: [],
  comments: [],
  documents: [],
  ...extra,
});

const view: MinutesView = {
  id: "m",
  status: "PUBLISHED",
  attendanceSheet: null,
  attendanceEdited: false,
  attendanceText:
    "Présent·es : Saida Sadaoui (catégorie usager·es et habitant·es)\n\nExcusé·es : Asta Touré (catégorie salarié·es)",
  version: 1,
  approvedAt: new Date("2023-04-05T10:00:00Z"),
  approvedByName: "Arnaud Bontemps",
  approvalMeeting: null,
  publishedAt: new Date("2023-04-06T10:00:00Z"),
  meeting: {
    id: "x",
    number: 3,
    startsAt: new Date("2023-03-27T17:30:00Z"),
    bodyId: "b",
    bodyName: "Conseil coopératif",
    bodySlug: "conseil",
    agenda: ["Tour rapide", "Présentation Peps et SecPa", "Points divers"],
  },
  nextMeeting: {
    number: 4,
    bodySlug: "conseil",
    startsAt: new Date("2023-04-20T17:30:00Z"),
    place: null,
    agenda: ["rapport d'activité", "construire collectivement une lettre de mission"],
  },
  sections: [
    section("Tour rapide", "Accueil d'une ministre.", {
      actionItems: [
        {
          id: "a",
          title: "Faire un petit carnet",
          dueOn: new Date("2023-05-01T00:00:00Z"),
          status: "OPEN",
          owners: [
            { id: "1", name: "Saida" },
            { id: "2", name: "Asta" },
          ],
        },
      ],
    }),
    section("Présentation Peps et SecPa", "Présentation par Émilie.", {
      decisions: [
        {
          id: "d",
          title: "Écrire au ministère",
          text: "",
          method: "CONSENSUS",
          outcome: "ADOPTED",
          voteQuestionId: null,
        },
      ],
    }),
    section("Points divers", ""),
    section("Prochaine réunion", "", { isNextMeeting: true }),
  ],
};

describe("the minutes as one document, like the cooperative's own", () => {
  const m = printableMinutes(view, "SCIC Test");
  it("has the header, present and excused, and the agenda", () => {
    expect(m.heading).toBe("Réunion Conseil coopératif n° 3 – 27 mars 2023");
    expect(m.attendance).toEqual([
      "Présent·es : Saida Sadaoui (catégorie usager·es et habitant·es)",
      "Excusé·es : Asta Touré (catégorie salarié·es)",
    ]);
    expect(m.agenda).toHaveLength(3);
  });
  it("numbers the items that have content, with their things to do and decisions", () => {
    expect(m.sections.map((s) => `${s.number}) ${s.title}`)).toEqual([
      "1) Tour rapide",
      "2) Présentation Peps et SecPa",
    ]);
    expect(m.sections[0]!.actions).toEqual(["Faire un petit carnet — Saida, Asta — pour le 1 mai 2023"]);
    expect(m.sections[1]!.decisions).toEqual(["Écrire au ministère (adoptée, par consensus)"]);
  });
  it("ends with the next meeting, its day and time as the cooperative writes them", () => {
    expect(m.next).toEqual({
      line: "Prochaine réunion : jeudi 20 avril 2023 à 19h30",
      place: null,
      agenda: ["rapport d'activité", "construire collectivement une lettre de mission"],
      notes: "",
    });
    expect(m.footer).toContain("Approuvé par Arnaud Bontemps le 5 avril 2023.");
    expect(m.filename).toBe("compte-rendu-conseil-3.pdf");
  });
});
