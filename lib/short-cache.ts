// A few-second read-through cache for what public pages read on every view: a
// campaign, its count, its recent signers (`cached`), and, in its own smaller store,
// the rendered pages themselves (lib/page-cache.ts). Under a burst it turns thousands
// of identical reads into one per interval; the database stays the only source of
// truth, and every instance converges within the TTL. Concurrent readers of a missing
// key share one load. Each store is a bounded LRU (lru-cache): what is read often
// stays, what was read once goes first.
import { LRUCache } from "lru-cache";

type Entry = {
  value: Promise<unknown>;
  /** performance.now() until which the value is fresh; Infinity while it loads. */
  freshUntil: number;
  /** A newer value is loading while this one is served stale. */
  refreshing?: boolean;
};

const PUBLIC_TTL_MS = 2000;

export type CacheOptions = {
  /** Fresh for this long after the load finished. */
  ttlMs?: number;
  /**
   * After that, for this long more, the old value is still answered (a hit) while one
   * reader's load replaces it: under load, nobody waits for a refresh. 0: everyone
   * waits for the new value.
   */
  staleMs?: number;
};

export type ShortCache = {
  cached<T>(key: string, load: () => Promise<T>, ttlMs?: number): Promise<T>;
  /** As `cached`, and whether the value was already there (true) or this call loaded it. */
  lookup<T>(key: string, load: () => Promise<T>, options?: CacheOptions): { value: Promise<T>; hit: boolean };
  /** Drops this process's entries whose key starts with prefix (after a change made here). */
  invalidate(prefix: string): void;
};

/**
 * A cache of at most `maxEntries` (the least recently read goes first), kept on
 * globalThis under `name`: Next.js bundles pages, route handlers and the proxy
 * separately, and they must share one cache (and its invalidations) per process.
 */
const shared = globalThis as unknown as { __cutTiesShareInvalidation?: (name: string, prefix: string) => void };

export function shortCache(name: string, maxEntries: number): ShortCache {
  const holder = globalThis as unknown as Record<string, LRUCache<string, Entry>>;
  // lru-cache's TTL is the hard limit (fresh + stale); freshness is ours.
  const entries = (holder[`__cutTies_lru_${name}`] ??= new LRUCache<string, Entry>({ max: maxEntries }));

  function start(key: string, load: () => Promise<unknown>, ttlMs: number, staleMs: number, previous?: Entry): Entry {
    const entry: Entry = { value: load(), freshUntil: Infinity };
    // A refresh goes in only once it has its value: until then the stale one answers.
    if (!previous) entries.set(key, entry, { ttl: ttlMs + staleMs });
    entry.value.then(
      // The TTL counts from when the value is there: a render that took a second
      // under load would otherwise be kept for only the rest of the interval.
      () => {
        entry.freshUntil = performance.now() + ttlMs;
        if (previous ? entries.peek(key) === previous : entries.peek(key) === entry) {
          entries.set(key, entry, { ttl: ttlMs + staleMs });
        }
      },
      // A failed load is not kept: the next reader tries again (a stale value stays).
      () => {
        if (previous) previous.refreshing = false;
        else if (entries.peek(key) === entry) entries.delete(key);
      },
    );
    return entry;
  }

  function lookup<T>(key: string, load: () => Promise<T>, { ttlMs = PUBLIC_TTL_MS, staleMs = 0 }: CacheOptions = {}) {
    const found = entries.get(key);
    if (found && performance.now() < found.freshUntil) return { value: found.value as Promise<T>, hit: true };
    if (found && staleMs > 0) {
      if (!found.refreshing) {
        found.refreshing = true;
        start(key, load, ttlMs, staleMs, found);
      }
      return { value: found.value as Promise<T>, hit: true };
    }
    return { value: start(key, load, ttlMs, staleMs).value as Promise<T>, hit: false };
  }

  return {
    lookup,
    cached: (key, load, ttlMs) => lookup(key, load, { ttlMs }).value,
    invalidate(prefix: string): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
      // The other processes of a cluster forget theirs too (server/app-server.mjs relays).
      shared.__cutTiesShareInvalidation?.(name, prefix);
    },
  };
}

const data = shortCache("data", 1000);
export const cached = data.cached;
export const invalidate = data.invalidate;
