import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TEST_UNSUBSCRIBE_TOKEN, unsubscribeInfo } from "@/lib/newsletter/service";
import { unsubscribeAction } from "@/lib/newsletter/actions";
import { StepForm } from "@/components/step-form";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await titled("unsubscribe")), robots: { index: false } };
}

// The link at the foot of every newsletter: one button, no sign-in.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (decodeURIComponent(token) === TEST_UNSUBSCRIBE_TOKEN) {
    const t = await getTranslations("newsletter");
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("unsubscribeTitle")}</h1>
        <p role="note">{t("unsubscribeTest")}</p>
      </div>
    );
  }
  const [info, t] = await Promise.all([
    unsubscribeInfo(decodeURIComponent(token)),
    getTranslations("newsletter"),
  ]);
  if (!info) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("unsubscribeTitle")}</h1>
        <p>{t("unsubscribeInvalid")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("unsubscribeTitle")}</h1>
      {info.unsubscribed ? (
        <p role="status">{t("unsubscribed", { email: info.email, cooperative: info.cooperative })}</p>
      ) : (
        <>
          <p>{t("unsubscribeText", { email: info.email, cooperative: info.cooperative })}</p>
          <StepForm
            namespace="newsletter"
            action={unsubscribeAction.bind(null, decodeURIComponent(token))}
            label={t("unsubscribeButton")}
            success={t("unsubscribedNow")}
          />
        </>
      )}
    </div>
  );
}
