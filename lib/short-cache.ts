// A few-second read-through cache for what public pages read on every view: a
// campaign, its count, its recent signers (`cached`), and, in its own smaller store,
// the rendered pages themselves (lib/page-cache.ts). Under a burst it turns thousands
// of identical reads into one per interval; the database stays the only source of
// truth, and every instance converges within the TTL. Concurrent readers of a missing
// key share one load. Each store is a bounded LRU (lru-cache): what is read often
// stays, what was read once goes first.
import { LRUCache } from "lru-cache";

type Entry = { value: Promise<unknown> };

const PUBLIC_TTL_MS = 2000;

export type ShortCache = {
  cached<T>(key: string, load: () => Promise<T>, ttlMs?: number): Promise<T>;
  /** As `cached`, and whether the value was already there (true) or this call loaded it. */
  lookup<T>(key: string, load: () => Promise<T>, ttlMs?: number): { value: Promise<T>; hit: boolean };
  /** Drops this process's entries whose key starts with prefix (after a change made here). */
  invalidate(prefix: string): void;
};

/**
 * A cache of at most `maxEntries` (the least recently read goes first), kept on
 * globalThis under `name`: Next.js bundles pages, route handlers and the proxy
 * separately, and they must share one cache (and its invalidations) per process.
 */
export function shortCache(name: string, maxEntries: number): ShortCache {
  const holder = globalThis as unknown as Record<string, LRUCache<string, Entry>>;
  const entries = (holder[`__cutTies_lru_${name}`] ??= new LRUCache<string, Entry>({ max: maxEntries }));
  const lookup = <T>(key: string, load: () => Promise<T>, ttlMs = PUBLIC_TTL_MS) => {
    const hit = entries.get(key);
    if (hit) return { value: hit.value as Promise<T>, hit: true };
    const entry: Entry = { value: load() };
    entries.set(key, entry, { ttl: ttlMs });
    entry.value.then(
      // The TTL counts from when the value is there: a render that took a second
      // under load would otherwise be kept for only the rest of the interval.
      () => {
        if (entries.peek(key) === entry) entries.set(key, entry, { ttl: ttlMs });
      },
      // A failed load is not kept: the next reader tries again.
      () => {
        if (entries.peek(key) === entry) entries.delete(key);
      },
    );
    return { value: entry.value as Promise<T>, hit: false };
  };
  return {
    lookup,
    cached: (key, load, ttlMs) => lookup(key, load, ttlMs).value,
    invalidate(prefix: string): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}

const data = shortCache("data", 1000);
export const cached = data.cached;
export const invalidate = data.invalidate;
