import { describe, expect, it } from "vitest";
import { inlineRuns, markdownToLines } from "@/lib/minutes/plain-text";
import { renderMarkdown } from "@/lib/minutes/render";

// What is typed is what everyone reads: the page's lists and emphasis, and the PDF's runs.
describe("minutes Markdown", () => {
  it("renders the seed's points and numbered tracks as lists on the page", () => {
    const html = renderMarkdown(
      "- Accueil d'une ministre\n- France Culture\n\n1) Peps\n2) SecPa\n3) **Boîte** à idées",
    );
    expect(html).toContain("<ul>");
    expect(html).toMatch(/<ol>[\s\S]*<li>Peps<\/li>/);
    expect(html).toContain("<strong>Boîte</strong>");
  });

  it("gives the PDF bold, italics and links as runs", () => {
    expect(
      inlineRuns("Le **conseil** décide *à l'unanimité* : [la note](https://exemple.org/note)."),
    ).toEqual([
      { text: "Le " },
      { text: "conseil", bold: true },
      { text: " décide " },
      { text: "à l'unanimité", italic: true },
      { text: " : " },
      { text: "la note", href: "https://exemple.org/note" },
      { text: "." },
    ]);
    const [first, second] = markdownToLines("1) **Peps**\n- _SecPa_");
    expect(first!.runs).toEqual([{ text: "1) " }, { text: "Peps", bold: true }]);
    expect(second).toMatchObject({ bullet: true, runs: [{ text: "SecPa", italic: true }] });
  });
});
