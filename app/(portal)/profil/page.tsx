import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { myContactConsent } from "@/lib/contacts/service";
import { profileConsentAction, withdrawMineAction } from "@/lib/contacts/actions";
import { ConsentForm } from "@/components/contact-forms";
import { StepForm } from "@/components/step-form";
import { requireActor } from "@/lib/auth/session";
import { calendarTokenOf } from "@/lib/meetings/invitations";
import { siteUrl } from "@/lib/site-url";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { renewCalendarLinkAction } from "@/lib/members/actions";
import { Card, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("profile");
}

export default async function ProfilePage() {
  const actor = await requireActor("home.view");
  // The operator's support access reads the cooperative; it has no profile there.
  if (actor.support) redirect("/");
  const t = await getTranslations();
  const feedUrl = `${siteUrl()}/calendrier/${await calendarTokenOf(actor)}.ics`;
  const consent = await myContactConsent(actor);
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageTitle>{t("profile.title")}</PageTitle>
      <Card title={t("profile.identity")}>
        <dl className="grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-medium">{t("profile.name")}</dt>
          <dd>{actor.name}</dd>
          <dt className="font-medium">{t("profile.email")}</dt>
          <dd className="break-all">{actor.email ?? "—"}</dd>
          <dt className="font-medium">{t("profile.cooperative")}</dt>
          <dd>{actor.cooperativeName}</dd>
          <dt className="font-medium">{t("profile.roles")}</dt>
          <dd>{actor.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
        </dl>
        <p className="mt-3 text-sm text-stone-700">{t("profile.changeHint")}</p>
      </Card>
      <Card title={t("contacts.profileTitle")}>
        <p className="mb-3 text-stone-700">{t("contacts.profileHint")}</p>
        <p className="mb-3 font-medium" role="status">
          {consent
            ? t("contacts.profileCurrent", {
                date: format.dateTime(consent.consentAt, { day: "numeric", month: "long", year: "numeric" }),
              })
            : t("contacts.profileNone")}
        </p>
        <ConsentForm
          action={profileConsentAction}
          agreeLabel={t("contacts.consentText")}
          submit={t("contacts.profileSave")}
          success={t("contacts.profileSaved")}
          initial={{
            name: consent?.name ?? actor.name,
            phone: consent?.phone ?? "",
            email: consent?.email ?? actor.email ?? "",
            purposes: consent?.purposes ?? [],
            channels: consent?.channels ?? [],
            availability: consent?.availability ?? "",
            languages: consent?.languages.join(", ") ?? "",
            note: consent?.note ?? "",
          }}
        />
        {consent ? (
          <div className="mt-3">
            <StepForm
              namespace="contacts"
              action={withdrawMineAction}
              label={t("contacts.profileWithdraw")}
              success={t("contacts.profileWithdrawn")}
              secondary
            />
          </div>
        ) : null}
      </Card>
      <Card title={t("profile.password")}>
        <p className="mb-2">{t("profile.passwordText")}</p>
        <TextLink href="/mot-de-passe/oublie">{t("profile.passwordLink")}</TextLink>
      </Card>
      <Card title={t("profile.sessionsTitle")}>
        <p className="mb-3">{t("profile.sessionsText")}</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className={secondaryButtonClass}>
            {t("profile.signOutEverywhere")}
          </button>
        </form>
      </Card>
      <Card title={t("profile.calendarTitle")}>
        <p className="mb-2">{t("profile.calendarText")}</p>
        <label htmlFor="feed" className="block font-medium">
          {t("profile.calendarUrl")}
        </label>
        <input
          id="feed"
          readOnly
          value={feedUrl}
          className="block min-h-11 w-full rounded-md border border-stone-400 bg-stone-100 px-3 font-mono text-sm"
        />
        <p id="renew-hint" className="mt-3 text-sm text-stone-700">
          {t("profile.calendarRenewHint")}
        </p>
        <form action={renewCalendarLinkAction} className="mt-2">
          <button type="submit" className={secondaryButtonClass} aria-describedby="renew-hint">
            {t("profile.calendarRenew")}
          </button>
        </form>
      </Card>
      <Card title={t("profile.dataTitle")}>
        <p className="mb-3">{t("profile.dataText")}</p>
        <a href="/profil/donnees" className={secondaryButtonClass} download>
          {t("profile.download")}
        </a>
      </Card>
    </div>
  );
}
