import "server-only";
// Where signing happens. A signature is stored pending with its confirmation email
// queued in the same statement; confirming it (a POST, never a GET) validates it
// and counts it once. A repeated submission answers exactly like the first, so
// nobody can learn from the form who has signed.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, queryRows, queryRowsPrepared } from "@/db/client";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/errors";
import { messages, type Locale } from "@/lib/i18n";
import { requestEmailDelivery } from "@/lib/email/wake";
import { rateLimitCheck } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/secrets";
import { forgetCampaign, getCampaignForSigning } from "@/lib/campaigns/queries";
import { canonicalEmail } from "./canonical-email";
import { countConfirmation } from "./counts";
import { fieldErrorKeys, signatureInputSchema } from "./schemas";
import { confirmationToken, isTokenShaped, newReferralCode, TOKEN_TTL_DAYS, tokenHash } from "./tokens";

/** At most this many emails per signature, and none sooner than RESEND_AFTER after the last. */
export const MAX_EMAILS_PER_SIGNATURE = 5;
export const RESEND_AFTER = "2 minutes";

export type SignRequest = {
  campaignSlug: string;
  input: unknown; // form fields or API JSON, parsed here
  locale: Locale;
  clientIp: string;
};

export type SignOutcome = { accepted: true };

export async function recordSignature(request: SignRequest): Promise<Result<SignOutcome>> {
  const parsed = signatureInputSchema.safeParse(request.input);
  if (!parsed.success) return fail("invalid", fieldErrorKeys(parsed.error));
  const input = parsed.data;

  const campaign = await getCampaignForSigning(request.campaignSlug);
  if (!campaign || campaign.status === "draft") return fail("not_found");
  if (campaign.status !== "live") return fail("closed");

  // A filled honeypot gets the same answer as a real signature, and nothing is stored.
  if (input.website) return ok({ accepted: true });

  const emailCanonical = canonicalEmail(input.email);
  const ipHash = keyedHash("ip", request.clientIp);
  const limits = rateLimitCheck([
    { key: `sign:ip:${ipHash}`, ...env.SIGN_LIMIT_PER_IP },
    { key: `sign:email:${keyedHash("email", emailCanonical)}`, ...env.SIGN_LIMIT_PER_EMAIL },
  ]);
  const signatureId = crypto.randomUUID();
  const hash = tokenHash(confirmationToken(signatureId));
  // Consent is stored verbatim: the words the person saw, in their language.
  const consent = input.wantsUpdates ? messages(request.locale).form.updatesConsent : null;

  // One statement, so one round trip and its own transaction: count the hit against
  // both limits; if within them, insert the signature, or on a repeat touch the
  // existing one if it may have another email; then queue that email in the outbox.
  // Concurrent repeats wait on the row lock and find the email already queued.
  const [result] = await queryRowsPrepared<{ allowed: boolean; queued: number }>(
    sql`with hits as (${limits.hits}),
        allowed as (select ${limits.withinLimits} as ok),
        s as (
          insert into signatures as sg (id, campaign_id, full_name, email, email_canonical, postal_code,
            show_name, updates_consent_text, updates_consent_at, comment, locale, ip_hash,
            referral_code, referred_by, token_hash, token_expires_at, emails_queued, last_email_queued_at)
          select ${signatureId}::uuid, ${campaign.id}::uuid, ${input.fullName}::text, ${input.email.trim()}::text,
            ${emailCanonical}::text, ${input.postalCode ?? null}::text, ${input.showName}::boolean, ${consent}::text,
            ${consent ? sql`now()` : sql`null::timestamptz`}, ${input.comment ?? null}::text, ${request.locale}::locale,
            ${ipHash}::text, ${newReferralCode()}::text, ${input.ref ?? null}::text, ${hash}::text,
            now() + make_interval(days => ${TOKEN_TTL_DAYS}::int), 1, now()
          from allowed where allowed.ok
          on conflict (campaign_id, email_canonical) do update
            set emails_queued = sg.emails_queued + 1,
                last_email_queued_at = now(),
                token_expires_at = case when sg.status = 'pending'
                  then now() + make_interval(days => ${TOKEN_TTL_DAYS}::int) else sg.token_expires_at end
            where sg.emails_queued < ${MAX_EMAILS_PER_SIGNATURE}::int
              and sg.last_email_queued_at < now() - ${RESEND_AFTER}::interval
              and sg.status in ('pending', 'validated')
          returning sg.id, sg.status, sg.email, sg.locale
        ),
        queued as (
          insert into email_outbox (kind, signature_id, to_address, locale)
          select (case when s.status = 'validated' then 'already_signed' else 'signature_confirmation' end)::email_kind,
                 s.id, s.email, s.locale
          from s
          returning id
        )
        select (select ok from allowed) as allowed, (select count(*)::int from queued) as queued`,
  );
  if (!result?.allowed) return fail("rate_limited");
  if (Number(result.queued) > 0) requestEmailDelivery();
  return ok({ accepted: true });
}

export type ConfirmOutcome =
  | { status: "confirmed" | "already_confirmed"; campaignSlug: string; referralCode: string }
  | { status: "invalid" };

/** Validates the signature a token belongs to. Harmless to repeat. */
export async function confirmSignature(token: string): Promise<ConfirmOutcome> {
  if (!isTokenShaped(token)) return { status: "invalid" };
  const hash = tokenHash(token);
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<ConfirmOutcome & { campaignId?: string }> => {
    const [confirmed] = await queryRows<{ campaign_id: string; slug: string; referral_code: string }>(
      tx,
      sql`update signatures s set status = 'validated', validated_at = now()
          from campaigns c
          where s.token_hash = ${hash} and s.status = 'pending' and s.token_expires_at > now()
            and c.id = s.campaign_id
          returning s.campaign_id, c.slug, s.referral_code`,
    );
    if (confirmed) {
      await countConfirmation(tx, confirmed.campaign_id);
      return { status: "confirmed", campaignSlug: confirmed.slug, referralCode: confirmed.referral_code, campaignId: confirmed.campaign_id };
    }
    const [existing] = await queryRows<{ status: string; slug: string; referral_code: string }>(
      tx,
      sql`select s.status, c.slug, s.referral_code from signatures s join campaigns c on c.id = s.campaign_id
          where s.token_hash = ${hash} limit 1`,
    );
    if (existing?.status === "validated") {
      return { status: "already_confirmed", campaignSlug: existing.slug, referralCode: existing.referral_code };
    }
    return { status: "invalid" };
  });
  if (outcome.status === "confirmed") {
    // The signer is about to look at the campaign: show them their own signature at once.
    forgetCampaign({ id: outcome.campaignId!, slug: outcome.campaignSlug });
  }
  if (outcome.status === "invalid") return outcome;
  return { status: outcome.status, campaignSlug: outcome.campaignSlug, referralCode: outcome.referralCode };
}

export const UNCONFIRMED_RETENTION_DAYS = 30;

/** Deletes signatures never confirmed within 30 days (their queued emails go with them). */
export async function purgeUnconfirmedSignatures(olderThanDays = UNCONFIRMED_RETENTION_DAYS): Promise<number> {
  const db = await getDb();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with d as (delete from signatures where status = 'pending'
                   and created_at < now() - make_interval(days => ${olderThanDays}) returning 1)
        select count(*)::int as n from d`,
  );
  return Number(row?.n ?? 0);
}
