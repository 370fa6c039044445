"use client";
import { DATA_LANG } from "@/lib/i18n/config";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

// The text as readers will see it: rendered by the server's one renderer (app/api/markdown/preview).
export function MarkdownPreview({ text, label }: { text: string; label: string }) {
  const t = useTranslations("minutes");
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/markdown/preview", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ body: text }),
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setHtml((await response.json()).html);
        setFailed(false);
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== "AbortError") setFailed(true);
      });
    return () => controller.abort();
  }, [text]);
  return (
    <div
      role="region"
      aria-label={label}
      aria-busy={html === null && !failed}
      className="min-h-64 rounded-md border border-stone-300 bg-white p-3"
    >
      {failed ? (
        <p className="text-sm font-medium text-red-800">{t("previewFailed")}</p>
      ) : html === null ? null : html.trim() ? (
        <div
          lang={DATA_LANG}
          className="prose-minutes space-y-2"
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <p className="text-sm text-stone-700">{t("previewEmpty")}</p>
      )}
    </div>
  );
}
