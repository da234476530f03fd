// A few-second read-through cache for public data read on every page view (a
// campaign, its count, its recent signers). Under a burst it turns thousands of
// identical reads into one per interval; the database stays the only source of
// truth, and every instance converges within the TTL.
type Entry<T> = { expires: number; value: Promise<T> };

const MAX_ENTRIES = 1000;
// On globalThis: Next.js bundles pages and route handlers separately, and they must
// share one cache (and its invalidations) per process.
const holder = globalThis as unknown as { __cutTiesShortCache?: Map<string, Entry<unknown>> };
const entries = (holder.__cutTiesShortCache ??= new Map());

export const PUBLIC_TTL_MS = 2000;

export function cached<T>(key: string, load: () => Promise<T>, ttlMs = PUBLIC_TTL_MS): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && hit.expires > now) return hit.value;
  const value = load();
  // A failed load is not kept: the next reader tries again.
  value.catch(() => entries.delete(key));
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { expires: now + ttlMs, value });
  return value;
}

/** Drops this process's entries whose key starts with prefix (after a change made here). */
export function invalidate(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
