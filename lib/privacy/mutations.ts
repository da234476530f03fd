import "server-only";
// Anyone can delete their data: they ask with their email address, we mail that
// address a link (only if it signed something; the answer on the page is the same
// either way), and pressing the button on the linked page deletes every signature
// made with the address, adjusting the public counts in the same transaction.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, queryRows, type DbOrTx } from "@/db/client";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { requestEmailDelivery } from "@/lib/email/wake";
import { hitRateLimits } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/secrets";
import { isTokenShaped, tokenHash } from "@/lib/signatures/tokens";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { emailField } from "@/lib/signatures/schemas";
import { MAX_EMAILS_PER_SIGNATURE } from "@/lib/signatures/email-limits";
import { countRemovals } from "@/lib/signatures/counts";
import { forgetEveryCampaign } from "@/lib/campaigns/queries";

const DELETION_LINK_HOURS = 24;

const requestSchema = z.object({
  email: emailField,
});

export function deletionToken(requestId: string): string {
  return keyedHash("delete-data", requestId);
}

export async function requestDataDeletion(input: {
  email: unknown;
  locale: Locale;
  clientIp: string;
}): Promise<Result<{ accepted: true }>> {
  const parsed = requestSchema.safeParse({ email: input.email });
  if (!parsed.success) return fail("invalid", { email: ["emailInvalid"] });
  const email = parsed.data.email;
  const emailCanonical = canonicalEmail(email);
  const db = await getDb();
  const withinLimits = await hitRateLimits(db, [
    { key: `delete:ip:${keyedHash("ip", input.clientIp)}`, ...env.SIGN_LIMIT_PER_IP },
    { key: `delete:email:${keyedHash("email", emailCanonical)}`, max: 3, seconds: 3600 },
  ]);
  if (!withinLimits) return fail("rate_limited");

  let queued = false;
  await db.transaction(async (tx) => {
    // Like confirmations, at most MAX_EMAILS_PER_SIGNATURE deletion emails per signature
    // in its lifetime: no address can be mailed without end through this form.
    const [signed] = await queryRows<{ n: number }>(
      tx,
      sql`with s as (update signatures set deletion_emails_queued = deletion_emails_queued + 1
                     where email_canonical = ${emailCanonical}
                       and deletion_emails_queued < ${MAX_EMAILS_PER_SIGNATURE}::int
                     returning 1)
          select count(*)::int as n from s`,
    );
    if (!Number(signed?.n)) return;
    const requestId = crypto.randomUUID();
    const [outbox] = await queryRows<{ id: string }>(
      tx,
      sql`with r as (
            insert into data_deletion_requests (id, email_canonical, token_hash, expires_at)
            values (${requestId}, ${emailCanonical}, ${tokenHash(deletionToken(requestId))},
                    now() + make_interval(hours => ${DELETION_LINK_HOURS}))
            returning id
          )
          insert into email_outbox (kind, to_address, locale, data)
          select 'data_deletion', ${email}, ${input.locale}, jsonb_build_object('requestId', r.id::text) from r
          returning id`,
    );
    if (outbox) queued = true;
  });
  if (queued) requestEmailDelivery();
  return ok({ accepted: true });
}

export type DeletedSignature = { id: string; campaign_id: string; status: string };

/**
 * Deletes the signatures matching `where` (their emails go with them: the outbox
 * cascades) and takes the confirmed ones off their campaigns' counts, in the caller's
 * transaction. Used by a signer's own deletion and by an organizer removing a signer
 * at their request (lib/signers/mutations.ts).
 */
export async function deleteSignatures(tx: DbOrTx, where: SQL): Promise<DeletedSignature[]> {
  const removed = await queryRows<DeletedSignature>(tx, sql`delete from signatures where ${where} returning id, campaign_id, status`);
  const confirmedByCampaign = new Map<string, number>();
  for (const r of removed) {
    if (r.status === "validated") confirmedByCampaign.set(r.campaign_id, (confirmedByCampaign.get(r.campaign_id) ?? 0) + 1);
  }
  await countRemovals(tx, confirmedByCampaign);
  return removed;
}

type DeletionOutcome = { status: "deleted"; signatures: number } | { status: "invalid" };

/** Deletes every signature made with the address a valid token was sent to. */
export async function deleteSignerData(token: string): Promise<DeletionOutcome> {
  if (!isTokenShaped(token)) return { status: "invalid" };
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [request] = await queryRows<{ id: string; email_canonical: string }>(
      tx,
      sql`delete from data_deletion_requests where token_hash = ${tokenHash(token)} and expires_at > now()
          returning id, email_canonical`,
    );
    if (!request) return { status: "invalid" as const };
    const removed = await deleteSignatures(tx, sql`email_canonical = ${request.email_canonical}`);
    // The deletion email itself holds the address: drop it too.
    await tx.execute(sql`delete from email_outbox where kind = 'data_deletion' and data->>'requestId' = ${request.id}`);
    return { status: "deleted" as const, signatures: removed.length };
  });
  // Names and counts on public pages change; deletions are rare: forget every campaign.
  if (outcome.status === "deleted") forgetEveryCampaign();
  return outcome;
}

/** Whether a deletion link is still good (for the page that shows the button). */
export async function isDeletionTokenValid(token: string): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const [row] = await queryRows<{ ok: boolean }>(
    await getDb(),
    sql`select true as ok from data_deletion_requests where token_hash = ${tokenHash(token)} and expires_at > now()`,
  );
  return Boolean(row?.ok);
}

/** Drops expired requests and the emails that carried them. */
export async function purgeExpiredDeletionRequests(): Promise<number> {
  const db = await getDb();
  await db.execute(sql`delete from email_outbox where kind = 'data_deletion' and created_at < now() - interval '2 days'`);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with d as (delete from data_deletion_requests where expires_at <= now() returning 1) select count(*)::int as n from d`,
  );
  return Number(row?.n ?? 0);
}
