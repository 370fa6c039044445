import type { Metadata } from "next";
import { meetingNumber } from "@/lib/action-input";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/translator";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isGuestAt } from "@/lib/meetings/guests";
import { readMinutes } from "@/lib/minutes/service";
import { printableMinutes } from "@/lib/minutes/printable";
import { renderMarkdown } from "@/lib/minutes/render";
import { PrintButton } from "@/components/print-button";
import { TextLink } from "@/components/ui";
import { meetingTitled } from "@/lib/page-title";

type Props = { params: Promise<{ body: string; number: string }> };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ body: string; number: string }>;
}): Promise<Metadata> {
  return meetingTitled("minutesPrint", params);
}

// The print view: the minutes alone, shaped like the cooperative's own, ready for paper.
export default async function PrintMinutesPage({ params }: Props) {
  const actor = await requireActor();
  const { body, number } = await params;
  const n = meetingNumber(number);
  // Members read published minutes; a guest of the meeting reads that meeting's; others, none.
  if (n && !can(actor.roles, "minutes.readPublished") && !(await isGuestAt(actor, body, n))) forbidden();
  const minutes = n ? await readMinutes(actor, body, n) : null;
  if (!minutes) notFound();
  const t = await getTranslations("minutes");
  const m = printableMinutes(minutes, actor.cooperativeName, localeOf(await getLocale()));
  const l = m.labels;
  // The record is the cooperative's (French); the words around it are the reader's.
  const label = m.lang === "fr" ? undefined : m.lang;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <TextLink href={`/reunions/${body}/${number}/compte-rendu`}>← {t("open")}</TextLink>
        <PrintButton label={t("print")} />
        <a
          href={`/reunions/${body}/${number}/compte-rendu/pdf`}
          className="font-medium text-brand-700 underline underline-offset-2"
        >
          {t("pdf")}
        </a>
        {m.sections.some((s) => s.documents.some((d) => d.isPdf)) ? (
          <a
            href={`/reunions/${body}/${number}/compte-rendu/pdf?joints=1`}
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            {t("pdfWithAttachments")}
          </a>
        ) : null}
      </div>
      <article
        className="minutes-print mx-auto max-w-3xl space-y-4 bg-white p-6 text-stone-900 print:max-w-none print:p-0"
        lang="fr"
      >
        <h1 className="text-2xl font-bold">{m.heading}</h1>
        {m.attendance.map((p) => (
          <p key={p}>{p}</p>
        ))}
        {m.agenda.length ? (
          <section>
            <h2 className="font-semibold" lang={label}>
              {l.agenda}
            </h2>
            <ul className="list-[square] pl-6">
              {m.agenda.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {m.sections.map((s) => (
          <section key={s.number} className="space-y-2">
            <h2 className="text-lg font-semibold">
              {s.number}) {s.title}
            </h2>
            <div
              className="prose-minutes space-y-2"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(s.body) }}
            />
            {s.documents.length ? (
              <div>
                <h3 className="font-semibold" lang={label}>
                  {l.documents}
                </h3>
                <ul className="list-disc pl-6">
                  {s.documents.map((d) => (
                    <li key={d.id}>
                      <a href={d.href} className="text-brand-700 underline underline-offset-2">
                        {d.name}
                      </a>
                      {d.isPdf ? <span lang={label}> {l.inAnnex}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.actions.length ? (
              <div>
                <h3 className="font-semibold" lang={label}>
                  {l.actions}
                </h3>
                <ul className="list-disc pl-6">
                  {s.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.followUps.length ? (
              <div>
                <h3 className="font-semibold" lang={label}>
                  {l.followUps}
                </h3>
                <ul className="list-disc pl-6">
                  {s.followUps.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.decisions.length ? (
              <div>
                <h3 className="font-semibold" lang={label}>
                  {l.decisions}
                </h3>
                <ul className="list-disc pl-6">
                  {s.decisions.map((d) => (
                    <li key={d.text}>
                      {d.text}
                      {d.cites ? (
                        <>
                          {" "}
                          —{" "}
                          <a href={d.cites.href} className="text-brand-700 underline underline-offset-2">
                            {d.cites.line}
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        ))}
        {m.otherDecisions.length ? (
          <section className="space-y-1">
            <h2 className="text-lg font-semibold" lang={label}>
              {l.otherDecisions}
            </h2>
            <ul className="list-disc pl-6">
              {m.otherDecisions.map((d) => (
                <li key={d.text}>{d.text}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {m.next ? (
          <section className="space-y-1">
            <h2 className="text-lg font-semibold">{m.next.line}</h2>
            {m.next.place ? <p>{l.place(m.next.place)}</p> : null}
            {m.next.agenda.length ? <p>{l.nextAgenda(m.next.agenda.join(" + "))}</p> : null}
            {m.next.notes.trim() ? (
              <div
                className="prose-minutes space-y-2"
                dangerouslySetInnerHTML={{ __html: renderMarkdown(m.next.notes) }}
              />
            ) : null}
          </section>
        ) : null}
        <footer className="border-t border-stone-300 pt-2 text-sm text-stone-700">
          {m.footer.join(" · ")}
        </footer>
      </article>
    </div>
  );
}
