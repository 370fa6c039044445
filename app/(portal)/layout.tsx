import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { PortalHeader } from "@/components/portal-header";

// The root layout gives the browser the `app` texts; each part of the portal with forms gives its
// own (components/client-messages.tsx).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("app");
  const ts = await getTranslations("operator.support");
  const format = await getFormatter();
  return (
    <>
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <PortalHeader actor={actor}>
        {actor.support ? (
          <p className="bg-sky-100 px-4 py-2 text-center text-sm text-sky-950" role="note">
            {ts("band", {
              name: actor.cooperativeName,
              date: format.dateTime(actor.support.until, { dateStyle: "medium", timeStyle: "short" }),
            })}{" "}
            <a href="/exploitation" className="underline">
              {ts("back")}
            </a>
          </p>
        ) : null}
        {actor.cooperativeIsDemo ? (
          <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950" role="note">
            <strong>{t("demoBand")}</strong>
          </p>
        ) : null}
        {actor.cooperativeSuspension !== null ? (
          <p className="bg-red-100 px-4 py-2 text-center text-sm text-red-950" role="alert">
            {t("suspendedBand", { note: actor.cooperativeSuspension })}
          </p>
        ) : null}
      </PortalHeader>
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
