// Database-test fixtures for campaign updates: many confirmed signers at once, in one
// INSERT … SELECT (the 100,000-signer bench uses it too), and an update to send.
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignUpdates } from "@/db/schema";

/**
 * Inserts `count` signers of a campaign, addresses `${prefix}${i}@example.org`: confirmed
 * and opted in unless told otherwise; every third one Spanish.
 */
export async function seedSigners(
  campaignId: string,
  count: number,
  options: { prefix?: string; optedIn?: boolean; status?: "validated" | "pending"; referredBy?: string | null } = {},
): Promise<void> {
  const prefix = options.prefix ?? "signer";
  const optedIn = options.optedIn ?? true;
  await (await getDb()).execute(
    sql`insert into signatures (campaign_id, status, full_name, email, email_canonical, locale, referral_code, referred_by,
                                updates_consent_text, updates_consent_at, validated_at)
        select ${campaignId}, ${options.status ?? "validated"}::signature_status, 'Signer ' || i,
               ${prefix} || i || '@example.org', ${prefix} || i || '@example.org',
               (case when i % 3 = 0 then 'es' else 'en' end)::locale,
               ${prefix} || '-' || i || '-' || substr(md5(random()::text), 1, 8), ${options.referredBy ?? null}::text,
               case when ${optedIn}::boolean then 'Email me updates' end,
               case when ${optedIn}::boolean then now() end, now()
        from generate_series(1, ${count}::int) as i`,
  );
}

export async function createUpdate(campaignId: string, groupId: string, values: Partial<typeof campaignUpdates.$inferInsert> = {}) {
  const [row] = await (await getDb())
    .insert(campaignUpdates)
    .values({
      campaignId, groupId,
      subject: "Amazon answered", subjectEs: "Amazon respondió",
      body: "They wrote back. **Thank you.**", bodyEs: "Respondieron. **Gracias.**",
      ...values,
    })
    .returning();
  return row;
}
