import "server-only";
// Fixed-window limits kept in PostgreSQL, so every app instance shares them. One
// statement counts a hit on every key at once and returns the new totals.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";

export type Limit = { key: string; max: number; seconds: number };

/** Counts one hit on each key; true when every key is still within its limit. */
export async function hitRateLimits(db: DbOrTx, limits: Limit[], now = Date.now()): Promise<boolean> {
  if (limits.length === 0) return true;
  const rows = limits.map((l) => {
    const windowMs = l.seconds * 1000;
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs).toISOString();
    return sql`(${l.key}, ${windowStart}::timestamptz, 1)`;
  });
  const result = await queryRows<{ key: string; hits: number }>(
    db,
    sql`insert into rate_limit_hits (key, window_start, hits) values ${sql.join(rows, sql`, `)}
        on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
        returning key, hits`,
  );
  const hits = new Map(result.map((r) => [r.key, Number(r.hits)]));
  return limits.every((l) => (hits.get(l.key) ?? 0) <= l.max);
}

/** Drops windows that ended more than a day ago. */
export async function purgeRateLimits(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with d as (delete from rate_limit_hits where window_start < now() - interval '1 day' returning 1)
        select count(*)::int as n from d`,
  );
  return Number(rows[0]?.n ?? 0);
}
