import "server-only";
import { db } from "@/lib/db";
import { deliverAll } from "@/lib/mail/send";
import { queueNotices } from "@/lib/events/service";

// Internal to the server: the job worker's hourly pass. An event starting within a day gets its
// reminder once: in one transaction the event is claimed (remindedAt set only if nobody set it)
// and every reminder written to the outbox, then they are sent; a worker stopped in between
// leaves them to the sweep, never half a list. Members get the portal's page, inhabitants their
// « je ne viens plus » link; a phone-only sign-up gets nothing (no SMS is sent).
export async function remindTomorrow(now = new Date()): Promise<number> {
  const due = await db.communityEvent.findMany({
    where: {
      remindedAt: null,
      cancelledAt: null,
      startsAt: { gt: now, lte: new Date(now.getTime() + 24 * 3_600_000) },
      cooperative: { suspendedAt: null },
    },
    include: { cooperative: { select: { id: true, slug: true, name: true, shortName: true } } },
  });
  let sent = 0;
  for (const event of due) {
    const written = await db.$transaction(async (tx) => {
      const { count } = await tx.communityEvent.updateMany({
        where: { id: event.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (!count) return [];
      return queueNotices(tx, {
        event,
        cooperative: {
          id: event.cooperative.id,
          slug: event.cooperative.slug,
          name: event.cooperative.shortName ?? event.cooperative.name,
        },
        notice: "reminder",
      });
    });
    await deliverAll(written);
    sent += written.length;
  }
  return sent;
}

// Three months after an event, what inhabitants gave to sign up (name, e-mail, phone) is
// forgotten; the count of who signed up and came stays. Members' sign-ups stay with the member
// (erased with them).
export const FORGET_AFTER_DAYS = 90;

export async function forgetPastSignups(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - FORGET_AFTER_DAYS * 86_400_000);
  const { count } = await db.eventSignup.updateMany({
    where: {
      membershipId: null,
      NOT: { name: "" },
      event: { OR: [{ endsAt: { lt: before } }, { endsAt: null, startsAt: { lt: before } }] },
    },
    data: { name: "", email: null, phone: null, locale: null },
  });
  return count;
}
