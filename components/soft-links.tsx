"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

// Which clicks on a link of ours (`data-soft`, components/link.tsx) the router takes: a plain left
// click (or Enter) on a link to this site, to be shown in this tab. A modifier key, another button,
// a target or a download is the browser's (new tab, new window, saving the file).
export function softHref(event: MouseEvent, origin: string): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[data-soft]") : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href);
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

// One listener on the window for every link of the portal, after React's own (on the document), so
// that a handler of the page that prevents the default keeps the last word.
export function SoftLinks() {
  const router = useRouter();
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      const href = softHref(event, window.location.origin);
      if (href === null) return;
      event.preventDefault();
      router.push(href);
    };
    window.addEventListener("click", follow);
    return () => window.removeEventListener("click", follow);
  }, [router]);
  return null;
}
