"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  BookOpen,
  CalendarDays,
  CalendarHeart,
  FilePen,
  House,
  Lightbulb,
  ListChecks,
  ScrollText,
  Search,
  Settings,
  Users,
  Vote,
  type LucideIcon,
} from "lucide-react";

const ICONS: Record<string, LucideIcon> = {
  home: House,
  meetings: CalendarDays,
  decisions: ScrollText,
  actions: ListChecks,
  votes: Vote,
  texts: FilePen,
  ideas: Lightbulb,
  events: CalendarHeart,
  booklet: BookOpen,
  directory: Users,
  search: Search,
  admin: Settings,
};

// The portal's sections, every one visible on a phone: they wrap onto as many lines as needed
// (no strip scrolled sideways), each with a word and an icon, 44 px at least, and the section
// the page belongs to marked for screen readers (aria-current) and by sight.
export function NavLinks({ items }: { items: { href: string; key: string; label: string }[] }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <ul className="grid grid-cols-2 gap-1 pb-2 min-[480px]:flex min-[480px]:flex-wrap">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const here = current(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={here ? "page" : undefined}
              className={`inline-flex min-h-11 w-full min-w-11 items-center gap-2 rounded-md px-3 font-medium ${
                here ? "bg-brand-700 text-white" : "text-stone-800 hover:bg-brand-50 hover:text-brand-800"
              }`}
            >
              {Icon ? <Icon aria-hidden="true" className="size-5 shrink-0" /> : null}
              <span>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
