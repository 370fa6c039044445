// The minutes as one document, shaped like the cooperative's own (header, present, excused,
// agenda, numbered items with their things to do and decisions, next meeting): what the print
// view and the PDF both show. The record is the cooperative's, in French.
import type { MinutesView } from "@/lib/minutes/service";
import { TIME_ZONE } from "@/lib/dates";

const OUTCOME = { ADOPTED: "adoptée", REJECTED: "rejetée", NOTED: "prise d'acte" } as const;
const METHOD = {
  CONSENSUS: "par consensus",
  SHOW_OF_HANDS: "à main levée",
  ONLINE_BALLOT: "vote en ligne",
  WRITTEN_CONSULTATION: "consultation écrite",
  AG_RESOLUTION: "résolution d'AG",
} as const;

export type PrintableDecision = { text: string; cites: { line: string; href: string } | null };

function printableDecision(d: MinutesView["sections"][number]["decisions"][number]): PrintableDecision {
  return {
    text: `${d.title} (${OUTCOME[d.outcome]}, ${METHOD[d.method]})${d.text ? ` : ${d.text}` : ""}`,
    cites: d.cites
      ? {
          line: `Fait suite à : ${d.cites.title} (${d.cites.bodyName}, ${frenchDate(d.cites.decidedOn, "UTC")})`,
          href: `/decisions#decision-${d.cites.id}`,
        }
      : null,
  };
}

export type PrintableMinutes = {
  filename: string;
  heading: string;
  attendance: string[];
  agenda: string[];
  sections: {
    number: number;
    title: string;
    body: string;
    // The slides and papers attached to the section: linked everywhere, PDFs appended on request.
    documents: { id: string; name: string; href: string; isPdf: boolean }[];
    actions: string[];
    decisions: PrintableDecision[];
    followUps: string[];
  }[];
  // Decisions of the meeting placed in no section (a text adopted at the meeting, a vote).
  otherDecisions: PrintableDecision[];
  // One block: the next meeting as created from the minutes (date, place, first items), or, for
  // minutes without one, what was written in that section.
  next: { line: string; place: string | null; agenda: string[]; notes: string } | null;
  footer: string[];
};

export function frenchDate(date: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

export function frenchDateTime(date: Date, timeZone = TIME_ZONE): string {
  const day = new Intl.DateTimeFormat("fr-FR", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return `${day} à ${hour}h${minute}`;
}

export function printableMinutes(minutes: MinutesView, cooperativeName: string): PrintableMinutes {
  const sections = minutes.sections.filter(
    (s) =>
      !s.isNextMeeting &&
      (s.body.trim() ||
        s.actionItems.length ||
        s.decisions.length ||
        s.documents.length ||
        s.followUps.length),
  );
  const nextSection = minutes.sections.find((s) => s.isNextMeeting);
  const footer = [cooperativeName];
  if (minutes.approvedAt) {
    footer.push(
      minutes.approvalMeeting
        ? `Approuvé lors de la réunion n° ${minutes.approvalMeeting.number}.`
        : `Approuvé par ${minutes.approvedByName ?? "la présidence"} le ${frenchDate(minutes.approvedAt)}.`,
    );
  }
  if (minutes.publishedAt)
    footer.push(`Publié le ${frenchDate(minutes.publishedAt)} (version ${minutes.version}).`);
  else footer.push("Projet de compte rendu, non publié.");
  return {
    filename: `compte-rendu-${minutes.meeting.bodySlug}-${minutes.meeting.number}.pdf`,
    heading: `Réunion ${minutes.meeting.bodyName} n° ${minutes.meeting.number} – ${frenchDate(minutes.meeting.startsAt)}`,
    attendance: minutes.attendanceText
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    agenda: minutes.meeting.agenda,
    sections: sections.map((s, i) => ({
      number: i + 1,
      title: s.title,
      body: s.body,
      documents: s.documents.map((d) => ({
        id: d.id,
        name: d.filename,
        href: `/documents/${d.id}`,
        isPdf: d.mimeType === "application/pdf",
      })),
      actions: s.actionItems.map(
        (a) =>
          `${a.title} — ${a.owners.map((o) => o.name).join(", ")}${a.dueOn ? ` — pour le ${frenchDate(a.dueOn, "UTC")}` : ""}`,
      ),
      decisions: s.decisions.map(printableDecision),
      followUps: s.followUps.map((f) => f.text),
    })),
    otherDecisions: minutes.otherDecisions.map(printableDecision),
    next: minutes.nextMeeting
      ? {
          line: `Prochaine réunion : ${frenchDateTime(minutes.nextMeeting.startsAt)}`,
          place: minutes.nextMeeting.place,
          agenda: minutes.nextMeeting.agenda,
          notes: "",
        }
      : nextSection?.body.trim()
        ? { line: "Prochaine réunion", place: null, agenda: [], notes: nextSection.body }
        : null,
    footer,
  };
}
