import { describe, expect, it } from "vitest";
import { diffSnapshots, readSnapshot, snapshotOf } from "@/lib/minutes/versions";
import { markdownToLines } from "@/lib/minutes/plain-text";

const v1 = snapshotOf({
  attendanceText: "Présent·es : Saida ; Aurore",
  sections: [
    { title: "Tour des avancées", body: "Accueil d'une ministre le 17 février." },
    { title: "Points divers", body: "" },
  ],
});

describe("versions of published minutes", () => {
  it("a snapshot keeps titles and texts only", () => {
    expect(
      snapshotOf({
        attendanceText: null,
        sections: [{ title: "a", body: "b", id: "x" } as { title: string; body: string }],
      }),
    ).toEqual({ attendanceText: "", sections: [{ title: "a", body: "b" }] });
  });

  it("lists only the sections that changed, with the words added and removed", () => {
    const v2 = {
      ...v1,
      sections: [
        { title: "Tour des avancées", body: "Accueil d'une ministre le 18 février." },
        { title: "Points divers", body: "" },
      ],
    };
    const diff = diffSnapshots(v1, v2);
    expect(diff).toHaveLength(1);
    expect(diff[0]!.title).toBe("Tour des avancées");
    expect(diff[0]!.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["17"]);
    expect(diff[0]!.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["18"]);
    expect(diff[0]!.parts.map((p) => (p.kind === "removed" ? "" : p.text)).join("")).toBe(
      "Accueil d'une ministre le 18 février.",
    );
  });

  it("sees a changed attendance and an added section", () => {
    const v2 = {
      attendanceText: "Présent·es : Saida ; Aurore ; Laure",
      sections: [...v1.sections, { title: "Prochaine réunion", body: "20 avril" }],
    };
    expect(diffSnapshots(v1, v2, "Présences").map((d) => d.title)).toEqual([
      "Présences",
      "Prochaine réunion",
    ]);
  });

  it("nothing changed is no change", () => {
    expect(diffSnapshots(v1, readSnapshot(JSON.parse(JSON.stringify(v1))))).toEqual([]);
  });

  it("reads back whatever was stored without failing", () => {
    expect(readSnapshot(null)).toEqual({ attendanceText: "", sections: [] });
    expect(readSnapshot({ sections: [{ title: 3 }] })).toEqual({
      attendanceText: "",
      sections: [{ title: "3", body: "" }],
    });
  });
});

describe("Markdown as plain lines for the PDF", () => {
  it("drops the marks, keeps bullets, numbers and link addresses", () => {
    const lines = markdownToLines(
      "**Accueil** d'une *ministre*\n\n- Saida propose un carnet\n1) La durée\nVoir [le podcast](https://www.radiofrance.fr/a_b_c) et https://exemple.fr/l_invite_e",
    );
    expect(lines.map(({ runs: _runs, ...line }) => line)).toEqual([
      { text: "Accueil d'une ministre", bullet: false, heading: false },
      { text: "", bullet: false, heading: false },
      { text: "Saida propose un carnet", bullet: true, heading: false },
      { text: "1) La durée", bullet: false, heading: false },
      {
        text: "Voir le podcast (https://www.radiofrance.fr/a_b_c) et https://exemple.fr/l_invite_e",
        bullet: false,
        heading: false,
      },
    ]);
    // The PDF draws the last line's address as a link, the address whole (its « _ » are not italics).
    expect(lines[4]!.runs).toEqual([
      { text: "Voir " },
      { text: "le podcast", href: "https://www.radiofrance.fr/a_b_c" },
      { text: " et " },
      { text: "https://exemple.fr/l_invite_e", href: "https://exemple.fr/l_invite_e" },
    ]);
  });
});
