// Minutes are written in Markdown and shown as HTML: rendered with marked, then sanitised, so
// no script, no raw HTML and no unsafe link ever reaches a reader.
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "blockquote",
  "code",
  "pre",
  "hr",
  "del",
];

// The cooperative's own bullets (« · », « • ») are list items, as the PDF draws them.
function ownBullets(markdown: string): string {
  return markdown.replace(/^([ \t]*)[·•][ \t]+/gm, "$1- ");
}

export function renderMarkdown(markdown: string): string {
  // Raw HTML typed into the text is shown as text, not interpreted.
  const escaped = ownBullets(markdown).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const html = marked.parse(escaped, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "rel", "target"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    },
  });
}
