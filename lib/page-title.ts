import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type messages from "@/lib/i18n/messages/fr.json";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cached } from "@/lib/cache";

// Every page's title, in the reader's language, naming the page and its object (« Vote : … »);
// the layout adds « · Portail SCIC ». An object the reader may not see is not named.
export type TitleKey = keyof (typeof messages)["titles"];

export async function titled(key: TitleKey, values?: Record<string, string | number>): Promise<Metadata> {
  const t = await getTranslations("titles");
  return { title: t(key, values as never) };
}

// A page of a meeting: its body's name and its number (body names are no secret to a member).
export async function meetingTitled(
  key: TitleKey,
  params: Promise<{ body: string; number: string }>,
): Promise<Metadata> {
  const { body, number } = await params;
  // An address typed by hand (« /reunions/%00/1 ») gets the page's own answer, never a title error.
  const slug = /^[a-z0-9-]{1,80}$/.test(body) ? body : null;
  const shownNumber = /^\d{1,10}$/.test(number) ? number : "";
  const actor = slug ? await getActor().catch(() => null) : null;
  // A body's name never changes once created (lib/cache.ts keeps it; a new body is found at once).
  const found =
    actor && slug
      ? await cached("body", `${actor.cooperativeId}/${slug}`, () =>
          db.body.findFirst({ where: { cooperativeId: actor.cooperativeId, slug }, select: { name: true } }),
        ).catch(() => null)
      : null;
  return titled(key, { body: found?.name ?? "", number: shownNumber });
}

// A page of one object, named by what the reader's own access returns (null: not named).
export async function objectTitled(
  key: TitleKey,
  fallback: TitleKey,
  name: () => Promise<string | null | undefined>,
): Promise<Metadata> {
  try {
    const found = await name();
    if (found) return titled(key, { title: found, name: found });
  } catch {
    // Refused or absent: the page says why; the title names nothing.
  }
  return titled(fallback);
}
