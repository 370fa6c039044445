import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { eventList } from "@/lib/events/service";
import { EventSummary, SignUpButtons } from "@/components/event-summary";
import { Empty, PageTitle, buttonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("events");
}

// What is coming, each with « Je viens » at hand: the menu, then one tap.
export default async function EventsPage() {
  const actor = await requireActor("event.read");
  const [{ coming, past }, t] = await Promise.all([eventList(actor), getTranslations("events")]);
  const manage = can(actor.roles, "event.manage");
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("title")}</PageTitle>
        {manage ? (
          <Link href="/evenements/nouveau" className={buttonClass}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <p className="text-stone-700">{t("intro")}</p>
      {manage ? (
        <p>
          <a
            href={`/i/${actor.cooperativeSlug}/evenements`}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("publicList")}
          </a>
        </p>
      ) : null}
      {coming.length === 0 ? <Empty>{t("empty")}</Empty> : null}
      <ul className="space-y-3">
        {coming.map((event) => (
          <li key={event.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <EventSummary event={event} />
            <SignUpButtons event={event} mine={event.mine} />
          </li>
        ))}
      </ul>
      {manage && past.length ? (
        <section aria-labelledby="past" className="space-y-2">
          <h2 id="past" className="text-lg font-semibold">
            {t("past")}
          </h2>
          <ul className="space-y-1">
            {past.map((event) => (
              <li key={event.id}>
                <Link href={`/evenements/${event.id}`} className="text-brand-700 underline">
                  {event.title}
                </Link>{" "}
                <span className="text-sm text-stone-700">
                  ({t(`kinds.${event.kind}`)} · {t("taken", { count: event.taken })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
