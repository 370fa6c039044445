import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/service";
import { smtpSettings } from "@/lib/mail/transport";
import { retryEmailAction } from "@/lib/mail/actions";
import { Empty, PageTitle, secondaryButtonClass } from "@/components/ui";

export default async function OutboxPage() {
  const actor = await requireActor("outbox.read");
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const emails = await listOutbox(actor);
  const smtp = smtpSettings() !== null;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{smtp ? t("introSmtp") : t("intro")}</p>
      {emails.length ? (
        <ul className="space-y-3">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{email.subject}</span>
                  <span className="block text-sm text-stone-700">
                    {t("to")} {email.to} ·{" "}
                    {format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "short" })} ·{" "}
                    {t(`statuses.${email.status}`)}
                  </span>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{email.text}</pre>
              </details>
              {smtp && (email.status === "FAILED" || email.status === "PENDING") ? (
                <form action={retryEmailAction} className="mt-2">
                  <input type="hidden" name="id" value={email.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    {t("retry")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("empty")}</Empty>
      )}
    </div>
  );
}
