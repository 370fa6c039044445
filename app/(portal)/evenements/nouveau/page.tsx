import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { createEventAction } from "@/lib/events/actions";
import { EventForm } from "@/components/event-forms";
import { PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("eventNew");
}

export default async function NewEventPage() {
  await requireActor("event.manage");
  const t = await getTranslations("events");
  return (
    <div className="space-y-5">
      <TextLink href="/evenements">← {t("back")}</TextLink>
      <PageTitle>{t("new")}</PageTitle>
      <EventForm
        action={createEventAction}
        submit={t("form.create")}
        initial={{
          kind: "CAFE",
          title: "",
          description: "",
          startsAt: "",
          endsAt: "",
          place: "",
          videoUrl: "",
          capacity: "",
          public: true,
        }}
      />
    </div>
  );
}
