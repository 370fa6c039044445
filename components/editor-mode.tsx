"use client";
import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui";

// « Écrire / Aperçu » above a Markdown field: two pressed-state buttons.
export function EditorModeSwitch({
  title,
  previewing,
  onChange,
}: {
  title: string;
  previewing: boolean;
  onChange: (previewing: boolean) => void;
}) {
  const t = useTranslations("minutes");
  return (
    <div className="flex gap-1" role="group" aria-label={t("editorMode", { title })}>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-pressed={!previewing}
        onClick={() => onChange(false)}
      >
        {t("write")}
      </button>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-pressed={previewing}
        onClick={() => onChange(true)}
      >
        {t("preview")}
      </button>
    </div>
  );
}
