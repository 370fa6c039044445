"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { inputClass, secondaryButtonClass } from "@/components/ui";
import { MarkdownPreview } from "@/components/markdown-preview";
import { EditorModeSwitch } from "@/components/editor-mode";

type Status = "saved" | "unsaved" | "saving" | "offline" | "conflict";
type Section = { id: string; title: string; body: string; revision: number };

const AUTOSAVE_MS = 2000;
const backupKey = (id: string) => `portail-minutes-${id}`;

// One section of the draft: saved a few seconds after typing stops, on leaving the field and on
// leaving the page; kept in this browser until the server has it, so a reload, a closed tab or
// a dropped connection loses nothing. A save over someone else's newer text is refused and
// both texts are shown.
export function SectionEditor({ section }: { section: Section }) {
  const t = useTranslations("minutes");
  const [text, setText] = useState(section.body);
  const [status, setStatus] = useState<Status>("saved");
  const [theirs, setTheirs] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const revision = useRef(section.revision);
  const saved = useRef(section.body);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The text as last typed, for the timers and the page-leave save (read outside render).
  const latest = useRef(text);
  // While a conflict is shown, nothing is saved until the writer chooses what to keep.
  const inConflict = useRef(false);

  const save = useCallback(
    async (keepalive = false) => {
      const body = latest.current;
      if (body === saved.current || inConflict.current) return;
      setStatus("saving");
      try {
        const response = await fetch(`/api/minutes/sections/${section.id}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ body, revision: revision.current }),
          keepalive,
        });
        if (response.ok) {
          revision.current = (await response.json()).revision;
          saved.current = body;
          if (latest.current === body) {
            localStorage.removeItem(backupKey(section.id));
            setStatus("saved");
          } else setStatus("unsaved");
        } else if (response.status === 409) {
          const { current } = await response.json();
          inConflict.current = true;
          setTheirs(current.body);
          revision.current = current.revision;
          setStatus("conflict");
        } else setStatus("offline");
      } catch {
        setStatus("offline");
      }
    },
    [section.id],
  );

  // A text kept in this browser from an earlier visit comes back, unless the server moved on.
  useEffect(() => {
    const raw = localStorage.getItem(backupKey(section.id));
    if (!raw) return;
    const backup = JSON.parse(raw) as { text: string; revision: number };
    if (backup.text === section.body) localStorage.removeItem(backupKey(section.id));
    else if (backup.revision === section.revision) {
      latest.current = backup.text;
      // This browser's copy is only readable after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setText(backup.text);
      setStatus("unsaved");
      // Sent as soon as the page is back, like any other change.
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    } else {
      inConflict.current = true;
      latest.current = backup.text;
      setText(backup.text);
      setTheirs(section.body);
      setStatus("conflict");
    }
  }, [section.id, section.body, section.revision, save]);

  useEffect(() => {
    const online = () => void save();
    const leaving = () => void save(true);
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leaving);
    };
  }, [save]);

  function change(value: string) {
    latest.current = value;
    setText(value);
    localStorage.setItem(backupKey(section.id), JSON.stringify({ text: value, revision: revision.current }));
    if (!inConflict.current) setStatus("unsaved");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }

  function keepBoth() {
    const merged = `${latest.current}\n\n${t("otherVersion")}\n${theirs ?? ""}`;
    inConflict.current = false;
    setTheirs(null);
    setStatus("unsaved");
    change(merged);
  }

  function takeTheirs() {
    inConflict.current = false;
    setTheirs(null);
    saved.current = theirs ?? "";
    latest.current = theirs ?? "";
    setText(theirs ?? "");
    localStorage.removeItem(backupKey(section.id));
    setStatus("saved");
  }

  function wrap(before: string, after = before) {
    change(
      `${latest.current}${latest.current && !latest.current.endsWith("\n") ? "\n" : ""}${before}${t("toolbarSample")}${after}`,
    );
  }

  const id = `section-${section.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1">
        <EditorModeSwitch title={section.title} previewing={previewing} onChange={setPreviewing} />
        {previewing ? null : (
          <div
            className="flex flex-wrap gap-1"
            role="toolbar"
            aria-label={t("toolbar", { title: section.title })}
          >
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => wrap("**")}
              aria-label={t("bold")}
            >
              <strong>G</strong>
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => wrap("*")}
              aria-label={t("italic")}
            >
              <em>I</em>
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => wrap("- ", "")}
              aria-label={t("list")}
            >
              •
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => wrap("1. ", "")}
              aria-label={t("numberedList")}
            >
              1.
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => wrap("[", "](https://)")}
              aria-label={t("link")}
            >
              🔗
            </button>
          </div>
        )}
      </div>
      {previewing ? (
        <MarkdownPreview text={text} label={t("previewOf", { title: section.title })} />
      ) : (
        <>
          <label htmlFor={id} className="sr-only">
            {t("sectionText", { title: section.title })}
          </label>
          <textarea
            id={id}
            value={text}
            onChange={(e) => change(e.target.value)}
            onBlur={() => void save()}
            rows={16}
            className={`${inputClass} min-h-64 resize-y leading-relaxed`}
            aria-describedby={`${id}-status`}
          />
        </>
      )}
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={`text-sm ${status === "offline" || status === "conflict" ? "font-semibold text-red-800" : "text-stone-700"}`}
      >
        {t(`status.${status}`)}
      </p>
      {status === "conflict" && theirs !== null ? (
        <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
          <p className="font-semibold">{t("conflict")}</p>
          <p className="text-sm">{t("theirText")}</p>
          <pre className="whitespace-pre-wrap rounded border border-stone-300 bg-white p-2 text-sm">
            {theirs}
          </pre>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={keepBoth}>
              {t("keepBoth")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={takeTheirs}>
              {t("takeTheirs")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
