import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { firstSteps } from "@/lib/statutes/first-steps";
import { homeSections } from "@/lib/home";
import { MeetingLink, meetingHref } from "@/components/meeting-link";
import { AdminEntries } from "@/components/admin-entries";
import { buttonClass, Card, Empty, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("home");
}

// What concerns the person: the next meeting, open votes, latest decisions, the idea box.
export default async function HomePage() {
  const actor = await requireActor("home.view");
  const [{ meeting, questions, decisions, ideasToRead, toReview }, steps, t, format] = await Promise.all([
    homeSections(actor),
    firstSteps(actor),
    getTranslations(),
    getFormatter(),
  ]);
  const roles = actor.roles.map((r) => t(`roles.${r}`)).join(", ");

  return (
    <div className="space-y-6">
      <div>
        <PageTitle>{t("home.title", { name: actor.name })}</PageTitle>
        <p className="mt-1 text-stone-700">{t("home.rolesIntro", { roles })}</p>
      </div>
      {steps ? (
        <Card title={t("home.firstSteps.title")}>
          <p className="mb-3 text-stone-700">{t("home.firstSteps.intro")}</p>
          <ol className="space-y-3">
            {steps.map((step) => (
              <li key={step.key} className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-medium">
                  {step.done ? "✓ " : ""}
                  {t(`home.firstSteps.steps.${step.key}.label`)}
                </span>
                {step.done ? (
                  <span className="text-sm text-green-800">{t("home.firstSteps.done")}</span>
                ) : (
                  <>
                    <span className="text-stone-700">{t(`home.firstSteps.steps.${step.key}.missing`)}</span>
                    <TextLink href={step.href}>{t(`home.firstSteps.steps.${step.key}.link`)}</TextLink>
                  </>
                )}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {can(actor.roles, "meeting.read") ? (
          <Card
            title={t("home.nextMeeting")}
            action={<TextLink href="/reunions">{t("home.seeAll")}</TextLink>}
          >
            {meeting ? <MeetingLink meeting={meeting} /> : <Empty>{t("home.noNextMeeting")}</Empty>}
            {can(actor.roles, "meeting.manage") ? (
              <div className="mt-3 flex flex-wrap gap-2">
                {meeting ? (
                  <Link href={`${meetingHref(meeting)}/preparer`} className={buttonClass}>
                    {t("home.prepareMeeting", { number: meeting.number })}
                  </Link>
                ) : null}
                <Link href="/reunions/nouvelle" className={secondaryButtonClass}>
                  {t("meetingAdmin.newMeeting")}
                </Link>
              </div>
            ) : null}
          </Card>
        ) : null}
        {can(actor.roles, "vote.castAssembly") ? (
          <Card title={t("home.openVotes")}>
            {questions.length ? (
              <ul className="space-y-2">
                {questions.map((q) => (
                  <li key={q.id}>
                    <Link
                      href={`/votes/${q.id}`}
                      className="font-semibold text-brand-700 underline underline-offset-2"
                    >
                      {q.title}
                    </Link>
                    <p className="text-sm text-stone-700">
                      {q.bodyName}
                      {q.closesAt
                        ? ` · ${t("home.closesOn", { date: format.dateTime(q.closesAt, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }) })}`
                        : ""}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t("home.noOpenVotes")}</Empty>
            )}
          </Card>
        ) : null}
        {toReview.length ? (
          <Card title={t("home.minutesToReview")}>
            <ul className="space-y-2">
              {toReview.map((m) => (
                <li key={`${m.bodySlug}-${m.number}`}>
                  <TextLink href={`/reunions/${m.bodySlug}/${m.number}/compte-rendu`}>
                    {t("home.minutesOf", { body: m.bodyName, number: m.number })}
                  </TextLink>
                  <p className="text-sm text-stone-700">{t(`home.minutesWaiting.${m.status}`)}</p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {can(actor.roles, "decision.read") ? (
          <Card
            title={t("home.latestDecisions")}
            action={<TextLink href="/decisions">{t("home.seeAll")}</TextLink>}
          >
            {decisions.length ? (
              <ul className="space-y-2">
                {decisions.map((d) => (
                  <li key={d.id}>
                    <p className="font-medium">{d.title}</p>
                    <p className="text-sm text-stone-700">
                      {d.bodyName} ·{" "}
                      {format.dateTime(d.decidedOn, {
                        day: "numeric",
                        month: "long",
                        year: "numeric",
                        timeZone: "UTC",
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t("home.noDecisions")}</Empty>
            )}
          </Card>
        ) : null}
        <Card title={t("home.ideaBox")}>
          <p className="mb-2">{t("home.ideaBoxText")}</p>
          <p className="mb-3 text-stone-700">{t("home.openIdeas", { count: ideasToRead })}</p>
          <Link href="/idees/proposer" className={buttonClass}>
            {t("home.postIdea")}
          </Link>
        </Card>
      </div>
      {can(actor.roles, "admin.access") ? (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t("home.adminTitle")}</h2>
          <AdminEntries />
        </section>
      ) : null}
    </div>
  );
}
