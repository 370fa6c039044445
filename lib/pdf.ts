import "server-only";
import PDFDocument from "pdfkit";
import { markdownToLines, type PlainLine, type Run } from "@/lib/minutes/plain-text";
import type { PrintableDecision, PrintableMinutes } from "@/lib/minutes/printable";

// PDFs are drawn with pdfkit's built-in Helvetica, whose encoding (WinAnsi) covers French;
// anything else is replaced rather than drawn as garbage.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const FALLBACK: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "→": "->",
  "⇒": "=>",
  "✓": "v",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  ʼ: "’",
};

export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (
      ch === "\n" ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(ch)
    )
      out += ch;
    else if (FALLBACK[ch]) out += FALLBACK[ch];
    else if (code >= 0x300 && code <= 0x36f) continue;
    else out += "?";
  }
  return out;
}

type Doc = PDFKit.PDFDocument;

function newDocument(
  title: string,
  lang = "fr-FR",
  size: "A4" | "A5" = "A4",
): { doc: Doc; done: Promise<Buffer> } {
  const margin = size === "A5" ? 36 : 56;
  const doc = new PDFDocument({
    size,
    margins: { top: margin, bottom: margin, left: margin + 4, right: margin + 4 },
    info: { Title: winAnsi(title), Creator: "Portail SCIC" },
    lang,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

function heading(doc: Doc, text: string, size: number) {
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor("#1c1917").text(winAnsi(text));
  doc.moveDown(0.3).font("Helvetica").fontSize(10.5);
}

function bullet(doc: Doc, text: string, indent = 12) {
  doc
    .font("Helvetica")
    .fontSize(10.5)
    .text(winAnsi(`· ${text}`), doc.page.margins.left + indent, undefined, { indent: 0 });
  doc.x = doc.page.margins.left;
}

// One line of runs: bold, italic, and links that open when clicked in the PDF.
function runs(
  doc: Doc,
  line: PlainLine,
  { indent = 0, prefix = "" }: { indent?: number; prefix?: string } = {},
) {
  const parts: Run[] = prefix ? [{ text: prefix }, ...line.runs] : line.runs;
  const x = doc.page.margins.left + indent;
  parts.forEach((run, i) => {
    const font =
      run.bold || line.heading
        ? run.italic
          ? "Helvetica-BoldOblique"
          : "Helvetica-Bold"
        : run.italic
          ? "Helvetica-Oblique"
          : "Helvetica";
    doc.font(font).fontSize(10.5);
    if (run.href) doc.fillColor("#185a42");
    const options = { continued: i < parts.length - 1, link: run.href ?? null, underline: Boolean(run.href) };
    if (i === 0) doc.text(winAnsi(run.text), x, undefined, options);
    else doc.text(winAnsi(run.text), options);
    if (run.href) doc.fillColor("#1c1917");
  });
  doc.font("Helvetica");
  doc.x = doc.page.margins.left;
}

function markdown(doc: Doc, body: string) {
  for (const line of markdownToLines(body)) {
    if (!line.text) doc.moveDown(0.4);
    else if (line.bullet) runs(doc, line, { indent: 12, prefix: "· " });
    else runs(doc, line);
  }
}

function labelled(doc: Doc, paragraph: string) {
  const match = /^([^:]{1,40}:)(.*)$/s.exec(paragraph);
  if (match)
    doc
      .font("Helvetica-Bold")
      .fontSize(10.5)
      .text(winAnsi(match[1]!), { continued: true })
      .font("Helvetica")
      .text(winAnsi(match[2]!));
  else doc.font("Helvetica").fontSize(10.5).text(winAnsi(paragraph));
  doc.moveDown(0.4);
}

function decision(doc: Doc, d: PrintableDecision, baseUrl: string) {
  bullet(doc, d.text);
  if (d.cites)
    runs(
      doc,
      {
        text: d.cites.line,
        bullet: false,
        heading: false,
        runs: [{ text: d.cites.line, href: `${baseUrl}${d.cites.href}` }],
      },
      { indent: 24 },
    );
}

// Links in the PDF open the portal's pages: absolute, from the portal's address.
export async function minutesPdf(m: PrintableMinutes, baseUrl: string): Promise<Buffer> {
  const { doc, done } = newDocument(m.heading, m.lang === "en" ? "en-GB" : "fr-FR");
  const l = m.labels;
  doc.font("Helvetica-Bold").fontSize(15).text(winAnsi(m.heading));
  doc.moveDown(0.8);
  for (const paragraph of m.attendance) labelled(doc, paragraph);
  if (m.agenda.length) {
    heading(doc, l.agenda, 11.5);
    for (const item of m.agenda) bullet(doc, item);
  }
  for (const s of m.sections) {
    heading(doc, `${s.number}) ${s.title}`, 12);
    markdown(doc, s.body);
    if (s.documents.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").text(winAnsi(l.documents)).font("Helvetica");
      for (const d of s.documents)
        runs(
          doc,
          {
            text: d.name,
            bullet: true,
            heading: false,
            runs: [{ text: d.name, href: `${baseUrl}${d.href}` }],
          },
          { indent: 12, prefix: "· " },
        );
    }
    if (s.actions.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").text(winAnsi(l.actions)).font("Helvetica");
      for (const a of s.actions) bullet(doc, a);
    }
    if (s.followUps.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").text(winAnsi(l.followUps)).font("Helvetica");
      for (const f of s.followUps) bullet(doc, f);
    }
    if (s.decisions.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").text(winAnsi(l.decisions)).font("Helvetica");
      for (const d of s.decisions) decision(doc, d, baseUrl);
    }
  }
  if (m.otherDecisions.length) {
    heading(doc, l.otherDecisions, 12);
    for (const d of m.otherDecisions) decision(doc, d, baseUrl);
  }
  if (m.next) {
    heading(doc, m.next.line, 12);
    if (m.next.place) doc.text(winAnsi(l.place(m.next.place)));
    if (m.next.agenda.length) {
      doc.text(winAnsi(l.nextAgenda(m.next.agenda.join(" + "))));
    }
    if (m.next.notes.trim()) markdown(doc, m.next.notes);
  }
  doc
    .moveDown(1.2)
    .fontSize(8.5)
    .fillColor("#57534e")
    .text(winAnsi(m.footer.join(" · ")));
  doc.end();
  return done;
}

export type DecisionPdfRow = {
  date: string;
  body: string;
  meeting: string;
  title: string;
  text: string;
  outcome: string;
  method: string;
};

export async function decisionRecordPdf({
  title,
  subtitle,
  rows,
  none,
  lang,
}: {
  title: string;
  subtitle: string;
  rows: DecisionPdfRow[];
  none: string;
  lang: string;
}): Promise<Buffer> {
  const { doc, done } = newDocument(title, lang);
  doc.font("Helvetica-Bold").fontSize(15).text(winAnsi(title));
  doc.font("Helvetica").fontSize(9.5).fillColor("#57534e").text(winAnsi(subtitle)).fillColor("#1c1917");
  doc.moveDown(0.8);
  if (rows.length === 0) doc.fontSize(10.5).text(winAnsi(none));
  for (const r of rows) {
    doc.font("Helvetica-Bold").fontSize(10.5).text(winAnsi(r.title));
    doc
      .font("Helvetica")
      .fontSize(9.5)
      .fillColor("#44403c")
      .text(winAnsi(`${r.date} · ${r.body}${r.meeting ? ` · ${r.meeting}` : ""} · ${r.outcome}, ${r.method}`))
      .fillColor("#1c1917");
    if (r.text) doc.fontSize(10).text(winAnsi(r.text));
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}

// The minutes followed by the PDFs attached to their sections (the slides « joint au relevé de
// décisions »), page after page; an attachment that cannot be read is named, not dropped silently.
export async function appendPdfs(
  minutes: Buffer,
  attachments: { name: string; data: Buffer | null }[],
  skippedLabel: string,
): Promise<{ pdf: Buffer; skipped: string[] }> {
  const { PDFDocument: Merged } = await import("pdf-lib");
  const merged = await Merged.load(minutes);
  const skipped: string[] = [];
  for (const attachment of attachments) {
    try {
      if (!attachment.data) throw new Error("missing");
      const source = await Merged.load(attachment.data, { ignoreEncryption: false });
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    } catch {
      skipped.push(attachment.name);
    }
  }
  if (skipped.length) {
    // Named, not dropped: a last page says which attachments are not in this copy.
    const page = merged.addPage();
    const font = await merged.embedFont((await import("pdf-lib")).StandardFonts.Helvetica);
    const lines = [skippedLabel, ...skipped.slice(0, 40).map((name) => `- ${name}`)];
    lines.forEach((line, i) =>
      page.drawText(winAnsi(line).slice(0, 110), {
        x: 60,
        y: page.getHeight() - 70 - i * 16,
        size: 11,
        font,
      }),
    );
  }
  return { pdf: Buffer.from(await merged.save()), skipped };
}

export type BookletPdfEntry = {
  name: string;
  description: string;
  lines: string[]; // address, hours, phone, languages, access, cost — already in words
  stale: string | null; // « À vérifier … » when the entry is old
  checked: string; // « Vérifié le … »
};

// The partners' booklet on paper: a title page line, then each theme with its entries, dated,
// with the QR code to the online booklet; old entries marked as on screen.
export async function bookletPdf({
  title,
  subtitle,
  online,
  qrPng,
  sections,
  lang,
  size = "A4",
}: {
  title: string;
  subtitle: string;
  online: { label: string; url: string };
  qrPng: Buffer;
  sections: { theme: string; entries: BookletPdfEntry[] }[];
  lang: string;
  // A5: a small booklet (two pages per A4 sheet, folded, with the printer's « livret » mode).
  size?: "A4" | "A5";
}): Promise<Buffer> {
  const { doc, done } = newDocument(title, lang, size);
  doc.font("Helvetica-Bold").fontSize(18).fillColor("#1c1917").text(winAnsi(title));
  doc.font("Helvetica").fontSize(10).fillColor("#57534e").text(winAnsi(subtitle)).fillColor("#1c1917");
  doc.moveDown(0.5);
  const top = doc.y;
  doc.image(qrPng, doc.page.margins.left, top, { width: 90 });
  doc
    .fontSize(10)
    .text(winAnsi(online.label), doc.page.margins.left + 105, top + 20)
    .fillColor("#185a42")
    .text(winAnsi(online.url), { link: online.url, underline: true })
    .fillColor("#1c1917");
  doc.x = doc.page.margins.left;
  doc.y = top + 100;
  for (const section of sections) {
    heading(doc, section.theme, 14);
    for (const entry of section.entries) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - (size === "A5" ? 70 : 90)) doc.addPage();
      doc.font("Helvetica-Bold").fontSize(11.5).text(winAnsi(entry.name));
      if (entry.stale)
        doc
          .font("Helvetica-Bold")
          .fontSize(9.5)
          .fillColor("#92400e")
          .text(winAnsi(entry.stale))
          .fillColor("#1c1917");
      if (entry.description) doc.font("Helvetica").fontSize(10.5).text(winAnsi(entry.description));
      for (const line of entry.lines) doc.font("Helvetica").fontSize(10).text(winAnsi(line));
      doc
        .font("Helvetica")
        .fontSize(8.5)
        .fillColor("#57534e")
        .text(winAnsi(entry.checked))
        .fillColor("#1c1917");
      doc.moveDown(0.6);
    }
  }
  doc.end();
  return done;
}
