import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { listIssues } from "@/lib/newsletter/service";
import { createIssueAction } from "@/lib/newsletter/actions";
import { IssueForm } from "@/components/newsletter-forms";
import { Card, Empty, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newsletter");
}

export default async function NewsletterPage() {
  const actor = await requireActor("newsletter.manage");
  const [{ issues, recipients }, t, format] = await Promise.all([
    listIssues(actor),
    getTranslations("newsletter"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <TextLink href="/admin">← {t("backToAdmin")}</TextLink>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-700">
        {t("recipients", { count: recipients })}{" "}
        <TextLink href="/admin/lettre/destinataires">{t("recipientsLink")}</TextLink>
      </p>
      <Card title={t("issues")}>
        {issues.length === 0 ? (
          <Empty>{t("noIssue")}</Empty>
        ) : (
          <ul className="divide-y divide-stone-200">
            {issues.map((i) => (
              <li key={i.id} className="py-2">
                <Link
                  href={`/admin/lettre/${i.id}`}
                  className="font-medium text-brand-700 underline underline-offset-2"
                >
                  {t("issueTitle", { number: i.number, subject: i.subject })}
                </Link>
                <p className="text-sm text-stone-700">
                  {i.sentAt
                    ? t("sentOn", {
                        date: format.dateTime(i.sentAt, { day: "numeric", month: "long", year: "numeric" }),
                        count: i.recipients,
                      })
                    : i.sendStartedAt
                      ? t("sending", { done: i.queued, total: i.recipients })
                      : t("draft")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("newIssue")}>
        <IssueForm action={createIssueAction} initial={{ subject: "", body: "" }} />
      </Card>
    </div>
  );
}
