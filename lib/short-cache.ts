// A few-second read-through cache for what public pages read on every view: a
// campaign, its count, its recent signers (`cached`), and, in its own smaller store,
// the rendered pages themselves (lib/page-cache.ts). Under a burst it turns thousands
// of identical reads into one per interval; the database stays the only source of
// truth, and every instance converges within the TTL. Concurrent readers of a missing
// key share one load.
type Entry<T> = { expires: number; value: Promise<T> };

const PUBLIC_TTL_MS = 2000;

export type ShortCache = {
  cached<T>(key: string, load: () => Promise<T>, ttlMs?: number): Promise<T>;
  /** Drops this process's entries whose key starts with prefix (after a change made here). */
  invalidate(prefix: string): void;
};

/**
 * A cache of at most `maxEntries` (the oldest goes first), kept on globalThis under
 * `name`: Next.js bundles pages, route handlers and the proxy separately, and they
 * must share one cache (and its invalidations) per process.
 */
export function shortCache(name: string, maxEntries: number): ShortCache {
  const holder = globalThis as unknown as Record<string, Map<string, Entry<unknown>>>;
  const entries = (holder[`__cutTies_cache_${name}`] ??= new Map());
  return {
    cached<T>(key: string, load: () => Promise<T>, ttlMs = PUBLIC_TTL_MS): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key) as Entry<T> | undefined;
      if (hit && hit.expires > now) return hit.value;
      const value = load();
      // A failed load is not kept: the next reader tries again.
      value.catch(() => entries.delete(key));
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { expires: now + ttlMs, value });
      return value;
    },
    invalidate(prefix: string): void {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}

const data = shortCache("data", 1000);
export const cached = data.cached;
export const invalidate = data.invalidate;
