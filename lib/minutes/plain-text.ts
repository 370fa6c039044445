// Minutes Markdown as lines for the PDF: the same words a reader sees on the page. Lists keep a
// bullet (or their number), and each line is also given as runs of plain, bold and italic text
// and links, so the PDF draws them as the page shows them.
export type Run = { text: string; bold?: boolean; italic?: boolean; href?: string };
export type PlainLine = { text: string; bullet: boolean; heading: boolean; runs: Run[] };

export function markdownToLines(markdown: string): PlainLine[] {
  const lines: PlainLine[] = [];
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const trimmed = raw.trim();
    if (!trimmed) {
      if (lines.length && lines[lines.length - 1]!.text !== "")
        lines.push({ text: "", bullet: false, heading: false, runs: [] });
      continue;
    }
    const bullet = /^([-*+·•]|\d+[.)])\s+/.exec(trimmed);
    const heading = /^#{1,6}\s+/.exec(trimmed);
    const source = trimmed.slice((bullet ?? heading)?.[0].length ?? 0);
    const text = inline(source);
    const numbered = bullet && /^\d/.test(bullet[0]);
    const runs = inlineRuns(source);
    lines.push({
      text: numbered ? `${bullet[0].trim()} ${text}` : text,
      bullet: Boolean(bullet) && !numbered,
      heading: Boolean(heading),
      runs: numbered ? [{ text: `${bullet[0].trim()} ` }, ...runs] : runs,
    });
  }
  while (lines.length && lines[lines.length - 1]!.text === "") lines.pop();
  return lines;
}

function inline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, href: string) =>
      label && label !== href ? `${label} (${href})` : href,
    )
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|\s)__(.+?)__(?=\s|$|[.,;:!?])/g, "$1$2")
    .replace(/\*(\S(?:.*?\S)?)\*/g, "$1")
    .replace(/(^|\s)_(\S(?:.*?\S)?)_(?=\s|$|[.,;:!?])/g, "$1$2")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

// The same line as runs: **bold**, *italic* or _italic_, [label](address) and bare addresses.
export function inlineRuns(source: string): Run[] {
  const runs: Run[] = [];
  const pattern =
    /\*\*(.+?)\*\*|__(.+?)__|\*(\S(?:.*?\S)?)\*|(?<=^|\s)_(\S(?:.*?\S)?)_(?=\s|$|[.,;:!?])|\[([^\]]*)\]\(([^)\s]+)[^)]*\)|(https?:\/\/[^\s)]+)/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: inline(source.slice(last, match.index)) });
    const [, bold1, bold2, italic1, italic2, label, href, bare] = match;
    if (bold1 ?? bold2) runs.push({ text: inline(bold1 ?? bold2!), bold: true });
    else if (italic1 ?? italic2) runs.push({ text: inline(italic1 ?? italic2!), italic: true });
    else if (href) runs.push({ text: label && label !== href ? label : href, href });
    else if (bare) runs.push({ text: bare, href: bare });
    last = match.index + match[0].length;
  }
  if (last < source.length) runs.push({ text: inline(source.slice(last)) });
  return runs.filter((r) => r.text);
}
