import { DATA_LANG } from "@/lib/i18n/config";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { getIssue } from "@/lib/newsletter/service";
import { sendTestAction, startSendAction, updateIssueAction } from "@/lib/newsletter/actions";
import { IssueForm } from "@/components/newsletter-forms";
import { StepForm } from "@/components/step-form";
import { Alert, Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("newsletter");
}

// Write, preview, test on oneself, send; then the progress of the send.
export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("newsletter.manage");
  const { id } = await params;
  const issue = await getIssue(actor, id);
  if (!issue) notFound();
  const [t, format] = await Promise.all([getTranslations("newsletter"), getFormatter()]);
  const draft = !issue.sendStartedAt;
  return (
    <div className="space-y-6">
      <TextLink href="/admin/lettre">← {t("backToList")}</TextLink>
      <PageTitle>{t("issueTitle", { number: issue.number, subject: issue.subject })}</PageTitle>
      {issue.sentAt ? (
        <Alert kind="success">
          {t("sentOn", {
            date: format.dateTime(issue.sentAt, {
              day: "numeric",
              month: "long",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
            }),
            count: issue.recipients,
          })}
        </Alert>
      ) : issue.sendStartedAt ? (
        <Alert kind="info">
          {t("sending", { done: issue.queued, total: issue.recipients })} {t("sendingHelp")}
        </Alert>
      ) : null}
      {draft ? (
        <Card title={t("write")}>
          <IssueForm
            action={updateIssueAction.bind(null, issue.id)}
            initial={{ subject: issue.subject, body: issue.body }}
            withAnswers
          />
        </Card>
      ) : null}
      <Card title={t("preview")}>
        <div lang={DATA_LANG} className="space-y-2">
          <p className="font-semibold">{issue.subject}</p>
          {/* The e-mail's own HTML and styles, as a mail program shows it (no script runs in it). */}
          <iframe
            title={t("previewFrame")}
            srcDoc={issue.emailHtml}
            sandbox=""
            className="h-[28rem] w-full rounded-md border border-stone-300 bg-white"
          />
          <p className="text-sm text-stone-700">{t("footerPreview")}</p>
        </div>
      </Card>
      {draft ? (
        <Card title={t("sendTitle")}>
          <div className="space-y-4">
            <StepForm
              namespace="newsletter"
              action={sendTestAction.bind(null, issue.id)}
              label={t("sendTest", { email: actor.email ?? "" })}
              success={t("testSent")}
              secondary
            />
            <StepForm
              namespace="newsletter"
              action={startSendAction.bind(null, issue.id)}
              label={t("send", { count: issue.recipientCount })}
              confirm={t("sendConfirm", { count: issue.recipientCount })}
              success={t("sendStarted")}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
