import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { getActor, requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isId } from "@/lib/action-input";
import { eventFor, publicEventPath } from "@/lib/events/service";
import { cancelEventAction, inviteContactsAction, updateEventAction } from "@/lib/events/actions";
import { isOver } from "@/lib/events/when";
import { instantToLocalInput } from "@/lib/dates";
import { DATA_LANG } from "@/lib/i18n/config";
import { EventSummary, SignUpButtons } from "@/components/event-summary";
import { EventForm } from "@/components/event-forms";
import { StepForm } from "@/components/step-form";
import { Alert, Card, PageTitle, TextLink, secondaryButtonClass } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return objectTitled("eventPage", "events", async () => {
    const actor = await getActor();
    return actor && isId(id) ? (await eventFor(actor, id))?.event.title : null;
  });
}

// One event: what it is and « Je viens »; for the coordinator, who comes, the door, the
// invitations, the changes.
export default async function EventPage({ params, searchParams }: Props) {
  const actor = await requireActor("event.read");
  const { id } = await params;
  const found = isId(id) ? await eventFor(actor, id) : null;
  if (!found) notFound();
  const { event, taken, mine, signups } = found;
  const [t, format, { cree }] = await Promise.all([getTranslations("events"), getFormatter(), searchParams]);
  const manage = can(actor.roles, "event.manage");
  const open = !event.cancelledAt && !isOver(event, new Date());
  // Not a <Link>: a file to download.
  const icsHref = `/evenements/${event.id}/ics`;
  // Who cannot be told by e-mail of a change or a cancellation: the coordinator calls them.
  const phoneOnly = signups.filter((s) => !s.email && s.phone && s.source !== "DOOR");
  return (
    <div className="space-y-5">
      <TextLink href="/evenements">← {t("back")}</TextLink>
      {cree === "1" ? <Alert kind="success">{t("form.saved")}</Alert> : null}
      <PageTitle>
        <span lang={DATA_LANG}>{event.title}</span>
      </PageTitle>
      <EventSummary event={{ ...event, taken }} link={false} />
      {event.description ? (
        <p className="whitespace-pre-line" lang={DATA_LANG}>
          {event.description}
        </p>
      ) : null}
      <SignUpButtons event={event} mine={mine} />
      <p>
        <a href={icsHref} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("ics")}
        </a>
      </p>
      {manage ? (
        <>
          <Card title={t("manage")}>
            <div className="space-y-3">
              <p>{event.public ? t("publicMark") : t("privateMark")}</p>
              <div className="flex flex-wrap gap-2">
                <Link href={`/evenements/${event.id}/porte`} className={secondaryButtonClass}>
                  {t("door")} ({signups.length})
                </Link>
                <Link href={`/evenements/${event.id}/liste`} className={secondaryButtonClass}>
                  {t("print")}
                </Link>
                {event.public && open ? (
                  <a href={publicEventPath(actor.cooperativeSlug, event.id)} className={secondaryButtonClass}>
                    {t("publicLink")}
                  </a>
                ) : null}
              </div>
              {event.invitedAt ? (
                <p>{t("invitedOn", { date: format.dateTime(event.invitedAt, { dateStyle: "long" }) })}</p>
              ) : open && event.public ? (
                <div className="space-y-1">
                  <p className="text-sm text-stone-700">{t("inviteHelp")}</p>
                  <StepForm
                    namespace="events"
                    action={inviteContactsAction.bind(null, event.id)}
                    label={t("invite")}
                    success={t("inviteSent")}
                    secondary
                  />
                </div>
              ) : null}
              {phoneOnly.length ? (
                <div className="space-y-1">
                  <h3 className="font-semibold">{t("phoneOnly")}</h3>
                  <p className="text-sm text-stone-700">{t("phoneOnlyHint")}</p>
                  <ul className="space-y-1">
                    {phoneOnly.map((s) => (
                      <li key={s.id}>
                        {s.name}{" "}
                        <a
                          href={`tel:${s.phone!.replace(/[^\d+]/g, "")}`}
                          className="text-brand-700 underline"
                        >
                          {s.phone}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          </Card>
          {event.cancelledAt ? null : (
            <Card title={t("edit")}>
              <EventForm
                action={updateEventAction.bind(null, event.id)}
                submit={t("form.save")}
                success={t("form.saved")}
                initial={{
                  kind: event.kind,
                  title: event.title,
                  description: event.description,
                  startsAt: instantToLocalInput(event.startsAt),
                  endsAt: event.endsAt ? instantToLocalInput(event.endsAt) : "",
                  place: event.place ?? "",
                  videoUrl: event.videoUrl ?? "",
                  capacity: event.capacity === null ? "" : String(event.capacity),
                  public: event.public,
                }}
              />
              <div className="mt-6 border-t border-stone-200 pt-4">
                <StepForm
                  namespace="events"
                  action={cancelEventAction.bind(null, event.id)}
                  label={t("cancel")}
                  confirm={t("cancelConfirm")}
                  success={t("cancelledDone")}
                  secondary
                />
              </div>
            </Card>
          )}
        </>
      ) : null}
    </div>
  );
}
