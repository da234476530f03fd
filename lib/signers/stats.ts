import "server-only";
// A campaign's figures for its organizers: signatures per day by their state now, where
// they came from (a share link or not), and how many got confirmed, overall and by mail
// domain (a provider that swallows confirmation mail shows as a low rate). Group-scoped
// like every signers query.
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import type { SignersScope } from "./filter";

// The chart shows at most this many days (the most recent).
export const STATS_DAYS = 120;
const DOMAIN_ROWS = 10;

export type DayCount = { day: string; confirmed: number; pending: number };
export type SourceCount = { source: "direct" | "shared"; total: number; confirmed: number };
export type DomainRate = { domain: string; total: number; confirmed: number };

export type CampaignStats = {
  days: DayCount[];
  sources: SourceCount[];
  total: number;
  confirmed: number;
  pending: number;
  domains: DomainRate[];
};

const scoped = (scope: SignersScope) =>
  sql`s.campaign_id = ${scope.campaignId} and exists (select 1 from campaigns c where c.id = ${scope.campaignId} and c.group_id = ${scope.groupId})`;

export async function getCampaignStats(scope: SignersScope): Promise<CampaignStats> {
  const db = await getDb();
  const where = scoped(scope);
  const days = await queryRows<{ day: string; confirmed: number; pending: number }>(db, sql`
    select to_char(date_trunc('day', s.created_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
           count(*) filter (where s.status = 'validated')::int as confirmed,
           count(*) filter (where s.status = 'pending')::int as pending
    from signatures s where ${where}
    group by 1 order by 1 desc limit ${STATS_DAYS}`);
  const sources = await queryRows<{ source: "direct" | "shared"; total: number; confirmed: number }>(db, sql`
    select case when s.referred_by is null then 'direct' else 'shared' end as source,
           count(*)::int as total, count(*) filter (where s.status = 'validated')::int as confirmed
    from signatures s where ${where} group by 1 order by 1`);
  // Invalidated and fraudulent signatures are left out of the rates: they say nothing about mail.
  const domains = await queryRows<{ domain: string; total: number; confirmed: number }>(db, sql`
    select split_part(s.email_canonical, '@', 2) as domain, count(*)::int as total,
           count(*) filter (where s.status = 'validated')::int as confirmed
    from signatures s where ${where} and s.status in ('validated', 'pending')
    group by 1 order by 2 desc, 1 limit ${DOMAIN_ROWS}`);
  const num = <T extends Record<string, unknown>>(row: T, ...keys: (keyof T)[]) => {
    for (const key of keys) (row as Record<string, unknown>)[key as string] = Number(row[key]);
    return row;
  };
  const sourceRows = sources.map((r) => num(r, "total", "confirmed"));
  const confirmed = sourceRows.reduce((sum, r) => sum + r.confirmed, 0);
  const [totals] = await queryRows<{ total: number; pending: number }>(db, sql`
    select count(*)::int as total, count(*) filter (where s.status = 'pending')::int as pending
    from signatures s where ${where}`);
  return {
    days: days.map((r) => num(r, "confirmed", "pending")).reverse(),
    sources: sourceRows,
    total: Number(totals?.total ?? 0),
    confirmed,
    pending: Number(totals?.pending ?? 0),
    domains: domains.map((r) => num(r, "total", "confirmed")),
  };
}

/** Confirmed out of confirmed + pending, as a whole percentage (null when there are none). */
export function confirmationRate(confirmed: number, pending: number): number | null {
  const total = confirmed + pending;
  return total === 0 ? null : Math.round((confirmed / total) * 100);
}
