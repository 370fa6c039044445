import "server-only";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";

// What does not change from one request to the next and depends on the cooperative only — never
// on the person — kept in Next's data cache between requests, under a tag the actions that change
// it expire (read-your-own-writes in the action's own answer). The key always holds the
// cooperative (its id or its address), so one cooperative's entry is never another's.
//
// Each web process keeps its own entries: with several web instances, another instance sees a
// change when its entry expires (TTL below) — for names shown on a page, not for rights, which
// are read per request (lib/auth/actor.ts). Outside a Next.js request (tests, the worker, the
// command-line scripts) there is no cache and the read is done as is.

const TTL_SECONDS = 600;
const NO_CACHE = "Invariant: incrementalCache missing";
// A read that found nothing is not kept (a cooperative created next minute must be found).
class NothingFound extends Error {}

export type CacheKind = "cooperative" | "colleges" | "body";
const tagOf = (kind: CacheKind, key: string) => `${kind}:${key}`;

export async function cached<T>(
  kind: CacheKind,
  key: string,
  read: () => Promise<T | null>,
): Promise<T | null> {
  const keep = unstable_cache(
    async () => {
      const value = await read();
      if (value === null) throw new NothingFound();
      return value;
    },
    [kind, key],
    { tags: [tagOf(kind, key)], revalidate: TTL_SECONDS },
  );
  try {
    return await keep();
  } catch (error) {
    if (error instanceof NothingFound) return null;
    if (error instanceof Error && error.message.startsWith(NO_CACHE)) return read();
    throw error;
  }
}

// After a change: the entry goes at once (in a server action, the answer already reads anew).
export function forget(kind: CacheKind, key: string) {
  const tag = tagOf(kind, key);
  try {
    updateTag(tag);
  } catch {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      // Outside a Next.js request: nothing was cached.
    }
  }
}
