// The minutes as one document, shaped like the cooperative's own (header, present, excused,
// agenda, numbered items with their things to do and decisions, next meeting): what the print
// view and the PDF both show. What the cooperative wrote stays as written (French); the words
// around it (headings, « adoptée », dates) are the reader's, from the message files.
import type { MinutesView } from "@/lib/minutes/service";
import { TIME_ZONE } from "@/lib/dates";
import { dateTimeFormat } from "@/lib/intl";
import type { Locale } from "@/lib/i18n/config";
import { intlLocale, translator } from "@/lib/i18n/translator";
import { decisionHref } from "@/lib/decisions/href";

type Translate = ReturnType<typeof translator>;

export type PrintableDecision = { text: string; cites: { line: string; href: string } | null };

function printableDecision(
  d: MinutesView["sections"][number]["decisions"][number],
  t: Translate,
  locale: Locale,
): PrintableDecision {
  const head = t("record.decision", {
    title: d.title,
    outcome: t(`decisions.outcomes.${d.outcome}`),
    method: t(`decisions.methods.${d.method}`),
  });
  return {
    text: `${head}${d.text ? ` : ${d.text}` : ""}`,
    cites: d.cites
      ? {
          line: t("record.cites", {
            title: d.cites.title,
            body: d.cites.bodyName,
            date: dateIn(d.cites.decidedOn, locale, "UTC"),
          }),
          href: decisionHref(d.cites.id),
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
  // The words around the record, in the reader's language (the language of `lang`).
  lang: Locale;
  labels: {
    agenda: string;
    documents: string;
    inAnnex: string;
    actions: string;
    followUps: string;
    decisions: string;
    otherDecisions: string;
    place: (place: string) => string;
    nextAgenda: (items: string) => string;
    skipped: string;
  };
};

export function dateIn(date: Date, locale: Locale, timeZone = TIME_ZONE): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

export function frenchDate(date: Date, timeZone = TIME_ZONE): string {
  return dateIn(date, "fr", timeZone);
}

function dateTimeIn(
  date: Date,
  { t, locale, timeZone = TIME_ZONE }: { t: Translate; locale: Locale; timeZone?: string },
): string {
  const day = dateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
  const parts = dateTimeFormat("fr-FR", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return t("record.dayAt", { day, hour, minute });
}

export function printableMinutes(
  minutes: MinutesView,
  cooperativeName: string,
  locale: Locale = "fr",
): PrintableMinutes {
  const t = translator(locale);
  const date = (d: Date, timeZone?: string) => dateIn(d, locale, timeZone);
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
        ? t("record.approvedAtMeeting", { number: String(minutes.approvalMeeting.number) })
        : t("record.approvedBy", {
            name: minutes.approvedByName ?? t("record.thePresidency"),
            date: date(minutes.approvedAt),
          }),
    );
  }
  if (minutes.publishedAt)
    footer.push(t("record.published", { date: date(minutes.publishedAt), version: String(minutes.version) }));
  else footer.push(t("record.draft"));
  return {
    filename: `compte-rendu-${minutes.meeting.bodySlug}-${minutes.meeting.number}.pdf`,
    heading: t("record.heading", {
      body: minutes.meeting.bodyName,
      number: String(minutes.meeting.number),
      date: date(minutes.meeting.startsAt),
    }),
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
          `${a.title} — ${a.owners.map((o) => o.name).join(", ")}${a.dueOn ? ` — ${t("record.due", { date: date(a.dueOn, "UTC") })}` : ""}`,
      ),
      decisions: s.decisions.map((d) => printableDecision(d, t, locale)),
      followUps: s.followUps.map((f) => f.text),
    })),
    otherDecisions: minutes.otherDecisions.map((d) => printableDecision(d, t, locale)),
    next: minutes.nextMeeting
      ? {
          line: t("record.next", { when: dateTimeIn(minutes.nextMeeting.startsAt, { t, locale }) }),
          place: minutes.nextMeeting.place,
          agenda: minutes.nextMeeting.agenda,
          notes: "",
        }
      : nextSection?.body.trim()
        ? { line: t("record.nextPlain"), place: null, agenda: [], notes: nextSection.body }
        : null,
    footer,
    lang: locale,
    labels: {
      agenda: t("record.agenda"),
      documents: t("record.documents"),
      inAnnex: t("record.inAnnex"),
      actions: t("record.actions"),
      followUps: t("record.followUps"),
      decisions: t("record.decisions"),
      otherDecisions: t("record.otherDecisions"),
      place: (place) => t("record.place", { place }),
      nextAgenda: (items) => t("record.nextAgenda", { items }),
      skipped: t("record.skipped"),
    },
  };
}
