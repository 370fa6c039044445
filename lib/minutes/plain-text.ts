// Minutes Markdown as lines of plain text, for the PDF: the same words a reader sees on the
// page, without the marks. Lists keep a bullet; links keep their address.
export type PlainLine = { text: string; bullet: boolean; heading: boolean };

export function markdownToLines(markdown: string): PlainLine[] {
  const lines: PlainLine[] = [];
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const trimmed = raw.trim();
    if (!trimmed) {
      if (lines.length && lines[lines.length - 1]!.text !== "")
        lines.push({ text: "", bullet: false, heading: false });
      continue;
    }
    const bullet = /^([-*+·•]|\d+[.)])\s+/.exec(trimmed);
    const heading = /^#{1,6}\s+/.exec(trimmed);
    const text = inline(trimmed.slice((bullet ?? heading)?.[0].length ?? 0));
    lines.push({
      text: bullet && /^\d/.test(bullet[0]) ? `${bullet[0].trim()} ${text}` : text,
      bullet: Boolean(bullet) && !/^\d/.test(bullet![0]),
      heading: Boolean(heading),
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
