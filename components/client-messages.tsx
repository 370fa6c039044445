import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "next-intl";

// The texts the browser receives: only the namespaces the client components of a part of the
// portal use (every page used to carry all 60 kB of them). The portal's layout gives `app` and
// `errors`; each part's layout names its own (a provider replaces the one above it, so each
// list is whole).
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries((["app", "errors", ...namespaces] as const).map((n) => [n, messages[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
