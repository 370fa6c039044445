import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isId } from "@/lib/action-input";
import { bookletEntry, possibleKeepers, settingsOf } from "@/lib/booklet/service";
import { archiveEntryAction, updateEntryAction, verifyEntryAction } from "@/lib/booklet/actions";
import { EntryForm } from "@/components/booklet-forms";
import { BookletEntryCard } from "@/components/booklet-entry";
import { StepForm } from "@/components/step-form";
import { Alert, Card, TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ ajoutee?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return objectTitled("bookletEntry", "booklet", async () => {
    const actor = await getActor();
    return actor && isId(id) ? (await bookletEntry(actor, id))?.name : null;
  });
}

// One address: as reception reads it, then, for members, the form that keeps it right.
export default async function EntryPage({ params, searchParams }: Props) {
  const actor = await requireActor("booklet.read");
  const { id } = await params;
  const entry = isId(id) ? await bookletEntry(actor, id) : null;
  if (!entry) notFound();
  const [settings, keepers, t, { ajoutee }] = await Promise.all([
    settingsOf(actor.cooperativeId),
    possibleKeepers(actor),
    getTranslations("booklet"),
    searchParams,
  ]);
  return (
    <div className="space-y-5">
      <TextLink href="/carnet">← {t("back")}</TextLink>
      {ajoutee === "1" ? <Alert kind="success">{t("created")}</Alert> : null}
      <BookletEntryCard entry={entry} staleMonths={settings.staleMonths} link={false} />
      {can(actor.roles, "booklet.edit") ? (
        <>
          <StepForm
            namespace="booklet"
            action={verifyEntryAction.bind(null, entry.id)}
            label={t("verify")}
            success={t("verified")}
            secondary
          />
          <Card title={t("details")}>
            <EntryForm
              action={updateEntryAction.bind(null, entry.id)}
              keepers={keepers}
              submit={t("form.save")}
              success={t("saved")}
              hoursUnread={Boolean(entry.hoursText) && !entry.hoursRead}
              initial={{
                name: entry.name,
                description: entry.description,
                themes: entry.themes,
                place: entry.place ?? "",
                address: entry.address ?? "",
                hoursText: entry.hoursText ?? "",
                phone: entry.phone ?? "",
                email: entry.email ?? "",
                website: entry.website ?? "",
                walkIn: entry.walkIn,
                languages: entry.languages.join(", "),
                wheelchair: entry.wheelchair,
                childrenWelcome: entry.childrenWelcome,
                cost: entry.cost ?? "",
                keeperId: entry.keeperId ?? "",
              }}
            />
          </Card>
        </>
      ) : null}
      {can(actor.roles, "booklet.manage") ? (
        <StepForm
          namespace="booklet"
          action={archiveEntryAction.bind(null, entry.id)}
          label={t("archive")}
          confirm={t("archiveConfirm")}
          secondary
        />
      ) : null}
    </div>
  );
}
