import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { queryText } from "@/lib/action-input";
import { listOutbox, OUTBOX_KINDS, type OutboxKind } from "@/lib/mail/service";
import { smtpSettings } from "@/lib/mail/transport";
import { retryEmailAction } from "@/lib/mail/actions";
import { pageCount, pageParam } from "@/lib/pagination";
import { Pagination } from "@/components/pagination";
import { Empty, inputClass, PageTitle, secondaryButtonClass } from "@/components/ui";
import { titled } from "@/lib/page-title";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  return titled("outbox");
}

// « Courriels envoyés »: every e-mail of the cooperative, a page at a time, filtered by
// recipient or subject and by kind, with its attachments (the .ics readable); each personal
// link masked (lib/mail/personal-links.ts).
export default async function OutboxPage({ searchParams }: Props) {
  const actor = await requireActor("outbox.read");
  const params = await searchParams;
  const q = queryText(one(params.q)) ?? "";
  const kindParam = one(params.type);
  const kind = OUTBOX_KINDS.includes(kindParam as OutboxKind) ? (kindParam as OutboxKind) : undefined;
  const page = pageParam(params.page);
  const [t, format, { rows: emails, total }] = await Promise.all([
    getTranslations("outbox"),
    getFormatter(),
    listOutbox(actor, { q, kind }, { page }),
  ]);
  const smtp = smtpSettings() !== null;
  const href = (n: number) =>
    `/admin/courriels?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { type: kind } : {}), page: String(n) })}`;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">{smtp ? t("introSmtp") : t("intro")}</p>
      <form method="get" action="/admin/courriels" className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block font-medium">
            {t("filterLabel")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={200} className={inputClass} />
        </div>
        <div>
          <label htmlFor="type" className="block font-medium">
            {t("kindLabel")}
          </label>
          <select id="type" name="type" defaultValue={kind ?? ""} className={inputClass}>
            <option value="">{t("kinds.all")}</option>
            {OUTBOX_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("filter")}
        </button>
      </form>
      <p aria-live="polite" className="text-stone-700">
        {t("count", { count: total })}
      </p>
      {emails.length ? (
        <ul className="space-y-3">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <details>
                <summary className="min-h-11 cursor-pointer">
                  <span className="font-semibold">{email.subject}</span>
                  <span className="block text-sm text-stone-700">
                    {t("to")} {email.to} ·{" "}
                    {format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "short" })} ·{" "}
                    {t(`statuses.${email.status}`)}
                    {email.attachments.length
                      ? ` · ${t("attachments", { count: email.attachments.length })}`
                      : ""}
                  </span>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{email.text}</pre>
                {email.attachments.map((a) => (
                  <div key={a.filename} className="mt-3">
                    <p className="text-sm font-medium">{t("attachment", { name: a.filename })}</p>
                    {a.text ? (
                      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-stone-100 p-2 font-mono text-xs">
                        {a.text}
                      </pre>
                    ) : null}
                  </div>
                ))}
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
      <Pagination page={page} pages={pageCount(total)} href={href} />
    </div>
  );
}
