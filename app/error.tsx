"use client";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui";

// An unexpected failure: a plain message, never a blank page; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("app");
  return (
    <main id="contenu" className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <p role="alert" className="text-lg">
        {t("genericError")}
      </p>
      <button type="button" onClick={reset} className={buttonClass}>
        {t("retry")}
      </button>
    </main>
  );
}
