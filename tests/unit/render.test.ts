import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/minutes/render";

describe("minutes rendering", () => {
  it("renders the Markdown the coordinator types: lists, emphasis, links", () => {
    const html = renderMarkdown(
      "· Tour des avancées\n\n- **Accueil** d'une ministre\n- *SecPa* : [podcast](https://www.radiofrance.fr/x)",
    );
    expect(html).toContain("<strong>Accueil</strong>");
    expect(html).toContain("<em>SecPa</em>");
    expect(html).toContain(
      '<a href="https://www.radiofrance.fr/x" rel="noopener noreferrer nofollow" target="_blank">podcast</a>',
    );
    expect(html).toContain("<li>");
  });

  it("never lets a script, raw HTML or an unsafe link through", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) <a href="https://ok">a</a>',
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:text");
    expect(html).not.toContain('<a href="https://ok"');
    expect(html).toContain("&lt;script&gt;");
  });

  it("reads the cooperative's own « · » points and « 1) » tracks as lists, as the PDF does", () => {
    const points = renderMarkdown(
      "Fil rouge :\n· **Accueil d'une ministre**\n• France Culture\nun · au milieu reste",
    );
    expect(points).toContain("<ul>\n<li><strong>Accueil d'une ministre</strong></li>\n<li>France Culture");
    expect(points).toContain("un · au milieu reste");
    const tracks = renderMarkdown("Trois pistes :\n\n1) La durée\n2) Le plaidoyer\n3) La coopérative");
    expect(tracks).toContain(
      "<ol>\n<li>La durée</li>\n<li>Le plaidoyer</li>\n<li>La coopérative</li>\n</ol>",
    );
  });
});
