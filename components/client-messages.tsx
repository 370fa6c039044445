import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "next-intl";

// The texts the browser receives: only the namespaces the client components of a part of the
// portal use (every page used to carry all 60 kB of them). The root layout gives `app`; each
// part's layout names its own, with `errors` where its forms show a refusal (a provider replaces
// the one above it, so each list is whole, `app` included here). The pages without a form (home,
// decision record, actions, directory, search) carry no refusal texts: 5 kB less (issue 21).
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries((["app", ...namespaces] as const).map((n) => [n, messages[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
