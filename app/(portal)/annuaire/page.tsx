import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { Messages } from "next-intl";
import { requireActor } from "@/lib/auth/session";
import { queryText } from "@/lib/action-input";
import { directory } from "@/lib/bodies/service";
import { Card, Empty, inputClass, PageTitle, secondaryButtonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("directory");
}

type MandateRole = keyof Messages["bodies"]["roles"];

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireActor("directory.read");
  const q = queryText((await searchParams).q);
  const t = await getTranslations("directory");
  const tb = await getTranslations("bodies");
  const format = await getFormatter();
  const view = await directory(actor, q);
  const roleLabel = (r: string) =>
    r === "COORDINATOR"
      ? t("coordinator")
      : tb.has(`roles.${r as MandateRole}`)
        ? tb(`roles.${r as MandateRole}`)
        : r;
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <form role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block font-medium">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} className={inputClass} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("searchButton")}
        </button>
      </form>
      {view.bodies.map((body) => (
        <Card key={body.id} title={body.name}>
          {body.groups.length ? (
            <div className="space-y-3">
              {body.groups.map((g) => (
                <section key={g.college ?? "all"} aria-label={g.college ?? body.name}>
                  {g.college ? (
                    <h3 className="font-semibold">{t("college", { college: g.college })}</h3>
                  ) : null}
                  <ul className="mt-1 space-y-1">
                    {g.people.map((p) => (
                      <li key={p.name}>
                        <span className="font-medium">{p.name}</span>
                        {p.roles.length ? ` (${p.roles.map(roleLabel).join(", ")})` : ""}
                        <span className="text-sm text-stone-700">
                          {" · "}
                          {p.category ? t("category", { category: p.category }) : ""}
                          {` · ${t("mandate", { from: format.dateTime(p.since, { month: "short", year: "numeric", timeZone: "UTC" }) })}`}
                          {p.until
                            ? ` – ${format.dateTime(p.until, { month: "short", year: "numeric", timeZone: "UTC" })}`
                            : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          ) : (
            <Empty>{q ? t("noMatch") : t("noSeats")}</Empty>
          )}
        </Card>
      ))}
      <Card title={t("allMembers", { count: view.members.length })}>
        {view.members.length ? (
          <ul className="grid gap-1 sm:grid-cols-2">
            {view.members.map((m, i) => (
              <li key={i}>
                <span className="font-medium">{m.name}</span>
                <span className="text-sm text-stone-700">
                  {m.category ? ` · ${m.category}` : ""}
                  {m.isCoordinator ? ` · ${t("coordinator")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t("noMatch")}</Empty>
        )}
      </Card>
    </div>
  );
}
