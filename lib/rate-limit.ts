import "server-only";
// Fixed-window limits kept in PostgreSQL, so every app instance shares them. One
// statement counts a hit on every key at once; `rateLimitCheck` gives that statement
// as SQL so signing can run it in the same statement as the insert it guards.
//
// A limit either refuses what goes over it (the default) or only flags it: signing
// uses a flagging limit per IP that a campus rally may pass (its signatures are kept
// and marked for review) and refusing limits far above a rally's pace (as
// alphagov/e-petitions pairs a burst rate with a sustained one).
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";

export type Limit = { key: string; max: number; seconds: number; onExceed?: "refuse" | "flag" };

export type RateLimitCheck = {
  /** An insert…returning to use as a CTE named `hits`. */
  hits: SQL;
  /** Boolean over `hits`: no refusing limit is exceeded. */
  withinLimits: SQL;
  /** Boolean over `hits`: some flagging limit is exceeded. */
  overFlagLimit: SQL;
  /** text[] over `hits`: the keys over their limit, for `retryAfter`. */
  exceededKeys: SQL;
  /** Whole seconds until every refusing window among `exceededKeys` has ended (0 if none). */
  retryAfter(exceededKeys: readonly string[]): number;
};

const windowOf = (l: Limit, now: number) => {
  const ms = l.seconds * 1000;
  const start = Math.floor(now / ms) * ms;
  return { start, end: start + ms };
};

export function rateLimitCheck(limits: Limit[], now = Date.now()): RateLimitCheck {
  if (limits.length === 0) throw new Error("rateLimitCheck needs at least one limit");
  // Two limits on one key would share rows (their windows can start at the same instant).
  if (new Set(limits.map((l) => l.key)).size !== limits.length) throw new Error("rateLimitCheck: keys must differ");
  const rows = limits.map((l) => sql`(${l.key}::text, ${new Date(windowOf(l, now).start).toISOString()}::timestamptz, 1)`);
  const maxByKey = sql`case key ${sql.join(
    limits.map((l) => sql`when ${l.key}::text then ${l.max}::int`),
    sql` `,
  )} end`;
  const keysWhere = (mode: "refuse" | "flag") => {
    const keys = limits.filter((l) => (l.onExceed ?? "refuse") === mode).map((l) => sql`${l.key}::text`);
    return keys.length ? sql`key in (${sql.join(keys, sql`, `)})` : sql`false`;
  };
  return {
    hits: sql`insert into rate_limit_hits (key, window_start, hits) values ${sql.join(rows, sql`, `)}
              on conflict (key, window_start) do update set hits = rate_limit_hits.hits + 1
              returning key, hits`,
    withinLimits: sql`(select coalesce(bool_and(hits <= ${maxByKey}), true) from hits where ${keysWhere("refuse")})`,
    overFlagLimit: sql`(select coalesce(bool_or(hits > ${maxByKey}), false) from hits where ${keysWhere("flag")})`,
    exceededKeys: sql`(select coalesce(array_agg(key), '{}'::text[]) from hits where hits > ${maxByKey})`,
    retryAfter(exceededKeys) {
      const ends = limits
        .filter((l) => (l.onExceed ?? "refuse") === "refuse" && exceededKeys.includes(l.key))
        .map((l) => windowOf(l, now).end);
      if (ends.length === 0) return 0;
      return Math.max(1, Math.ceil((Math.max(...ends) - now) / 1000));
    },
  };
}

/** Counts one hit on each key; true when no refusing limit is exceeded. */
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
