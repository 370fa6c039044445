import { DATA_LANG } from "@/lib/i18n/config";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { Messages } from "next-intl";
import { requireActor } from "@/lib/auth/session";
import { questionPage } from "@/lib/votes/question-page";
import {
  beleniosResultAction,
  closeQuestionAction,
  grantProxyAction,
  openQuestionAction,
  paperBallotsAction,
  showOfHandsAction,
} from "@/lib/votes/actions";
import { renderMarkdown } from "@/lib/minutes/render";
import type { VerdictParts } from "@/lib/votes/count";
import {
  BallotForm,
  BeleniosForm,
  PaperBallotsForm,
  ProxyForm,
  ShowOfHandsForm,
} from "@/components/vote-forms";
import { StepForm } from "@/components/step-form";
import { Alert, Card, PageTitle, TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";
import { getActor } from "@/lib/auth/session";
import { questionDetail } from "@/lib/votes/questions";
import { isId } from "@/lib/action-input";
import { decisionHref } from "@/lib/decisions/href";

type BallotRefusal = keyof Messages["votes"]["refusals"];

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cree?: string; refus?: string }>;
};

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return objectTitled("vote", "votes", async () => {
    const actor = await getActor();
    const { id } = await params;
    return actor && isId(id) ? (await questionDetail(actor, id))?.question.title : null;
  });
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const actor = await requireActor("vote.castAssembly");
  const { id } = await params;
  const { cree, refus } = await searchParams;
  const page = id.length <= 40 ? await questionPage(actor, id) : null;
  if (!page) notFound();
  const { question: q, eligibility, result, resultHidden, turnout, may, mine, held, proxyCandidates } = page;
  const { decisionId, belenios } = page;
  const { paperVoters, paperEntered, paperCounts, colleges } = page;
  const [t, format] = await Promise.all([getTranslations("votes"), getFormatter()]);
  const pct = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const verdict = (parts: VerdictParts) =>
    parts.kind === "quorumNotMet"
      ? t("verdicts.quorumNotMet", {
          present: pct(parts.presentShare),
          required: pct(parts.requiredShare),
          secondCall: String(parts.secondCall),
        })
      : parts.kind === "noVoteCast"
        ? t("verdicts.noVoteCast")
        : t(`verdicts.${parts.kind}`, {
            share: pct(parts.share),
            threshold: pct(parts.threshold),
            weightedCast: String(parts.weightedCast),
          });
  const path = `/votes/${q.id}`;

  return (
    <div className="space-y-6">
      <TextLink href="/votes">← {t("back")}</TextLink>
      {cree ? <Alert kind="success">{t("created")}</Alert> : null}
      {/* A refusal sent back by the ballot box to a browser without JavaScript. */}
      {typeof refus === "string" && t.has(`refusals.${refus as BallotRefusal}`) ? (
        <Alert kind="error">{t(`refusals.${refus as BallotRefusal}`)}</Alert>
      ) : null}
      <div className="space-y-1">
        <PageTitle>{q.title}</PageTitle>
        <p className="text-stone-800">
          {q.body.name}
          {q.meeting
            ? ` · ${t("meetingOf", { date: format.dateTime(q.meeting.startsAt, { day: "numeric", month: "long", year: "numeric" }) })}`
            : ""}{" "}
          · {t(`kinds.${q.kind}`)}
          {q.assemblyType ? ` · ${t(`assemblyTypes.${q.assemblyType}`)}` : ""}
          {q.secret ? ` · ${t("secretMark")}` : ""}
        </p>
        <p className="font-medium">
          {t(`statuses.${q.status}`)}
          {q.status === "OPEN" && q.closesAt
            ? ` · ${t("closesOn", { date: format.dateTime(q.closesAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }) })}`
            : ""}
        </p>
        {q.excludedNames.length ? (
          <p className="text-sm text-stone-700">{t("excludedList", { names: q.excludedNames.join(", ") })}</p>
        ) : null}
      </div>
      {q.text ? (
        <div
          lang={DATA_LANG}
          className="prose-minutes max-w-prose space-y-2"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(q.text) }}
        />
      ) : null}

      {q.status === "OPEN" && q.kind !== "SHOW_OF_HANDS" ? (
        <Card title={t("yourVote")}>
          {mine?.voted || eligibility?.ok ? (
            <BallotForm
              questionId={q.id}
              secret={q.secret}
              label={t("yourChoice")}
              recorded={mine?.voted ? { choice: mine.choice } : null}
            />
          ) : (
            <p>{t(`refusals.${eligibility?.reason ?? "notFound"}`)}</p>
          )}
          {held.map((p) =>
            p.voted ? (
              <p key={p.grantorId} className="mt-3">
                {t("proxyVoted", { name: p.name })}
              </p>
            ) : (
              <div key={p.grantorId} className="mt-4 border-t border-stone-200 pt-3">
                <BallotForm
                  questionId={q.id}
                  forMemberId={p.grantorId}
                  secret={q.secret}
                  label={t("voteFor", { name: p.name })}
                />
              </div>
            ),
          )}
          {proxyCandidates.length ? (
            <details className="mt-4 rounded-md border border-stone-200 p-3">
              <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("proxyTitle")}</summary>
              <p className="mb-2 text-sm text-stone-700">{t("proxyHelp")}</p>
              <ProxyForm action={grantProxyAction.bind(null, q.meetingId!, path)} members={proxyCandidates} />
            </details>
          ) : null}
        </Card>
      ) : null}

      {q.status === "CLOSED" && mine?.voted ? (
        <Card title={t("yourVote")}>
          <p>
            {mine.choice
              ? t("voteRecorded", { choice: t(`choices.${mine.choice}`) })
              : t("participationRecorded")}
          </p>
        </Card>
      ) : null}

      {may.manage || (may.close && q.status === "OPEN") ? (
        <Card title={t("manage")}>
          <div className="space-y-3">
            {q.status === "DRAFT" && may.manage ? (
              <StepForm action={openQuestionAction.bind(null, q.id)} label={t("open")} namespace="votes" />
            ) : null}
            {q.status === "OPEN" && q.kind === "SHOW_OF_HANDS" && may.manage ? (
              <ShowOfHandsForm
                action={showOfHandsAction.bind(
                  null,
                  q.id,
                  colleges.length ? colleges.map((c) => c.id) : [null],
                )}
                rows={
                  colleges.length ? colleges.map((c) => ({ label: c.name })) : [{ label: t("tally.all") }]
                }
              />
            ) : null}
            {q.status === "OPEN" && q.kind === "AG_RESOLUTION" && may.manage ? (
              <details className="rounded-md border border-stone-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2 font-medium">
                  {paperEntered ? t("paperCorrectTitle") : t("paperTitle")}
                </summary>
                {paperEntered ? <p className="mb-2">{t("paperDone")}</p> : null}
                <p className="mb-2 text-sm text-stone-700">{t("paperHelp")}</p>
                <PaperBallotsForm
                  action={paperBallotsAction.bind(
                    null,
                    q.id,
                    colleges.map((c) => c.id),
                  )}
                  voters={paperVoters}
                  colleges={colleges.map((c) => c.name)}
                  initial={paperCounts}
                />
              </details>
            ) : null}
            {belenios ? (
              <details className="rounded-md border border-stone-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("beleniosTitle")}</summary>
                <p className="mb-2 max-w-prose text-sm text-stone-700">{t("beleniosHelp")}</p>
                <ul className="mb-3 space-y-1">
                  {belenios.map((l) => (
                    <li key={l.collegeId ?? "all"}>
                      <a
                        className="text-brand-700 underline"
                        href={`/votes/${q.id}/belenios${l.collegeId ? `?college=${l.collegeId}` : ""}`}
                        download
                      >
                        {t("beleniosList", { college: l.collegeName ?? "none", count: l.count })}
                      </a>
                    </li>
                  ))}
                </ul>
                <BeleniosForm
                  action={beleniosResultAction.bind(
                    null,
                    q.id,
                    belenios.map((l) => l.collegeId),
                  )}
                  rows={belenios.map((l) => ({ label: l.collegeName ?? t("tally.all") }))}
                />
              </details>
            ) : null}
            {q.status === "OPEN" && q.kind !== "SHOW_OF_HANDS" && may.close ? (
              <StepForm
                action={closeQuestionAction.bind(null, q.id)}
                label={t("close")}
                confirm={t("closeConfirm")}
                namespace="votes"
              />
            ) : null}
            {q.status === "CLOSED" ? <p>{t("closedNote")}</p> : null}
          </div>
        </Card>
      ) : null}

      <Card title={t("results")}>
        {resultHidden ? (
          <div className="space-y-2">
            <p>{t("hiddenUntilClose")}</p>
            {turnout ? <p>{t("hiddenTurnout", turnout)}</p> : null}
            {q.secret ? <p className="text-sm text-stone-700">{t("secretExplained")}</p> : null}
          </div>
        ) : !result ? (
          <p>{t("notOpenYet")}</p>
        ) : (
          <div className="space-y-3">
            {q.status === "CLOSED" ? (
              <p
                className={`text-lg font-semibold ${result.result.adopted ? "text-green-800" : "text-red-800"}`}
              >
                {result.result.verdictParts ? verdict(result.result.verdictParts) : result.result.verdict}
              </p>
            ) : (
              <p className="text-stone-700">{t("provisional")}</p>
            )}
            <p className="text-sm text-stone-700">
              {t("turnout", { voters: result.participants, eligible: result.eligible })}
            </p>
            <p>
              {t("totals", {
                for: result.result.total.for,
                against: result.result.total.against,
                abstain:
                  result.result.total.abstain + result.result.total.blank + result.result.total.spoiled,
              })}
            </p>
            {result.result.share !== null ? (
              <Bar
                value={result.result.share}
                threshold={result.result.threshold}
                text={t("barWithThreshold", {
                  label: result.weighted ? t("weightedShare") : t("share"),
                  value: pct(result.result.share),
                  threshold: pct(result.result.threshold),
                })}
              />
            ) : null}
            {result.weighted ? (
              <div className="space-y-2" role="group" aria-label={t("byCollege")}>
                {result.result.colleges.map((c) =>
                  c.share === null ? null : (
                    <Bar
                      key={c.id}
                      value={c.share}
                      small
                      text={t("bar", { label: c.name, value: pct(c.share) })}
                    />
                  ),
                )}
              </div>
            ) : null}
            {result.weighted ? (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("byCollege")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1">
                      {t("college")}
                    </th>
                    <th scope="col">{t("weight")}</th>
                    <th scope="col">{t("effectiveWeight")}</th>
                    <th scope="col">{t("tally.for")}</th>
                    <th scope="col">{t("tally.against")}</th>
                    <th scope="col">{t("tally.abstain")}</th>
                    <th scope="col">{t("collegeShare")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.result.colleges.map((c) => (
                    <tr key={c.id} className="border-t border-stone-200">
                      <th scope="row" className="py-1 font-medium">
                        {c.name}
                      </th>
                      <td>{pct(c.weightBp / 10000)}</td>
                      <td>{c.share === null ? "—" : pct(c.effectiveWeight)}</td>
                      <td>{c.counts.for}</td>
                      <td>{c.counts.against}</td>
                      <td>{c.counts.abstain + c.counts.blank + c.counts.spoiled}</td>
                      <td>{c.share === null ? t("noVoteCast") : pct(c.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {result.weighted && result.rules ? (
              <div className="space-y-1 text-sm text-stone-800">
                <p>{t(`weightRule.${result.rules.emptyCollegeRule}`)}</p>
                {result.result.colleges
                  .filter((c) => c.share === null)
                  .map((c) => (
                    <p key={c.id}>
                      {t("emptyCollege", { name: c.name, rule: result.rules.emptyCollegeRule })}
                    </p>
                  ))}
              </div>
            ) : null}
            {result.recountedLater ? <p className="text-sm text-stone-700">{t("recountedLater")}</p> : null}
            {q.status === "CLOSED" && result.rules && !result.recountedLater ? (
              <p className="text-sm text-stone-700">
                {t("rulesUsed", {
                  version: result.rules.statutesVersion,
                  date: format.dateTime(new Date(result.countedAt), {
                    day: "numeric",
                    month: "long",
                    year: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                  }),
                })}
              </p>
            ) : null}
            {result.external ? (
              <p className="text-sm text-stone-800">
                {t("beleniosDone", { url: result.external.url, fingerprint: result.external.fingerprint })}
              </p>
            ) : null}
            {decisionId ? <TextLink href={decisionHref(decisionId)}>{t("decisionLink")}</TextLink> : null}
          </div>
        )}
      </Card>
    </div>
  );
}

// The share for, drawn against the threshold (a line): the chart of the result; smaller bars
// under it give each college's share (the threshold applies to the weighted share only). The
// caption and the text for screen readers are said in the reader's language.
function Bar({
  value,
  threshold,
  small = false,
  text,
}: {
  value: number;
  threshold?: number;
  small?: boolean;
  text: string;
}) {
  return (
    <figure className="space-y-1">
      <figcaption className={small ? "text-sm" : "text-sm font-medium"}>{text}</figcaption>
      <div
        className={`relative w-full overflow-hidden rounded bg-stone-200 ${small ? "h-3" : "h-6"}`}
        role="img"
        aria-label={text}
      >
        <div
          className={`h-full ${small ? "bg-brand-600" : "bg-brand-700"}`}
          style={{ width: `${Math.min(100, value * 100)}%` }}
        />
        {threshold === undefined ? null : (
          <div className="absolute inset-y-0 w-0.5 bg-stone-900" style={{ left: `${threshold * 100}%` }} />
        )}
      </div>
    </figure>
  );
}
