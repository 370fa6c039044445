import Link from "@/components/link";
import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import { can, type Action } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { switchCooperativeAction } from "@/lib/auth/actions";
import { LanguageSwitch } from "@/components/language-switch";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLinks } from "@/components/nav-links";
import { DATA_LANG } from "@/lib/i18n/config";

const NAV: { href: string; key: keyof Messages["nav"]; action: Action }[] = [
  { href: "/", key: "home", action: "home.view" },
  { href: "/reunions", key: "meetings", action: "meeting.read" },
  { href: "/decisions", key: "decisions", action: "decision.read" },
  { href: "/actions", key: "actions", action: "meeting.read" },
  { href: "/votes", key: "votes", action: "vote.castAssembly" },
  { href: "/textes", key: "texts", action: "text.read" },
  { href: "/idees", key: "ideas", action: "idea.post" },
  { href: "/evenements", key: "events", action: "event.read" },
  { href: "/carnet", key: "booklet", action: "booklet.read" },
  { href: "/annuaire", key: "directory", action: "directory.read" },
  { href: "/recherche", key: "search", action: "minutes.readPublished" },
  { href: "/admin", key: "admin", action: "admin.access" },
];

// Mirrors the permission table; the server checks again on every page and action. The portal's
// notices (demo, support, suspension) come as children, inside the banner landmark: outside every
// landmark, a screen reader's list of regions skipped them (axe's « region »).
export async function PortalHeader({ actor, children }: { actor: Actor; children?: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <div>
          <Link href="/" className="text-lg font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <p className="text-sm text-stone-700" lang={DATA_LANG}>
            {actor.cooperativeName}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          {actor.otherCooperatives.length > 0 ? (
            <form action={switchCooperativeAction} className="flex items-center gap-1">
              <label htmlFor="cooperativeId" className="sr-only">
                {t("app.switchCooperative")}
              </label>
              <select
                id="cooperativeId"
                name="cooperativeId"
                className="min-h-11 rounded-md border border-stone-500 bg-white px-2 text-sm"
              >
                {actor.otherCooperatives.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="min-h-11 rounded-md px-2 text-sm underline">
                {t("app.switchCooperative")}
              </button>
            </form>
          ) : null}
          {actor.isOperator ? (
            <Link
              href="/exploitation"
              className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
            >
              {t("operator.title")}
            </Link>
          ) : null}
          <Link
            href="/profil"
            className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
          >
            {t("app.profile")}
          </Link>
          <LanguageSwitch />
          <SignOutButton label={t("app.signOut")} />
        </div>
      </div>
      <nav aria-label={t("app.mainNav")} className="mx-auto max-w-5xl px-2">
        <NavLinks
          items={NAV.filter((item) => can(actor.roles, item.action)).map((item) => ({
            href: item.href,
            key: item.key,
            label: t(`nav.${item.key}`),
          }))}
        />
      </nav>
      {children}
    </header>
  );
}
