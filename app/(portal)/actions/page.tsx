import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { canSeeAllActions, openActions, openFollowUps, type ActionRow } from "@/lib/decisions/service";
import { can } from "@/lib/auth/permissions";
import { Card, Empty, PageTitle } from "@/components/ui";
import { setActionItemDoneAction, setFollowUpClosedAction } from "@/lib/minutes/actions";
import { titled } from "@/lib/page-title";
import { compareFrench } from "@/lib/intl";

export async function generateMetadata(): Promise<Metadata> {
  return titled("actions");
}

export default async function ActionsPage({ searchParams }: { searchParams: Promise<{ vue?: string }> }) {
  const actor = await requireActor("meeting.read");
  const { vue } = await searchParams;
  const all = vue === "toutes" && canSeeAllActions(actor);
  const [rows, followUps, t, format] = await Promise.all([
    openActions(actor, all ? "all" : "mine"),
    openFollowUps(actor),
    getTranslations("actions"),
    getFormatter(),
  ]);

  function line(a: ActionRow) {
    return (
      <li key={a.id} className="rounded-md border border-stone-200 bg-white p-3">
        <p className="font-medium">{a.title}</p>
        <p className="text-sm text-stone-700">
          {a.dueOn ? (
            <span className={a.overdue ? "font-semibold text-red-800" : undefined}>
              {a.overdue
                ? t("overdue", { date: format.dateTime(a.dueOn, { dateStyle: "long", timeZone: "UTC" }) })
                : t("due", { date: format.dateTime(a.dueOn, { dateStyle: "long", timeZone: "UTC" }) })}
            </span>
          ) : (
            t("noDue")
          )}
          {a.meeting ? (
            <>
              {" · "}
              <Link
                href={`/reunions/${a.meeting.bodySlug}/${a.meeting.number}`}
                className="text-brand-700 underline"
              >
                {t("from", { body: a.meeting.bodyName, number: a.meeting.number })}
              </Link>
            </>
          ) : null}
          {all ? "" : a.coOwners.length ? ` · ${t("with", { names: a.coOwners.join(", ") })}` : ""}
        </p>
        <form action={setActionItemDoneAction.bind(null, a.id, true, "/actions")} className="mt-2">
          <button
            type="submit"
            className="min-h-11 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-900 hover:bg-stone-100"
          >
            {t("markDone")}
            <span className="sr-only"> : {a.title}</span>
          </button>
        </form>
      </li>
    );
  }

  const byOwner = new Map<string, ActionRow[]>();
  if (all)
    for (const a of rows)
      for (const owner of a.owners.length ? a.owners : [t("nobody")])
        byOwner.set(owner, [...(byOwner.get(owner) ?? []), a]);

  return (
    <div className="space-y-4">
      <PageTitle>{all ? t("allTitle") : t("mineTitle")}</PageTitle>
      {canSeeAllActions(actor) ? (
        <p>
          <Link
            href={all ? "/actions" : "/actions?vue=toutes"}
            className="font-medium text-brand-700 underline"
          >
            {all ? t("seeMine") : t("seeAll")}
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <Empty>{all ? t("emptyAll") : t("emptyMine")}</Empty>
      ) : all ? (
        [...byOwner.entries()]
          .sort(([a], [b]) => compareFrench(a, b))
          .map(([owner, items]) => (
            <Card key={owner} title={owner}>
              <ul className="space-y-2">{items.map(line)}</ul>
            </Card>
          ))
      ) : (
        <ul className="space-y-2">{rows.map(line)}</ul>
      )}
      <Card title={t("followUps")}>
        <p className="mb-2 text-sm text-stone-700">{t("followUpsHelp")}</p>
        {followUps.length === 0 ? (
          <Empty>{t("noFollowUps")}</Empty>
        ) : (
          <ul className="space-y-2">
            {followUps.map((f) => (
              <li key={f.id} className="rounded-md border border-stone-200 bg-white p-3">
                <p className="font-medium">{f.text}</p>
                {f.meeting ? (
                  <p className="text-sm text-stone-700">
                    <Link
                      href={`/reunions/${f.meeting.bodySlug}/${f.meeting.number}/compte-rendu`}
                      className="text-brand-700 underline"
                    >
                      {t("raisedAt", { body: f.meeting.bodyName, number: f.meeting.number })}
                    </Link>
                  </p>
                ) : null}
                {can(actor.roles, "meeting.manage") ? (
                  <form action={setFollowUpClosedAction.bind(null, f.id, true, "/actions")} className="mt-2">
                    <button
                      type="submit"
                      className="min-h-11 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-900 hover:bg-stone-100"
                    >
                      {t("closeFollowUp")}
                      <span className="sr-only"> : {f.text}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
