import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "next-intl";

// A namespace ("ideas"), or one part of it ("ideas.themes", "ideas.send").
type Path = keyof Messages | `${keyof Messages}.${string}`;
type Tree = { [key: string]: string | Tree };

// The texts the browser receives: only what the client components of a part of the portal use
// (every page used to carry all 60 kB of them). The root layout gives `app`; each part's layout
// names its own (a provider replaces the one above it, so each list is whole, `app` included
// here). The general refusals (`errors`, 5 kB) come in words with each refusal (lib/action.ts):
// only the booklet's pages send them, whose import preview names them in its lines. A page whose
// forms use a few texts of a large namespace names those parts (the idea board: 1 of the 8 kB;
// the proxies on a meeting's page: 2 of the votes' 12 kB; issue 21).
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Path[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as unknown as Tree;
  const picked: Tree = {};
  for (const path of ["app", ...namespaces]) {
    const keys = path.split(".");
    const last = keys.pop()!;
    let from: Tree | string | undefined = messages;
    let to = picked;
    for (const key of keys) {
      from = typeof from === "object" ? from[key] : undefined;
      to = (to[key] ??= {}) as Tree;
    }
    const value = typeof from === "object" ? from[last] : undefined;
    if (value !== undefined) to[last] = value;
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
