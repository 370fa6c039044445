import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor, requireActor } from "@/lib/auth/session";
import { isId } from "@/lib/action-input";
import { eventFor } from "@/lib/events/service";
import { addAtDoorAction, checkInAction, removeSignupAction } from "@/lib/events/actions";
import { DoorForm } from "@/components/event-forms";
import { Card, Empty, PageTitle, TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return objectTitled("eventDoor", "events", async () => {
    const actor = await getActor();
    return actor && isId(id) ? (await eventFor(actor, id))?.event.title : null;
  });
}

// Made for a phone at the door, as the meeting's attendance: one line per person, one large
// button, how many have come on top. A tap works without JavaScript too (a plain form).
export default async function DoorPage({ params }: Props) {
  const actor = await requireActor("event.manage");
  const { id } = await params;
  const found = isId(id) ? await eventFor(actor, id) : null;
  if (!found) notFound();
  const { event, signups } = found;
  const t = await getTranslations("events");
  const present = signups.filter((s) => s.checkedInAt).length;
  const atDoor = signups.filter((s) => s.source === "DOOR").length;
  return (
    <div className="space-y-4">
      <TextLink href={`/evenements/${event.id}`}>← {event.title}</TextLink>
      <PageTitle>{t("door")}</PageTitle>
      <p className="text-stone-700">{t("doorIntro")}</p>
      <p
        role="status"
        aria-live="polite"
        className="sticky top-0 z-10 rounded-md border border-sky-300 bg-sky-50 p-3 text-lg font-semibold text-sky-900"
      >
        {t("arrived", { present, total: signups.length })}
        {t("arrivedDoor", { count: atDoor })}
      </p>
      {signups.length === 0 ? <Empty>{t("noSignups")}</Empty> : null}
      <ul className="space-y-2">
        {signups.map((row) => (
          <li
            key={row.id}
            aria-label={row.name}
            className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-3"
          >
            <div className="min-w-0">
              <p className="font-semibold">{row.name || t("forgotten")}</p>
              <p className="text-sm text-stone-700">
                {t(`sources.${row.source}`)}
                {row.phone ? ` · ${row.phone}` : ""}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <form action={checkInAction.bind(null, event.id, row.id, !row.checkedInAt)}>
                <button
                  type="submit"
                  aria-pressed={Boolean(row.checkedInAt)}
                  aria-label={t("hereOf", { name: row.name })}
                  className={`min-h-12 min-w-24 rounded-md border px-4 text-base font-semibold ${row.checkedInAt ? "border-green-800 bg-green-700 text-white" : "border-stone-400 bg-white text-stone-900"}`}
                >
                  {row.checkedInAt ? `✓ ${t("here")}` : t("here")}
                </button>
              </form>
            </div>
            <details className="w-full">
              <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">
                {t("remove", { name: row.name })}
              </summary>
              <form action={removeSignupAction.bind(null, event.id, row.id)} className="mt-1">
                <button type="submit" className="min-h-11 rounded-md border border-red-300 px-3 text-red-800">
                  {t("remove", { name: row.name })}
                </button>
              </form>
            </details>
          </li>
        ))}
      </ul>
      <Card title={t("addAtDoor")}>
        <DoorForm action={addAtDoorAction.bind(null, event.id)} />
      </Card>
    </div>
  );
}
