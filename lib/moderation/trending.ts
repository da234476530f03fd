import "server-only";
// The trending report: who signs fastest right now. Signatures in the last hour per
// campaign and hashed IP, and per campaign and mail domain, busiest first (e-petitions
// reviews the same each hour). Only hashes and domains: the report lists nobody.
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";

export type TrendingRow = { campaignId: string; campaignTitle: string; key: string; signatures: number; flagged: number };

export const TRENDING_ROWS = 25;

async function trending(keyExpr: ReturnType<typeof sql>, minimum: number, now: Date): Promise<TrendingRow[]> {
  const db = await getDb();
  const rows = await queryRows<{ campaign_id: string; title: string; key: string; n: number; flagged: number }>(
    db,
    sql`select t.campaign_id, c.title, t.key, t.n, t.flagged
        from (select s.campaign_id, ${keyExpr} as key, count(*)::int as n,
                     count(*) filter (where s.flagged_reason is not null)::int as flagged
              from signatures s
              where s.created_at > ${now.toISOString()}::timestamptz - interval '1 hour'
                and s.created_at <= ${now.toISOString()}::timestamptz
              group by 1, 2
              having count(*) >= ${minimum}::int) t
        join campaigns c on c.id = t.campaign_id
        where t.key is not null
        order by t.n desc, c.title, t.key
        limit ${TRENDING_ROWS}`,
  );
  return rows.map((r) => ({ campaignId: r.campaign_id, campaignTitle: r.title, key: r.key, signatures: Number(r.n), flagged: Number(r.flagged) }));
}

/** Hashed IPs with at least `minimum` signatures on one campaign in the hour before `now`. */
export function trendingIps(minimum = 10, now = new Date()): Promise<TrendingRow[]> {
  return trending(sql`s.ip_hash`, minimum, now);
}

/** Mail domains with at least `minimum` signatures on one campaign in the hour before `now`. */
export function trendingDomains(minimum = 10, now = new Date()): Promise<TrendingRow[]> {
  return trending(sql`split_part(s.email_canonical, '@', 2)`, minimum, now);
}
