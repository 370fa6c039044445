import "server-only";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/mail/send";
import { siteUrl } from "@/lib/site-url";
import { mailTranslator } from "@/lib/i18n/translator";
import { addressees, cancelLink, eventPath } from "@/lib/events/service";
import { eventWhen } from "@/lib/events/when";

// Internal to the server: the job worker's hourly pass. An event starting within a day gets its
// reminder once: the event is claimed (remindedAt set only if nobody set it) before anything is
// sent, so two workers never send it twice. Members get the portal's page, inhabitants their
// « je ne viens plus » link; a phone-only sign-up gets nothing (no SMS is sent).
export async function remindTomorrow(now = new Date()): Promise<number> {
  const due = await db.communityEvent.findMany({
    where: {
      remindedAt: null,
      cancelledAt: null,
      startsAt: { gt: now, lte: new Date(now.getTime() + 24 * 3_600_000) },
      cooperative: { suspendedAt: null },
    },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      place: true,
      videoUrl: true,
      cooperative: { select: { id: true, slug: true, name: true, shortName: true } },
    },
  });
  let sent = 0;
  for (const event of due) {
    const { count } = await db.communityEvent.updateMany({
      where: { id: event.id, remindedAt: null },
      data: { remindedAt: now },
    });
    if (!count) continue;
    const cooperative = event.cooperative.shortName ?? event.cooperative.name;
    for (const person of await addressees(event.id)) {
      const t = mailTranslator(person.locale);
      const link = person.member
        ? `${siteUrl()}${eventPath(event.id)}`
        : t("events.cancelLine", { link: cancelLink(person, event.cooperative.slug) });
      await sendEmail({
        cooperativeId: event.cooperative.id,
        to: person.email,
        subject: t("events.reminderSubject", { title: event.title }),
        text: t("events.reminderText", {
          name: person.name,
          title: event.title,
          when: eventWhen(event, person.locale),
          where: [event.place, event.videoUrl].filter(Boolean).join(" · "),
          cooperative,
          link,
        }),
      });
      sent++;
    }
  }
  return sent;
}
