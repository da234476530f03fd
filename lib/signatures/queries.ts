import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { signatures } from "@/db/schema";
import { cached, invalidate } from "@/lib/short-cache";
import { publicName } from "./public-name";
import { isTokenShaped, tokenHash } from "./tokens";

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
    .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "validated"), eq(signatures.showName, true)))
    .orderBy(desc(signatures.validatedAt))
    .limit(limit);
  return rows.map((r) => ({ name: publicName(r.fullName), validatedAt: r.validatedAt! }));
}

export type TokenSignature = { status: string; referralCode: string; expired: boolean };

/** The signature a confirmation token belongs to (state only, no personal data), or null. */
export async function findSignatureForToken(token: string): Promise<TokenSignature | null> {
  if (!isTokenShaped(token)) return null;
  const db = await getDb();
  const [row] = await queryRows<{ status: string; referral_code: string; expired: boolean }>(
    db,
    sql`select status, referral_code, token_expires_at <= now() as expired
        from signatures where token_hash = ${tokenHash(token)} limit 1`,
  );
  return row ? { status: row.status, referralCode: row.referral_code, expired: Boolean(row.expired) } : null;
}
