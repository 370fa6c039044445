import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Result } from "@/lib/form-result";
import {
  correctableLocales,
  flatTexts,
  frenchTexts,
  isPublicLocale,
  publicMessages,
  type PublicLocale,
  type PublicWords,
} from "@/lib/i18n/public-locales";

// A language of the public idea path starts as a machine translation (its file says so); the
// cooperative's coordinator corrects a text for their own cooperative's pages and the e-mails
// its authors receive. A correction sits over the file; emptied, the file's text comes back.

export type CorrectableText = {
  key: string;
  french: string;
  // The file's text, then the cooperative's correction when there is one.
  machine: string;
  corrected: string | null;
};

export type TranslationError = "unknownLanguage" | "unknownText" | "placeholders" | "syntax";

const MAX = 2000;

// The public path's parts, as a coordinator looks for a text: each text belongs to the part its
// key starts with; the error messages and the « page not found » make one more. One part at a
// time keeps the page light (191 texts, each a form, were 30 s of an accessibility check).
export const TRANSLATION_PARTS = ["ideas", "events", "contacts", "booklet", "other"] as const;
export type TranslationPart = (typeof TRANSLATION_PARTS)[number];

export function isTranslationPart(value: unknown): value is TranslationPart {
  return typeof value === "string" && (TRANSLATION_PARTS as readonly string[]).includes(value);
}

export function partOf(key: string): TranslationPart {
  const head = key.split(".")[0];
  return head !== "other" && isTranslationPart(head) ? head : "other";
}

export function isCorrectable(locale: unknown): locale is PublicLocale {
  return isPublicLocale(locale) && correctableLocales().includes(locale);
}

export async function translationsFor(actor: Actor, locale: PublicLocale): Promise<CorrectableText[]> {
  authorize(actor, "idea.moderate");
  if (!isCorrectable(locale)) return [];
  const corrections = await db.translationCorrection.findMany({
    where: { cooperativeId: actor.cooperativeId, locale },
    select: { key: true, text: true },
  });
  const fixed = new Map(corrections.map((c) => [c.key, c.text]));
  const french = frenchTexts();
  return Object.entries(flatTexts(locale)).map(([key, machine]) => ({
    key,
    french: french[key] ?? "",
    machine,
    corrected: fixed.get(key) ?? null,
  }));
}

// The names between braces ({name}) a text is given when it is shown.
function argumentsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

// The public path's texts take plain {name} arguments only, all strings (the date already
// written out): a correction keeps exactly those, adds no other brace or tag, and formats with
// them. (A {date, date} or a select would pass a check with numbers and fail with the real text.)
function checkText(
  locale: PublicLocale,
  { text, french }: { text: string; french: string },
): TranslationError | null {
  if (/[<>]/.test(text) || /[{}]/.test(text.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, ""))) return "syntax";
  const wanted = argumentsOf(french);
  if (argumentsOf(text).join(",") !== wanted.join(",")) return "placeholders";
  let failed = false;
  const t = createTranslator({
    locale: locale as "fr",
    messages: { check: text } as never,
    onError: () => {
      failed = true;
    },
  });
  (t as unknown as (k: string, v: Record<string, string>) => string)(
    "check",
    Object.fromEntries(wanted.map((name) => [name, "x"])),
  );
  return failed ? "syntax" : null;
}

export async function correctTranslation(
  actor: Actor,
  { locale, key, text }: { locale: string; key: string; text: string },
): Promise<Result<null, TranslationError | "form">> {
  authorize(actor, "idea.moderate");
  if (!isCorrectable(locale)) return { ok: false, error: "unknownLanguage" };
  const file = flatTexts(locale);
  if (!Object.hasOwn(file, key)) return { ok: false, error: "unknownText" };
  const machine = file[key]!;
  const french = frenchTexts();
  // The file's own text typed back is no correction: the file's text is shown again.
  const written = text.trim().slice(0, MAX);
  const typed = written === machine ? "" : written;
  const where = { cooperativeId_locale_key: { cooperativeId: actor.cooperativeId, locale, key } };
  const before = await db.translationCorrection.findUnique({ where, select: { text: true } });
  if (typed) {
    const problem = checkText(locale, {
      text: typed,
      french: Object.hasOwn(french, key) ? french[key]! : machine,
    });
    if (problem) return { ok: false, error: "form", fieldErrors: { text: problem } };
  }
  // Back to the file's text when it already is: nothing to write, nothing to journal.
  if (!typed && !before) return { ok: true, data: null };
  await db.$transaction(async (tx) => {
    if (typed)
      await tx.translationCorrection.upsert({
        where,
        create: {
          cooperativeId: actor.cooperativeId,
          locale,
          key,
          text: typed,
          updatedById: actor.membershipId,
        },
        update: { text: typed, updatedById: actor.membershipId },
      });
    else await tx.translationCorrection.deleteMany({ where: where.cooperativeId_locale_key });
    await recordAudit(tx, {
      cooperativeId: actor.cooperativeId,
      actorId: actor.personId,
      action: typed ? "translation.corrected" : "translation.restored",
      entityType: "Translation",
      entityId: `${locale}:${key}`,
      before: { text: before?.text ?? machine },
      after: { text: typed || machine },
    });
  });
  return { ok: true, data: null };
}

// The public path's texts for one cooperative in one language: the file over French, then the
// cooperative's corrections. Read once per request.
export async function publicWords(cooperativeId: string, locale: PublicLocale): Promise<PublicWords> {
  const corrections = isCorrectable(locale)
    ? await db.translationCorrection.findMany({
        where: { cooperativeId, locale },
        select: { key: true, text: true },
      })
    : [];
  // A correction whose text the file no longer has (renamed, removed) is not applied.
  const file = flatTexts(locale);
  const current = corrections.filter((c) => Object.hasOwn(file, c.key));
  return {
    locale,
    messages: publicMessages(locale, Object.fromEntries(current.map((c) => [c.key, c.text]))),
  };
}
