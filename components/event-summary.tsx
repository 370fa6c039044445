import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { eventWhen, isOver } from "@/lib/events/when";
import { placesLeft } from "@/lib/events/schema";
import { DATA_LANG } from "@/lib/i18n/config";
import { signUpAction, withdrawSignupAction } from "@/lib/events/actions";
import { StepForm } from "@/components/step-form";

export type EventSummaryData = {
  id: string;
  kind: "CAFE" | "WEBINAR" | "VISIT" | "NETWORK" | "OTHER";
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  videoUrl: string | null;
  capacity: number | null;
  cancelledAt: Date | null;
  taken: number;
};

// What, when, where, how many places: the same lines on the list and on the event's page.
export async function EventSummary({ event, link = true }: { event: EventSummaryData; link?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale()]);
  const left = placesLeft(event.capacity, event.taken);
  const over = isOver(event, new Date());
  return (
    <div className="space-y-1">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
        {t(`kinds.${event.kind}`)}
        {event.cancelledAt ? (
          <span className="ms-2 rounded bg-red-800 px-2 py-0.5 text-white">{t("cancelledMark")}</span>
        ) : over ? (
          <span className="ms-2 rounded bg-stone-700 px-2 py-0.5 text-white">{t("overMark")}</span>
        ) : left === 0 ? (
          <span className="ms-2 rounded bg-amber-800 px-2 py-0.5 text-white">{t("fullMark")}</span>
        ) : null}
      </p>
      {link ? (
        <h2 className="text-lg font-semibold" lang={DATA_LANG}>
          <Link href={`/evenements/${event.id}`} className="text-brand-700 underline underline-offset-2">
            {event.title}
          </Link>
        </h2>
      ) : null}
      <p>
        <span className="font-medium">{t("when")} </span>
        {eventWhen(event, locale)}
      </p>
      {event.place ? (
        <p>
          <span className="font-medium">{t("where")} </span>
          <span lang={DATA_LANG}>{event.place}</span>
        </p>
      ) : null}
      {event.videoUrl ? (
        <p className="break-all">
          <span className="font-medium">{t("video")} </span>
          <a href={event.videoUrl} className="text-brand-700 underline" rel="noopener noreferrer">
            {event.videoUrl}
          </a>
        </p>
      ) : null}
      <p className="text-sm text-stone-700">
        {left === null
          ? `${t("taken", { count: event.taken })} · ${t("noLimit")}`
          : t("places", { left, capacity: event.capacity! })}
      </p>
    </div>
  );
}

// « Je viens », or « Vous êtes inscrit·e » and « Je ne viens plus »: one tap either way. Nothing
// once the event is cancelled or over.
export async function SignUpButtons({
  event,
  mine,
}: {
  event: { id: string; startsAt: Date; endsAt: Date | null; cancelledAt: Date | null };
  mine: boolean;
}) {
  if (event.cancelledAt || isOver(event, new Date())) return null;
  const t = await getTranslations("events");
  return mine ? (
    <div className="space-y-2">
      <p className="font-medium text-green-800">{t("youCome")}</p>
      <StepForm
        namespace="events"
        action={withdrawSignupAction.bind(null, event.id)}
        label={t("notComing")}
        secondary
      />
    </div>
  ) : (
    <StepForm
      namespace="events"
      action={signUpAction.bind(null, event.id)}
      label={t("come")}
      success={t("comeDone")}
    />
  );
}
