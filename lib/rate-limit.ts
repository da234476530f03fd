import "server-only";
// Fixed-window limits kept in PostgreSQL, so every app instance shares them. One
// statement counts a hit on every key at once; `rateLimitCheck` gives that statement
// as SQL so signing can run it in the same statement as the insert it guards.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";

export type Limit = { key: string; max: number; seconds: number };

/**
 * `hits`: an insert…returning to use as a CTE named `hits`; `withinLimits`: a boolean
 * expression over that CTE, true when every key is still within its limit.
 */
export function rateLimitCheck(limits: Limit[], now = Date.now()): { hits: SQL; withinLimits: SQL } {
  if (limits.length === 0) throw new Error("rateLimitCheck needs at least one limit");
  const rows = limits.map((l) => {
    const windowMs = l.seconds * 1000;
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs).toISOString();
    return sql`(${l.key}::text, ${windowStart}::timestamptz, 1)`;
  });
  const maxByKey = sql.join(
    limits.map((l) => sql`when ${l.key}::text then ${l.max}::int`),
    sql` `,
  );
  return {
    hits: sql`insert into rate_limit_hits (key, window_start, hits) values ${sql.join(rows, sql`, `)}
              on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
              returning key, hits`,
    withinLimits: sql`(select coalesce(bool_and(hits <= case key ${maxByKey} end), true) from hits)`,
  };
}

/** Counts one hit on each key; true when every key is still within its limit. */
export async function hitRateLimits(db: DbOrTx, limits: Limit[], now = Date.now()): Promise<boolean> {
  if (limits.length === 0) return true;
  const { hits, withinLimits } = rateLimitCheck(limits, now);
  const [row] = await queryRows<{ ok: boolean }>(db, sql`with hits as (${hits}) select ${withinLimits} as ok`);
  return row?.ok === true;
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
