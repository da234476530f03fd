import "server-only";
// Leaving: from one campaign's updates (the signature's consent is cleared, so no later
// update of that campaign is queued, and queued ones are dropped when claimed), or from
// all mail (the address joins the suppression list every send respects).
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { signatureFromToken } from "./tokens";

export type UnsubscribeScope = "campaign" | "all";
export type UnsubscribeTarget = { signatureId: string; campaignTitle: string; campaignTitleEs: string | null; optedIn: boolean };

/** Who a link's token names, for the unsubscribe page; null when the token is not ours or the signature is gone. */
export async function findUnsubscribeTarget(token: unknown): Promise<UnsubscribeTarget | null> {
  const signatureId = signatureFromToken(token);
  if (!signatureId) return null;
  const [row] = await queryRows<{ title: string; title_es: string | null; opted_in: boolean }>(
    await getDb(),
    sql`select c.title, c.title_es, s.updates_consent_at is not null as opted_in
        from signatures s join campaigns c on c.id = s.campaign_id where s.id = ${signatureId}`,
  );
  return row ? { signatureId, campaignTitle: row.title, campaignTitleEs: row.title_es, optedIn: row.opted_in } : null;
}

/** Unsubscribes the token's signer; false when the token is not ours or the signature is gone. Repeating it changes nothing. */
export async function unsubscribe(token: unknown, scope: UnsubscribeScope): Promise<boolean> {
  const signatureId = signatureFromToken(token);
  if (!signatureId) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [signature] = await queryRows<{ email_canonical: string }>(
      tx,
      sql`update signatures set updates_consent_at = null, updates_consent_text = null
          where id = ${signatureId} returning email_canonical`,
    );
    if (!signature) return false;
    // Counted against the latest update this signer was sent (its "unsubscribed" figure).
    await tx.execute(
      sql`update update_deliveries set unsubscribed_at = now()
          where id = (select id from update_deliveries where signature_id = ${signatureId} and status <> 'queued'
                      order by sent_at desc nulls last limit 1)
            and unsubscribed_at is null`,
    );
    if (scope === "all") {
      await tx.execute(
        sql`insert into suppressions (email_canonical, reason) values (${signature.email_canonical}, 'unsubscribe-all')
            on conflict (email_canonical) do nothing`,
      );
    }
    return true;
  });
}
