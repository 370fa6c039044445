import NextLink from "next/link";
import type { ComponentProps } from "react";

// The portal's links: Next.js's Link (the next page comes without reloading the scripts), with no
// prefetching. Every member page is dynamic (it depends on the person signed in), so Next.js
// prefetches only the route's tree and its <head> for each link in view, and the click asks the
// server for the page anyway. That was 22–38 requests to the server on each page view (the
// sections, then every entry of a list), 1.8–4.6 ms of the server's CPU each: three to five times
// what the page itself cost it (issue 21). A link may still ask for it with prefetch={true}.
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
