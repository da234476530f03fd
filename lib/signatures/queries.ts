import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { campaigns, signatures } from "@/db/schema";
import { cached, invalidate } from "@/lib/short-cache";
import { isBlockedFlag } from "@/lib/moderation/lists";
import { publicName } from "./public-name";
import { detailsDigest, isTokenShaped, tokenHash } from "./tokens";

export type PublicSigner = { name: string; validatedAt: Date };

/** The latest confirmed signers who chose to be shown, as first name and last initial. */
export function listRecentPublicSigners(campaignId: string, limit = 8): Promise<PublicSigner[]> {
  return cached(`signers:${campaignId}:${limit}`, () => loadRecentPublicSigners(campaignId, limit));
}

/** After a confirmation here: the signer sees their own name at once. */
export function forgetRecentPublicSigners(campaignId: string): void {
  invalidate(`signers:${campaignId}:`);
}

async function loadRecentPublicSigners(campaignId: string, limit: number): Promise<PublicSigner[]> {
  const db = await getDb();
  const rows = await db
    .select({ fullName: signatures.fullName, validatedAt: signatures.validatedAt })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    // A campaign whose names are hidden (a safety control) shows none, whatever each signer chose.
    .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "validated"), eq(signatures.showName, true), eq(campaigns.namesHidden, false)))
    .orderBy(desc(signatures.validatedAt))
    .limit(limit);
  return rows.map((r) => ({ name: publicName(r.fullName), validatedAt: r.validatedAt! }));
}

/**
 * Where a confirmed signature stands in its campaign's confirmation order (1 for the
 * first), for the thank-you page: a count over the (campaign, validated_at) index.
 */
export async function confirmationNumber(token: string): Promise<number | null> {
  if (!isTokenShaped(token)) return null;
  const db = await getDb();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n
        from signatures s join signatures o
          on o.campaign_id = s.campaign_id and o.status = 'validated' and o.validated_at <= s.validated_at
        where s.token_hash = ${tokenHash(token)} and s.status = 'validated'`,
  );
  return row && Number(row.n) > 0 ? Number(row.n) : null;
}

/** A confirmation this long after its campaign closed still counts: the person signed in time. */
export const CONFIRM_GRACE_AFTER_CLOSE_HOURS = 24;

/** SQL over campaigns `c`: when it stopped collecting, also a live one past its end date the deadline job has not closed yet. */
const campaignClosedAt = sql`(case when c.status in ('closed', 'won') then c.closed_at
  when c.status = 'live' and c.ends_at <= now() then c.ends_at end)`;

/** SQL over campaigns `c`: whether a confirmation made now still counts. */
export const campaignOpenForConfirming = sql`(c.status in ('live', 'closed', 'won')
  and coalesce(${campaignClosedAt}, 'infinity') > now() - make_interval(hours => ${CONFIRM_GRACE_AFTER_CLOSE_HOURS}::int))`;

export type TokenSignature = {
  status: string;
  referralCode: string;
  expired: boolean;
  campaignSlug: string;
  /** The name as given, its public form, and whether it is to be shown: what the page shows its owner. */
  fullName: string;
  publicName: string;
  showName: boolean;
  detailsDigest: string;
  /** Whether a confirmation now would count; when the campaign closed, and the end of the grace after. */
  campaignOpen: boolean;
  closedAt: Date | null;
  confirmBy: Date | null;
};

/**
 * The signature a confirmation token belongs to, or null. It carries the signer's
 * name: only for the page that token opens (its holder reads the email it was sent to).
 */
export async function findSignatureForToken(token: string): Promise<TokenSignature | null> {
  if (!isTokenShaped(token)) return null;
  const db = await getDb();
  const [row] = await queryRows<{
    id: string; status: string; referral_code: string; expired: boolean; slug: string;
    full_name: string; show_name: boolean; open: boolean; closed_at: string | Date | null; flagged_reason: string | null;
  }>(
    db,
    sql`select s.id, s.status, s.referral_code, s.token_expires_at <= now() as expired, c.slug, s.flagged_reason,
               s.full_name, s.show_name, ${campaignOpenForConfirming} as open,
               ${campaignClosedAt} as closed_at
        from signatures s join campaigns c on c.id = s.campaign_id
        where s.token_hash = ${tokenHash(token)} limit 1`,
  );
  if (!row) return null;
  const closedAt = row.closed_at ? new Date(row.closed_at) : null;
  return {
    // A blocked signer's confirmed signature (fraudulent, uncounted) shows them what any other would.
    status: row.status === "fraudulent" && isBlockedFlag(row.flagged_reason) ? "validated" : row.status,
    referralCode: row.referral_code,
    expired: Boolean(row.expired),
    campaignSlug: row.slug,
    fullName: row.full_name,
    publicName: publicName(row.full_name),
    showName: Boolean(row.show_name),
    detailsDigest: detailsDigest(row.id, row.full_name),
    campaignOpen: Boolean(row.open),
    closedAt,
    confirmBy: closedAt ? new Date(closedAt.getTime() + CONFIRM_GRACE_AFTER_CLOSE_HOURS * 3600_000) : null,
  };
}
