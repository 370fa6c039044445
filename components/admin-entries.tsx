import Link from "@/components/link";
import { getTranslations } from "next-intl/server";

const ENTRIES = [
  { href: "/admin/membres", key: "members", ready: true },
  { href: "/admin/colleges", key: "colleges", ready: true },
  { href: "/admin/instances", key: "bodies", ready: true },
  { href: "/reunions", key: "meetings", ready: true },
  { href: "/idees/gestion", key: "ideas", ready: true },
  { href: "/admin/contacts", key: "contacts", ready: true },
  { href: "/carnet/gestion", key: "booklet", ready: true },
  { href: "/admin/lettre", key: "newsletter", ready: true },
  { href: "/admin/courriels", key: "outbox", ready: true },
  { href: "/admin/journal", key: "audit", ready: true },
] as const;

export async function AdminEntries() {
  const t = await getTranslations("admin");
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {ENTRIES.map((entry) => (
        <li key={entry.href}>
          <Link
            href={entry.href}
            className="block h-full rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600"
          >
            <span className="flex items-baseline justify-between gap-2">
              <span className="font-semibold text-brand-700">{t(entry.key)}</span>
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${entry.ready ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
              >
                {entry.ready ? t("available") : t("soon")}
              </span>
            </span>
            <span className="mt-1 block text-sm text-stone-700">{t(`${entry.key}Text`)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
