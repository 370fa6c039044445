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
  followUps: [],
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
  otherDecisions: [],
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
          cites: null,
        },
      ],
    }),
    section("Points divers", ""),
    section("Prochaine réunion", "", { isNextMeeting: true }),
  ],
};

describe("the minutes for a reader who reads English", () => {
  const m = printableMinutes(view, "SCIC Test", "en");
  it("keeps what the cooperative wrote and puts the words around it in English", () => {
    expect(m.heading).toBe("Meeting Conseil coopératif no. 3 – 27 March 2023");
    // The attendance is the record as written: it stays French.
    expect(m.attendance[0]).toBe("Présent·es : Saida Sadaoui (catégorie usager·es et habitant·es)");
    expect(m.sections[0]!.actions).toEqual(["Faire un petit carnet — Saida, Asta — due 1 May 2023"]);
    expect(m.sections[1]!.decisions).toEqual([
      { text: "Écrire au ministère (adopted, by consensus)", cites: null },
    ]);
    expect(m.labels.actions).toBe("Things to do:");
    expect(m.labels.agenda).toBe("On the agenda");
    expect(m.footer.at(-1)).toBe("Published on 6 April 2023 (version 1).");
    expect(m.lang).toBe("en");
  });
});

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
    expect(m.sections[1]!.decisions).toEqual([
      { text: "Écrire au ministère (adoptée, par consensus)", cites: null },
    ]);
  });
  it("keeps the points to follow, the owners outside the cooperative, the cited decision and the slides", () => {
    const shared = printableMinutes(
      {
        ...view,
        sections: [
          section("Peps et SecPa", "", {
            followUps: [{ id: "f", text: "Contre-évaluation de SecPa", status: "OPEN" }],
            actionItems: [
              {
                id: "a",
                title: "Faire un retour",
                dueOn: null,
                status: "OPEN",
                owners: [
                  { id: "1", name: "Élise" },
                  { id: "outside-0", name: "les premiers expérimentateurs de SecPa" },
                ],
              },
            ],
            decisions: [
              {
                id: "d",
                title: "Suivre l'avis de la commission",
                text: "",
                method: "CONSENSUS",
                outcome: "ADOPTED",
                voteQuestionId: null,
                cites: {
                  id: "c",
                  title: "Forfait structure",
                  bodyName: "Commission administrative",
                  decidedOn: new Date("2023-03-01T00:00:00Z"),
                },
              },
            ],
            documents: [
              { id: "doc1", filename: "peps.pdf", sizeBytes: 10, mimeType: "application/pdf" },
              {
                id: "doc2",
                filename: "secpa.odp",
                sizeBytes: 10,
                mimeType: "application/vnd.oasis.opendocument.presentation",
              },
            ],
          }),
          section("Prochaine réunion", "Le 20 avril, même lieu.", { isNextMeeting: true }),
        ],
      },
      "SCIC Test",
    );
    const s = shared.sections[0]!;
    expect(s.followUps).toEqual(["Contre-évaluation de SecPa"]);
    expect(s.actions).toEqual(["Faire un retour — Élise, les premiers expérimentateurs de SecPa"]);
    expect(s.decisions[0]!.cites).toEqual({
      line: "Fait suite à : Forfait structure (Commission administrative, 1 mars 2023)",
      href: "/decisions/c",
    });
    expect(s.documents).toEqual([
      { id: "doc1", name: "peps.pdf", href: "/documents/doc1", isPdf: true },
      { id: "doc2", name: "secpa.odp", href: "/documents/doc2", isPdf: false },
    ]);
    // The next meeting is said once: the block made from the minutes, not the section's text too.
    expect(shared.next?.notes).toBe("");
    expect(
      printableMinutes(
        {
          ...view,
          nextMeeting: null,
          sections: [section("Prochaine réunion", "Le 20 avril.", { isNextMeeting: true })],
        },
        "x",
      ).next,
    ).toEqual({
      line: "Prochaine réunion",
      place: null,
      agenda: [],
      notes: "Le 20 avril.",
    });
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
