import type { ComponentProps } from "react";

// The portal's links: plain anchors that the one listener of components/soft-links.tsx brings into
// the same document, as Next.js's Link would (the next page comes without reloading the scripts),
// with no prefetching. Next.js's Link is a client component: each one cost the server's render
// 35–130 µs on every page view (twelve in the sections' navigation were 0.4–1.6 ms a page), for
// what one listener on the window does for them all (issue 21). Without JavaScript, or with a
// modifier key, it is the browser's own link.
export default function Link({ href, ...props }: ComponentProps<"a"> & { href: string }) {
  return <a data-soft="" href={href} {...props} />;
}
