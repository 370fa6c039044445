import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listQuestions, type QuestionListItem } from "@/lib/votes/questions";
import { buttonClass, Card, Empty, PageTitle } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("votes");
}

export default async function VotesPage() {
  const actor = await requireActor("vote.castAssembly");
  const [questions, t, format] = await Promise.all([
    listQuestions(actor),
    getTranslations("votes"),
    getFormatter(),
  ]);
  const groups = [
    { key: "OPEN", items: questions.filter((q) => q.status === "OPEN") },
    { key: "DRAFT", items: questions.filter((q) => q.status === "DRAFT") },
    { key: "CLOSED", items: questions.filter((q) => q.status === "CLOSED") },
  ] as const;
  const line = (q: QuestionListItem) => (
    <li key={q.id} className="rounded-md border border-stone-200 bg-white p-3">
      <Link href={`/votes/${q.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
        {q.title}
      </Link>
      <p className="text-sm text-stone-700">
        {q.bodyName}
        {q.meetingNumber ? ` n° ${q.meetingNumber}` : ""} · {t(`kinds.${q.kind}`)}
        {q.status === "OPEN" && q.closesAt
          ? ` · ${t("closesOn", { date: format.dateTime(q.closesAt, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }) })}`
          : ""}
        {q.closedAt
          ? ` · ${t("closedOn", { date: format.dateTime(q.closedAt, { day: "numeric", month: "long", year: "numeric" }) })}`
          : ""}
      </p>
    </li>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("title")}</PageTitle>
        {can(actor.roles, "vote.manage") ? (
          <Link href="/votes/nouvelle" className={buttonClass}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      {groups.map((g) =>
        g.key === "DRAFT" && g.items.length === 0 ? null : (
          <Card key={g.key} title={t(`groups.${g.key}`)}>
            {g.items.length ? (
              <ul className="space-y-2">{g.items.map(line)}</ul>
            ) : (
              <Empty>{t(`empty.${g.key}`)}</Empty>
            )}
          </Card>
        ),
      )}
    </div>
  );
}
