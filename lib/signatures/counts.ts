import "server-only";
// The confirmed count without a hot row (what took the UK petitions site down in
// 2019): each confirmation adds 1 to one of SHARDS rows picked at random, inside the
// confirming transaction, and the count is their sum. recountSignatures() rebuilds
// the shards from the signatures themselves, repairing any drift.
import { inArray, sql } from "drizzle-orm";
import { getDb, queryRows, type DbOrTx } from "@/db/client";
import { signatureCountShards } from "@/db/schema";

export const SHARDS = 16;

export async function confirmedCounts(campaignIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (campaignIds.length === 0) return counts;
  const db = await getDb();
  const rows = await db
    .select({
      campaignId: signatureCountShards.campaignId,
      confirmed: sql<number>`sum(${signatureCountShards.confirmed})::int`,
    })
    .from(signatureCountShards)
    .where(inArray(signatureCountShards.campaignId, campaignIds))
    .groupBy(signatureCountShards.campaignId);
  for (const r of rows) counts.set(r.campaignId, Number(r.confirmed));
  return counts;
}

export async function confirmedCount(campaignId: string): Promise<number> {
  return (await confirmedCounts([campaignId])).get(campaignId) ?? 0;
}

/** Adds one confirmation to a random shard; call inside the confirming transaction. */
export async function countConfirmation(tx: DbOrTx, campaignId: string): Promise<void> {
  const shard = Math.floor(Math.random() * SHARDS);
  await tx.execute(sql`
    insert into signature_count_shards (campaign_id, shard, confirmed) values (${campaignId}, ${shard}, 1)
    on conflict (campaign_id, shard) do update set confirmed = signature_count_shards.confirmed + 1`);
}

/** Takes confirmations away (their signatures were deleted); call inside the deleting transaction. */
export async function countRemovals(tx: DbOrTx, removedByCampaign: Map<string, number>): Promise<void> {
  for (const [campaignId, removed] of removedByCampaign) {
    const shard = Math.floor(Math.random() * SHARDS);
    await tx.execute(sql`
      insert into signature_count_shards (campaign_id, shard, confirmed) values (${campaignId}, ${shard}, ${-removed})
      on conflict (campaign_id, shard) do update set confirmed = signature_count_shards.confirmed - ${removed}`);
  }
}

export type RecountResult = { campaignId: string; before: number; after: number }[];

/**
 * Rebuilds every campaign's shards from its validated signatures (or only those of
 * `campaignIds`, after a bulk invalidation); returns what changed.
 */
export async function recountSignatures(db?: DbOrTx, campaignIds?: string[]): Promise<RecountResult> {
  if (campaignIds && campaignIds.length === 0) return [];
  const conn = db ?? (await getDb());
  const only = campaignIds ? sql`where c.id in (${sql.join(campaignIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return conn.transaction(async (tx) => {
    // Confirmations wait while the shards are rebuilt, so none is lost in between.
    await tx.execute(sql`lock table signature_count_shards in share row exclusive mode`);
    const rows = await queryRows<{ campaign_id: string; before: number; after: number }>(
      tx,
      sql`select c.id as campaign_id,
                 coalesce((select sum(confirmed) from signature_count_shards s where s.campaign_id = c.id), 0)::int as before,
                 (select count(*) from signatures g where g.campaign_id = c.id and g.status = 'validated')::int as after
          from campaigns c ${only}`,
    );
    const drifted = rows.filter((r) => Number(r.before) !== Number(r.after));
    for (const r of drifted) {
      await tx.execute(sql`delete from signature_count_shards where campaign_id = ${r.campaign_id}`);
      await tx.execute(sql`insert into signature_count_shards (campaign_id, shard, confirmed)
                           values (${r.campaign_id}, 0, ${r.after})`);
    }
    return drifted.map((r) => ({ campaignId: r.campaign_id, before: Number(r.before), after: Number(r.after) }));
  });
}
