import "server-only";
// Where signing happens. A signature is stored pending with its confirmation email
// queued in the same statement; confirming it (a POST, never a GET) validates it
// and counts it once. A repeated submission answers exactly like the first, so
// nobody can learn from the form who has signed.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, queryRows, queryRowsPrepared } from "@/db/client";
import { retryIfConnectionLost } from "@/lib/database-unavailable";
import { fail, ok, type Result } from "@/lib/errors";
import { messages, type Locale } from "@/lib/i18n";
import { requestEmailDelivery } from "@/lib/email/wake";
import { rateLimitCheck, type Limit } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/secrets";
import { forgetCampaign, getCampaignForSigning } from "@/lib/campaigns/queries";
import { isBlockedFlag, screenSigner } from "@/lib/moderation/lists";
import { signingRules } from "@/lib/moderation/settings";
import { effectiveStatus, PUBLIC_STATUSES } from "@/lib/campaigns/states";
import { canonicalEmail } from "./canonical-email";
import { MAX_EMAILS_PER_SIGNATURE, RESEND_AFTER } from "./email-limits";
import { countConfirmation } from "./counts";
import { fieldErrorKeys, signatureInputSchema } from "./schemas";
import { campaignOpenForConfirming } from "./queries";
import { confirmationToken, detailsDigest, isTokenShaped, newReferralCode, TOKEN_TTL_DAYS, tokenHash } from "./tokens";

/** Why a signature over the per-IP soft limit is flagged (see flagged_reason). */
export const FLAG_IP_SOFT_LIMIT = "ip_soft_limit";

export type SignRequest = {
  campaignSlug: string;
  input: unknown; // form fields or API JSON, parsed here
  locale: Locale;
  clientIp: string;
  /** The clock the rate-limit windows are read from (tests move it; defaults to now). */
  now?: number;
};

export type SignOutcome = { accepted: true };
/** Refused by a rate limit: `retryAfter` is the whole seconds until the refusing window ends. */
export type RateLimited = { ok: false; code: "rate_limited"; retryAfter: number; fieldErrors?: undefined };
export type SignResult = Result<SignOutcome> | RateLimited;

/**
 * Record a signature. A connection cut under it (a database restart or failover) is tried
 * once more on a fresh connection: repeating is safe, since a first try that was stored
 * makes the second a repeat of a pending signature, which queues no second email.
 */
export function recordSignature(request: SignRequest): Promise<SignResult> {
  return retryIfConnectionLost(() => recordSignatureOnce(request));
}

async function recordSignatureOnce(request: SignRequest): Promise<SignResult> {
  const parsed = signatureInputSchema.safeParse(request.input);
  if (!parsed.success) return fail("invalid", fieldErrorKeys(parsed.error));
  const input = parsed.data;

  const campaign = await getCampaignForSigning(request.campaignSlug);
  if (campaign?.status === "taken_down") return fail("gone");
  if (!campaign || !PUBLIC_STATUSES.includes(campaign.status)) return fail("not_found");
  if (effectiveStatus(campaign.status, campaign.endsAt) !== "live") return fail("closed");
  // The organizers' safety control: nothing is stored while signing is frozen.
  if (campaign.signingFrozenAt) return fail("frozen");

  // A filled honeypot gets the same answer as a real signature, and nothing is stored.
  if (input.website) return ok({ accepted: true });

  const emailCanonical = canonicalEmail(input.email);
  const ipHash = keyedHash("ip", request.clientIp);
  // The limits and lists admins edit (lib/moderation/settings.ts; env values are the
  // defaults), from a cache a few seconds old. A blocked signer is accepted like anyone
  // and flagged; its confirmation is then never counted (confirmSignature), so an
  // abuser learns nothing. An allow-listed IP range or mail domain skips the soft limit.
  const rules = await signingRules();
  const screen = screenSigner(rules.compiled, request.clientIp, emailCanonical);
  // Per IP: a campus rally shares one address, so the soft limit only flags what goes
  // over it for review; the burst and sustained limits, far above a rally's pace, refuse
  // a script. Per email address there is no crowd to let through: over it is refused.
  const softLimit: Limit[] = screen.exempt ? [] : [{ key: `sign:ip:${ipHash}`, ...rules.limits.perIp, onExceed: "flag" }];
  const limits = rateLimitCheck(
    [
      ...softLimit,
      { key: `sign:ip-burst:${ipHash}`, ...rules.limits.perIpBurst },
      { key: `sign:ip-sustained:${ipHash}`, ...rules.limits.perIpSustained },
      { key: `sign:email:${keyedHash("email", emailCanonical)}`, ...rules.limits.perEmail },
    ],
    request.now,
  );
  const signatureId = crypto.randomUUID();
  const hash = tokenHash(confirmationToken(signatureId));
  // Consent is stored verbatim: the words the person saw, in their language.
  const consent = input.wantsUpdates ? messages(request.locale).form.updatesConsent : null;

  // One statement, so one round trip and its own transaction: count the hit against
  // every limit; if within the refusing ones, insert the signature (flagged when over
  // the soft limit). On a repeat of a pending signature, the new details replace the
  // old: what is published is what the owner of the address chose, and the
  // confirmation page shows it before the button. A repeat may also queue another
  // email if the signature may have one (at most MAX, none within RESEND_AFTER).
  // Concurrent repeats wait on the row lock and find the email already queued.
  const maySend = sql`(sg.emails_queued < ${MAX_EMAILS_PER_SIGNATURE}::int
              and sg.last_email_queued_at < now() - ${RESEND_AFTER}::interval)`;
  const pendingTakes = (column: string) =>
    sql.raw(`${column} = case when sg.status = 'pending' then excluded.${column} else sg.${column} end`);
  const [result] = await queryRowsPrepared<{ allowed: boolean; exceeded: string[]; queued: number }>(
    sql`with hits as (${limits.hits}),
        allowed as (select ${limits.withinLimits} as ok, ${limits.overFlagLimit} as flagged),
        s as (
          insert into signatures as sg (id, campaign_id, full_name, email, email_canonical, postal_code,
            show_name, updates_consent_text, updates_consent_at, comment, locale, ip_hash,
            referral_code, referred_by, token_hash, token_expires_at, emails_queued, last_email_queued_at,
            flagged_reason)
          select ${signatureId}::uuid, ${campaign.id}::uuid, ${input.fullName}::text, ${input.email.trim()}::text,
            ${emailCanonical}::text, ${input.postalCode ?? null}::text, ${input.showName}::boolean, ${consent}::text,
            ${consent ? sql`now()` : sql`null::timestamptz`}, ${input.comment ?? null}::text, ${request.locale}::locale,
            ${ipHash}::text, ${newReferralCode()}::text, ${input.ref ?? null}::text, ${hash}::text,
            now() + make_interval(days => ${TOKEN_TTL_DAYS}::int), 1, now(),
            coalesce(${screen.blocked}::text, case when allowed.flagged then ${FLAG_IP_SOFT_LIMIT}::text end)
          from allowed where allowed.ok
          on conflict (campaign_id, email_canonical) do update
            set ${sql.join(
              ["full_name", "show_name", "postal_code", "comment", "updates_consent_text", "updates_consent_at",
                "locale", "referred_by", "ip_hash", "flagged_reason"].map(pendingTakes),
              sql`, `,
            )},
                emails_queued = case when ${maySend} then sg.emails_queued + 1 else sg.emails_queued end,
                last_email_queued_at = case when ${maySend} then now() else sg.last_email_queued_at end,
                token_expires_at = case when sg.status = 'pending' and ${maySend}
                  then now() + make_interval(days => ${TOKEN_TTL_DAYS}::int) else sg.token_expires_at end
            where sg.status = 'pending' or (sg.status = 'validated' and ${maySend})
          returning sg.id, sg.status, sg.email, sg.locale, sg.last_email_queued_at = now() as send
        ),
        queued as (
          insert into email_outbox (kind, signature_id, to_address, locale)
          select (case when s.status = 'validated' then 'already_signed' else 'signature_confirmation' end)::email_kind,
                 s.id, s.email, s.locale
          from s where s.send
          returning id
        )
        select (select ok from allowed) as allowed, ${limits.exceededKeys} as exceeded,
               (select count(*)::int from queued) as queued`,
  );
  if (!result?.allowed) return { ok: false, code: "rate_limited", retryAfter: limits.retryAfter(result?.exceeded ?? []) };
  if (Number(result.queued) > 0) requestEmailDelivery();
  return ok({ accepted: true });
}

/** What the person confirming chose on the confirmation page. */
export type ConfirmChoice = {
  showName: boolean;
  /** The detailsDigest of what the page showed: if the details changed since, nothing is confirmed. */
  detailsDigest: string;
};

export type ConfirmOutcome =
  | { status: "confirmed" | "already_confirmed"; campaignSlug: string; referralCode: string }
  | { status: "closed" | "changed"; campaignSlug: string }
  | { status: "invalid" };

/**
 * Validates the signature a token belongs to, storing the choice made on the
 * confirmation page. Harmless to repeat. Refused once its campaign has been closed
 * longer than the grace period.
 */
export async function confirmSignature(token: string, choice?: ConfirmChoice): Promise<ConfirmOutcome> {
  if (!isTokenShaped(token)) return { status: "invalid" };
  const hash = tokenHash(token);
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<ConfirmOutcome & { campaignId?: string }> => {
    const [row] = await queryRows<{
      id: string; status: string; full_name: string; show_name: boolean; token_live: boolean;
      campaign_id: string; slug: string; referral_code: string; open: boolean; flagged_reason: string | null;
    }>(
      tx,
      sql`select s.id, s.status, s.full_name, s.show_name, s.token_expires_at > now() as token_live, s.flagged_reason,
                 s.campaign_id, c.slug, s.referral_code, ${campaignOpenForConfirming} as open
          from signatures s join campaigns c on c.id = s.campaign_id
          where s.token_hash = ${hash}
          limit 1
          for update of s`,
    );
    if (!row) return { status: "invalid" };
    const blocked = isBlockedFlag(row.flagged_reason);
    // A blocked signer's confirmed signature looks confirmed to them, and is never counted.
    if (row.status === "validated" || (row.status === "fraudulent" && blocked)) {
      return { status: "already_confirmed", campaignSlug: row.slug, referralCode: row.referral_code };
    }
    if (row.status !== "pending" || !row.token_live) return { status: "invalid" };
    if (!row.open) return { status: "closed", campaignSlug: row.slug };
    if (choice && choice.detailsDigest !== detailsDigest(row.id, row.full_name)) {
      return { status: "changed", campaignSlug: row.slug };
    }
    await tx.execute(
      sql`update signatures set status = ${blocked ? "fraudulent" : "validated"}::signature_status, validated_at = now(),
            show_name = ${choice?.showName ?? row.show_name}::boolean
          where id = ${row.id}`,
    );
    if (!blocked) await countConfirmation(tx, row.campaign_id);
    return { status: "confirmed", campaignSlug: row.slug, referralCode: row.referral_code, campaignId: row.campaign_id };
  });
  if (outcome.status === "confirmed") {
    // The signer is about to look at the campaign: show them their own signature at once.
    forgetCampaign({ id: outcome.campaignId!, slug: outcome.campaignSlug });
  }
  if (outcome.status === "confirmed" || outcome.status === "already_confirmed") {
    return { status: outcome.status, campaignSlug: outcome.campaignSlug, referralCode: outcome.referralCode };
  }
  return outcome;
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
